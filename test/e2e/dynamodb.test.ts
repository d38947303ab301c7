// DynamoDB key design end to end in a real VS Code (code-server in chromium): squiggles, the code lens and the
// Problems entry on a CloudFormation table with a status GSI, and "Analyse Key Distribution" on a deliberately
// skewed table in moto (QuickPick, progress, histogram panel). Screenshots in test-results/.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ordersTableInput } from '../support/tables';
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { useEmulatorWorkbench } from './fixture';

describe('DynamoDB key design (UI)', () => {
  const ctx = useEmulatorWorkbench({
    prefix: 'lcl-e2e-ddb-',
    prepare: async (emulator, workspace) => {
      const ddb = new DynamoDBClient(emulator.config('dynamodb'));
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
    },
    viewport: { width: 1400, height: 900 },
  });

  test('Analyse Key Distribution samples the skewed table and shows the histogram', () =>
    ctx.wb.capture('dynamodb-key-distribution', async () => {
      await ctx.wb.openContainer('Local Cloud Lab');
      // The explorer lists the services once the emulator answers.
      await ctx.wb.treeRow('DynamoDB', 120_000);
      await ctx.wb.runCommand('Local Cloud Lab: Analyse Key Distribution…');
      const pick = ctx.wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'orders' }).first();
      await pick.waitFor({ timeout: 30_000 });
      await pick.click();
      await ctx.wb.page
        .locator('.tabs-container .tab', { hasText: 'Key distribution: orders' })
        .first()
        .waitFor({ timeout: 60_000 });
      const view = ctx.wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
      await view.locator('text=Sampled').first().waitFor({ timeout: 30_000 });
      const text = await view.locator('body').innerText();
      assert.match(text, /Sampled 600 items/);
      assert.match(text, /DDB_SAMPLE_SKEW/);
      assert.match(text, /acme/);
      await ctx.wb.screenshot('dynamodb-key-distribution');
    }));

  test('a status GSI is squiggled and listed in Problems with its heuristic and the AWS page', () =>
    ctx.wb.capture('dynamodb-squiggles', async () => {
      await ctx.wb.openFile('template.yaml');
      await ctx.wb.page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
      // The table's code lens carries the partition arithmetic.
      await ctx.wb.page.locator('.codelens-decoration', { hasText: 'On-demand' }).first().waitFor({ timeout: 30_000 });
      const rows = await ctx.wb.waitForProblem(/DDB_GSI_PK_LOW_CARDINALITY/);
      assert.ok(
        rows.some((r) => /ticketStatus/.test(r) && /heuristic/.test(r)),
        rows.join(' | '),
      );
      await ctx.wb.screenshot('dynamodb-squiggles');
    }));
});
