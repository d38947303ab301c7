// DynamoDB key design end to end in a real VS Code (code-server in chromium): squiggles, the code lens and the
// Problems entry on a CloudFormation table with a status GSI, and "Analyse Key Distribution" on a deliberately
// skewed table in moto (QuickPick, progress, histogram panel). Screenshots in test-results/.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ordersTableInput } from '../support/tables';
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { openWorkbench, type Workbench } from '../support/codeServer';
import { emulatorSettings, startEmulator, type TestEmulator } from '../support/emulator';

describe('DynamoDB key design (UI)', () => {
  let moto: TestEmulator;
  let wb: Workbench;
  let workspace: string;

  before(async () => {
    moto = await startEmulator();
    await moto.reset();
    const ddb = new DynamoDBClient(moto.config('dynamodb'));
    await ddb.send(new CreateTableCommand(ordersTableInput('orders')));
    // A handful of customers hold most orders.
    const puts = Array.from({ length: 600 }, (_, i) => ({
      PutRequest: {
        Item: {
          customerId: { S: i % 2 ? 'acme' : i % 3 ? 'globex' : `customer-${i % 97}` },
          orderId: { S: `o-${i}` },
          status: { S: ['OPEN', 'PAID', 'SHIPPED'][i % 3]! },
        },
      },
    }));
    for (let i = 0; i < puts.length; i += 25) {
      await ddb.send(new BatchWriteItemCommand({ RequestItems: { orders: puts.slice(i, i + 25) } }));
    }
    ddb.destroy();
    workspace = mkdtempSync(join(tmpdir(), 'lcl-e2e-ddb-'));
    const template = [
      'Resources:',
      '  Tickets:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      TableName: tickets',
      '      BillingMode: PAY_PER_REQUEST',
      '      KeySchema:',
      '        - AttributeName: customerId',
      '          KeyType: HASH',
      '        - AttributeName: ticketId',
      '          KeyType: RANGE',
      '      AttributeDefinitions:',
      '        - AttributeName: customerId',
      '          AttributeType: S',
      '        - AttributeName: ticketId',
      '          AttributeType: S',
      '        - AttributeName: ticketStatus',
      '          AttributeType: S',
      '      GlobalSecondaryIndexes:',
      '        - IndexName: ByStatus',
      '          KeySchema:',
      '            - AttributeName: ticketStatus',
      '              KeyType: HASH',
      '          Projection:',
      '            ProjectionType: ALL',
      '',
    ].join('\n');
    writeFileSync(join(workspace, 'template.yaml'), template);
    wb = await openWorkbench({
      workspace,
      settings: emulatorSettings(moto),
      viewport: { width: 1400, height: 900 },
      ...(process.env.LCL_VSIX ? { vsix: process.env.LCL_VSIX } : {}),
    });
  });

  after(async () => {
    await wb?.close();
    await moto?.reset();
    await moto?.stop();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  test('Analyse Key Distribution samples the skewed table and shows the histogram', () =>
    wb.capture('dynamodb-key-distribution', async () => {
      await wb.openContainer('Local Cloud Lab');
      // The explorer lists the services once the emulator answers.
      await wb.treeRow('DynamoDB', 120_000);
      await wb.runCommand('Local Cloud Lab: Analyse Key Distribution…');
      const pick = wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'orders' }).first();
      await pick.waitFor({ timeout: 30_000 });
      await pick.click();
      await wb.page
        .locator('.tabs-container .tab', { hasText: 'Key distribution: orders' })
        .first()
        .waitFor({ timeout: 60_000 });
      const view = wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
      await view.locator('text=Sampled').first().waitFor({ timeout: 30_000 });
      const text = await view.locator('body').innerText();
      assert.match(text, /Sampled 600 items/);
      assert.match(text, /DDB_SAMPLE_SKEW/);
      assert.match(text, /acme/);
      await wb.screenshot('dynamodb-key-distribution');
    }));

  test('a status GSI is squiggled and listed in Problems with its heuristic and the AWS page', () =>
    wb.capture('dynamodb-squiggles', async () => {
      await wb.openFile('template.yaml');
      await wb.page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
      // The table's code lens carries the partition arithmetic.
      await wb.page.locator('.codelens-decoration', { hasText: 'On-demand' }).first().waitFor({ timeout: 30_000 });
      const rows = await wb.waitForProblem(/DDB_GSI_PK_LOW_CARDINALITY/);
      assert.ok(
        rows.some((r) => /ticketStatus/.test(r) && /heuristic/.test(r)),
        rows.join(' | '),
      );
      await wb.screenshot('dynamodb-squiggles');
    }));
});
