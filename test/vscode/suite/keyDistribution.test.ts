// "Analyse Key Distribution" in a real VS Code against the run's emulator (DynamoDB: moto): a deliberately skewed table is
// sampled by the command, the result carries the skew finding, and the histogram panel's script loads under the
// strict CSP and receives the result.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { KeyDistributionApi } from '../../../src/dynamodb/keyDistribution';
import type { KeyDistributionResult } from '../../../src/dynamodb/protocol';
import { EXTENSION_ID, emulator, useEmulatorSettings, waitFor } from './helpers';
import { hashKeyTableInput } from '../../support/tables';

suite('DynamoDB key distribution', () => {
  suiteSetup(async () => {
    await emulator.reset();
    const ddb = new DynamoDBClient(emulator.config('dynamodb'));
    await ddb.send(new CreateTableCommand(hashKeyTableInput('skewed', 'tenant')));
    // An evenly keyed table: every item its own partition key value.
    const items = Array.from({ length: 100 }, (_, i) => ({ PutRequest: { Item: { tenant: { S: `t-${i}` } } } }));
    for (let i = 0; i < items.length; i += 25) {
      await ddb.send(new BatchWriteItemCommand({ RequestItems: { skewed: items.slice(i, i + 25) } }));
    }
    await ddb.send(
      new CreateTableCommand({
        TableName: 'hot',
        KeySchema: [
          { AttributeName: 'tenant', KeyType: 'HASH' },
          { AttributeName: 'id', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'tenant', AttributeType: 'S' },
          { AttributeName: 'id', AttributeType: 'S' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    const hot = Array.from({ length: 200 }, (_, i) => ({
      PutRequest: { Item: { tenant: { S: i % 4 ? 'big-tenant' : `t-${i}` }, id: { S: `i-${i}` } } },
    }));
    for (let i = 0; i < hot.length; i += 25) {
      await ddb.send(new BatchWriteItemCommand({ RequestItems: { hot: hot.slice(i, i + 25) } }));
    }
    ddb.destroy();
    await useEmulatorSettings();
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await emulator.reset();
  });

  test('the command samples a hot table, reports the skew and shows the histogram panel', async () => {
    const result = await vscode.commands.executeCommand<KeyDistributionResult | undefined>(
      'localCloudLab.dynamodb.analyseKeyDistribution',
      'hot',
    );
    assert.ok(result, 'the command returns its result');
    assert.equal(result.sampled, 200);
    assert.equal(result.complete, true);
    const table = result.histograms.find((h) => h.scope === 'table');
    assert.ok(table);
    assert.deepEqual(table.bars[0], { value: 'big-tenant', count: 150 });
    const skew = result.findings.find((f) => f.ruleId === 'DDB_SAMPLE_SKEW');
    assert.ok(skew, JSON.stringify(result.findings));
    assert.equal(skew.severity, 'error');
    assert.match(skew.message, /"big-tenant" holds 75%/);

    const api = await vscode.commands.executeCommand<KeyDistributionApi>('localCloudLab.test.keyDistribution');
    assert.ok(api);
    const host = await waitFor('the panel', () => api.panels.panelsOf('localCloudLab.keyDistribution')[0]);
    await waitFor('the view script to load and say ready', () => host.ready);
    assert.equal(host.panel.title, 'Key distribution: hot');
  });

  test('an evenly keyed table has no findings', async () => {
    const result = await vscode.commands.executeCommand<KeyDistributionResult | undefined>(
      'localCloudLab.dynamodb.analyseKeyDistribution',
      'skewed',
    );
    assert.ok(result);
    assert.equal(result.sampled, 100);
    assert.deepEqual(result.findings, []);
  });

  test('a missing table fails with one readable message and no panel', async () => {
    const result = await vscode.commands.executeCommand('localCloudLab.dynamodb.analyseKeyDistribution', 'nope');
    assert.equal(result, undefined);
  });
});
