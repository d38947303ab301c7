// The new explorer services end to end in a real VS Code (code-server 4.139.1 in chromium): the EC2 / VPC view of the
// week-2 network (public and private subnets, a world-open SSH rule flagged) and an API Gateway Send Request clicked
// from the resource row — the response editor where the emulator serves API requests (LocalStack), the "not served"
// notice where it does not (moto). Screenshots in test-results/.
import { AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand } from '@aws-sdk/client-ec2';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AwsClients } from '../../src/aws/clients';
import { createVpcWithSubnets, planVpc } from '../../src/aws/ec2';
import { createMockApi } from '../support/apiGateway';
import { onLocalStack } from '../support/emulator';
import { clientsOf } from '../support/fixtures';
import { useEmulatorWorkbench } from './fixture';

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
  const ctx = useEmulatorWorkbench({
    prefix: 'lcl-e2e-services-',
    prepare: async (emulator) => {
      const clients = clientsOf(emulator);
      try {
        await seed(clients);
      } finally {
        clients.dispose();
      }
    },
    viewport: { width: 1400, height: 900 },
  });

  test('EC2 / VPC: subnets public or private by route table, the open SSH rule flagged', () =>
    ctx.wb.capture('vpc-view', async () => {
      await ctx.wb.openContainer('Local Cloud Lab');
      await ctx.wb.widenSidebar(260);
      await ctx.wb.expandRow('EC2 / VPC');
      await ctx.wb.expandRow('week2');
      await ctx.wb.expandRow('Subnets');
      await ctx.wb.labelRow('week2-public-1', /public · 10\.0\.1\.0\/24/).waitFor({ timeout: 30_000 });
      await ctx.wb.labelRow('week2-private-2', /private · 10\.0\.4\.0\/24/).waitFor({ timeout: 30_000 });
      await ctx.wb.expandRow('Security groups');
      // Clicking the group opens its rule table; its twistie expands the rules in the tree.
      const bastion = ctx.wb.labelRow('bastion', /1 warning/);
      await bastion.click();
      await ctx.wb.page
        .locator('.tabs-container .tab', { hasText: 'bastion rules.txt' })
        .first()
        .waitFor({ timeout: 30_000 });
      await bastion.locator('.monaco-tl-twistie').click();
      const ssh = ctx.wb.labelRow(/^in {2}tcp 22/);
      await ssh.waitFor({ timeout: 30_000 });
      assert.match(await ssh.innerText(), /SSH \(port 22\) is open to 0\.0\.0\.0\/0/);
      await ctx.wb.screenshot('vpc-view');
    }));

  test('API Gateway: Send Request from the resource row', () =>
    ctx.wb.capture('apigateway-request', async () => {
      await ctx.wb.openContainer('Local Cloud Lab');
      await ctx.wb.runCommand('View: Close All Editors');
      const ec2 = ctx.wb.labelRow('EC2 / VPC');
      if ((await ec2.getAttribute('aria-expanded')) === 'true') await ec2.locator('.monaco-tl-twistie').click();
      await ctx.wb.expandRow('API Gateway');
      await ctx.wb.expandRow('REST APIs');
      await ctx.wb.expandRow('shop');
      await ctx.wb.expandRow('dev');
      const row = ctx.wb.labelRow('/orders');
      await row.waitFor({ timeout: 30_000 });
      await row.hover();
      await row.locator('.action-label[aria-label^="Send Request"]').click();
      if (!onLocalStack) {
        const toast = ctx.wb.page.locator('.notification-toast', { hasText: 'does not serve API Gateway requests' });
        // Hovering waits for the toast's button to stop moving (the toast slides in).
        await toast.locator('.monaco-button', { hasText: 'Copy URL' }).hover({ timeout: 30_000 });
        await ctx.wb.screenshot('apigateway-request-moto');
        return;
      }
      // URL form, method (the resource's GET first), path: the default each time, once its step is showing.
      for (const step of ['(1/4): URL form', '(2/4): method', '(3/4): path']) {
        await ctx.wb.page
          .locator('.quick-input-widget .quick-input-title', { hasText: step })
          .waitFor({ timeout: 30_000 });
        await ctx.wb.page.keyboard.press('Enter');
      }
      const tab = ctx.wb.page.locator('.tabs-container .tab', { hasText: 'GET _orders → 200.http' });
      await tab.first().waitFor({ timeout: 30_000 });
      const editor = ctx.wb.page.locator('.editor-instance .view-lines').first();
      await editor.locator('.view-line', { hasText: 'HTTP 200' }).first().waitFor({ timeout: 30_000 });
      // Monaco renders spaces as no-break spaces (\s matches both).
      assert.match(await editor.innerText(), /"total":\s42/);
      await ctx.wb.screenshot('apigateway-request');
    }));
});
