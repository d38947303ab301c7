// The new explorer services end to end in a real VS Code (code-server 4.139.1 in chromium): the EC2 / VPC view of the
// week-2 network (public and private subnets, a world-open SSH rule flagged) and an API Gateway Send Request clicked
// from the resource row — the response editor where the emulator serves API requests (LocalStack), the "not served"
// notice where it does not (moto). Screenshots in test-results/.
import { AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand } from '@aws-sdk/client-ec2';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { AwsClients } from '../../src/aws/clients';
import { createVpcWithSubnets, planVpc } from '../../src/aws/ec2';
import { createMockApi } from '../support/apiGateway';
import { openWorkbench, type Workbench } from '../support/codeServer';
import { emulatorSettings, onLocalStack, startEmulator, type TestEmulator } from '../support/emulator';
import { clientsOf } from '../support/fixtures';

async function seed(c: AwsClients): Promise<void> {
  const created = await createVpcWithSubnets(c, planVpc('10.0.0.0/16', 2, 'week2'));
  const sg = await c
    .ec2()
    .send(new CreateSecurityGroupCommand({ GroupName: 'bastion', Description: 'bastion host', VpcId: created[0]!.id }));
  await c.ec2().send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: sg.GroupId,
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
        { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      ],
    }),
  );
  await createMockApi(c.apiGateway(), { name: 'shop', body: { orders: [{ id: 'o-1', total: 42 }] } });
}

describe('new services (UI)', () => {
  let emulator: TestEmulator;
  let clients: AwsClients;
  let wb: Workbench;
  let workspace: string;

  before(async () => {
    emulator = await startEmulator();
    await emulator.reset();
    clients = clientsOf(emulator);
    await seed(clients);
    workspace = mkdtempSync(join(tmpdir(), 'lcl-e2e-services-'));
    wb = await openWorkbench({
      workspace,
      settings: emulatorSettings(emulator),
      viewport: { width: 1400, height: 900 },
      ...(process.env.LCL_VSIX ? { vsix: process.env.LCL_VSIX } : {}),
    });
  });

  after(async () => {
    await wb?.close();
    clients?.dispose();
    await emulator?.reset();
    await emulator?.stop();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  test('EC2 / VPC: subnets public or private by route table, the open SSH rule flagged', () =>
    wb.capture('vpc-view', async () => {
      await wb.openContainer('Local Cloud Lab');
      await wb.widenSidebar(260);
      await wb.expandRow('EC2 / VPC');
      await wb.expandRow('week2');
      await wb.expandRow('Subnets');
      await wb.labelRow('week2-public-1', /public · 10\.0\.1\.0\/24/).waitFor({ timeout: 30_000 });
      await wb.labelRow('week2-private-2', /private · 10\.0\.4\.0\/24/).waitFor({ timeout: 30_000 });
      await wb.expandRow('Security groups');
      // Clicking the group opens its rule table; its twistie expands the rules in the tree.
      const bastion = wb.labelRow('bastion', /1 warning/);
      await bastion.click();
      await wb.page
        .locator('.tabs-container .tab', { hasText: 'bastion rules.txt' })
        .first()
        .waitFor({ timeout: 30_000 });
      await bastion.locator('.monaco-tl-twistie').click();
      const ssh = wb.labelRow(/^in {2}tcp 22/);
      await ssh.waitFor({ timeout: 30_000 });
      assert.match(await ssh.innerText(), /SSH \(port 22\) is open to 0\.0\.0\.0\/0/);
      await wb.screenshot('vpc-view');
    }));

  test('API Gateway: Send Request from the resource row', () =>
    wb.capture('apigateway-request', async () => {
      await wb.openContainer('Local Cloud Lab');
      await wb.runCommand('View: Close All Editors');
      const ec2 = wb.labelRow('EC2 / VPC');
      if ((await ec2.getAttribute('aria-expanded')) === 'true') await ec2.locator('.monaco-tl-twistie').click();
      await wb.expandRow('API Gateway');
      await wb.expandRow('REST APIs');
      await wb.expandRow('shop');
      await wb.expandRow('dev');
      const row = wb.labelRow('/orders');
      await row.waitFor({ timeout: 30_000 });
      await row.hover();
      await row.locator('.action-label[aria-label^="Send Request"]').click();
      if (!onLocalStack) {
        const toast = wb.page.locator('.notification-toast', { hasText: 'does not serve API Gateway requests' });
        // Hovering waits for the toast's button to stop moving (the toast slides in).
        await toast.locator('.monaco-button', { hasText: 'Copy URL' }).hover({ timeout: 30_000 });
        await wb.screenshot('apigateway-request-moto');
        return;
      }
      // URL form, method (the resource's GET first), path: the default each time, once its step is showing.
      for (const step of ['(1/4): URL form', '(2/4): method', '(3/4): path']) {
        await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: step }).waitFor({ timeout: 30_000 });
        await wb.page.keyboard.press('Enter');
      }
      const tab = wb.page.locator('.tabs-container .tab', { hasText: 'GET _orders → 200.http' });
      await tab.first().waitFor({ timeout: 30_000 });
      const editor = wb.page.locator('.editor-instance .view-lines').first();
      await editor.locator('.view-line', { hasText: 'HTTP 200' }).first().waitFor({ timeout: 30_000 });
      // Monaco renders spaces as no-break spaces (\s matches both).
      assert.match(await editor.innerText(), /"total":\s42/);
      await wb.screenshot('apigateway-request');
    }));
});
