// DynamoDB key design end to end in a real VS Code (code-server in chromium): squiggles, the code lens and the
// Problems entry on a CloudFormation table with a status GSI. Screenshot in test-results/.
// ("Analyse Key Distribution" runs in a real VS Code against moto in test/vscode/suite/keyDistribution.test.ts.)
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openWorkbench, type Workbench } from '../support/codeServer';

describe('DynamoDB key design (UI)', () => {
  let wb: Workbench;
  let workspace: string;

  before(async () => {
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
      viewport: { width: 1400, height: 900 },
      ...(process.env.LCL_VSIX ? { vsix: process.env.LCL_VSIX } : {}),
    });
  });

  after(async () => {
    await wb?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

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
