// "Run PartiQL…" and "Export Items…" in a real VS Code against the run's emulator (DynamoDB: moto): the command on a
// table row runs a pre-filled statement, opens the result as a read-only JSON document, pages at 100 items; a write
// statement asks first and a "no" changes nothing; an export with a pre-filled target writes the file.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { PartiqlShown } from '../../../src/commands/dynamodb';
import { connectToEmulator, emulator, treeChildren, waitValue, type TreeNode } from './helpers';
import { hashKeyTableInput } from '../../support/tables';

suite('DynamoDB PartiQL', () => {
  let dir = '';
  const ddb = new DynamoDBClient(emulator.config('dynamodb'));

  suiteSetup(async () => {
    await emulator.reset();
    await ddb.send(new CreateTableCommand(hashKeyTableInput('pql')));
    const items = Array.from({ length: 130 }, (_, i) => ({ PutRequest: { Item: { pk: { S: `k${i}` } } } }));
    for (let i = 0; i < items.length; i += 25) {
      await ddb.send(new BatchWriteItemCommand({ RequestItems: { pql: items.slice(i, i + 25) } }));
    }
    dir = mkdtempSync(join(tmpdir(), 'lcl-pql-'));
    await connectToEmulator();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('localCloudLab.test.answerConfirmations', undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(dir, { recursive: true, force: true });
    ddb.destroy();
    await emulator.reset();
  });

  const tableNode = () =>
    waitValue('the pql table row', async () =>
      (await treeChildren('dynamodb:')).find((n: TreeNode) => n.id === 'dynamodb:table:pql'),
    );

  test('runs a SELECT on a table row into a read-only JSON document, a page of 100 with more left', async () => {
    const node = await tableNode();
    const shown = await vscode.commands.executeCommand<PartiqlShown>(
      'localCloudLab.dynamodb.runPartiql',
      node,
      'SELECT * FROM "pql"',
    );
    assert.ok(shown);
    assert.equal(shown.items, 100);
    assert.equal(shown.more, true);
    const doc = vscode.window.activeTextEditor?.document;
    assert.equal(doc?.uri.toString(), shown.uri);
    assert.equal(doc?.languageId, 'json');
    const body = JSON.parse(doc?.getText() ?? '') as { statement: string; items: unknown[] };
    assert.equal(body.statement, 'SELECT * FROM "pql"');
    assert.equal(body.items.length, 100);
  });

  test('a DELETE asks first, naming the statement; "no" leaves the item', async () => {
    await vscode.commands.executeCommand('localCloudLab.test.answerConfirmations', false);
    const node = await tableNode();
    const stmt = `DELETE FROM "pql" WHERE pk = 'k1'`;
    const shown = await vscode.commands.executeCommand('localCloudLab.dynamodb.runPartiql', node, stmt);
    assert.equal(shown, undefined);
    const asked = await vscode.commands.executeCommand<string[]>('localCloudLab.test.confirmationsAsked');
    assert.equal(asked.at(-1), 'Run this DELETE statement?');
    const item = await ddb.send(new GetItemCommand({ TableName: 'pql', Key: { pk: { S: 'k1' } } }));
    assert.ok(item.Item, 'k1 still there');
  });

  test('Export Items… on a table writes every item to the chosen JSON file', async () => {
    const node = await tableNode();
    const file = join(dir, 'pql.json');
    const n = await vscode.commands.executeCommand<number>('localCloudLab.dynamodb.exportItems', node, undefined, {
      format: 'json',
      file,
    });
    assert.equal(n, 130);
    assert.equal((JSON.parse(readFileSync(file, 'utf8')) as unknown[]).length, 130);
  });
});
