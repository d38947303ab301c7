// The panels in a real VS Code against moto (LCL_TEST_ENDPOINT): each panel's bundled script loads under the strict
// CSP and says `ready`; the host answers; requests sent as the view go through the same validation and reach moto;
// the view renders the answers and reports what it shows; state survives hide/show; bad input is refused inline.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import {
  CreateStreamCommand,
  DescribeStreamSummaryCommand,
  KinesisClient,
  PutRecordCommand,
} from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import type { WebviewsApi } from '../../../src/webviews/register';
import type { PanelHost } from '../../../src/webviews/panel';
import { zipOf } from '../../support/zip';
import { EXTENSION_ID, emulator, skipOnLocalStack, useEmulatorSettings, waitFor, workspaceUri } from './helpers';
import { onLocalStack } from '../../support/emulator';

const config = emulator.config();

interface Msg {
  type: string;
  [k: string]: unknown;
}

/** Records what the host sent and what the view sent, for one panel. */
function conversation(host: PanelHost<unknown>) {
  const posted: Msg[] = [];
  const received: Msg[] = [];
  host.onDidPost((m) => posted.push(m as Msg));
  host.onDidReceive((m) => received.push(m as Msg));
  return {
    posted,
    received,
    sent: (type: string, pred: (m: Msg) => boolean = () => true): Promise<Msg> =>
      waitFor(`host message "${type}"`, () => posted.find((m) => m.type === type && pred(m))) as Promise<Msg>,
    fromView: (type: string, pred: (m: Msg) => boolean = () => true): Promise<Msg> =>
      waitFor(`view message "${type}"`, () => received.find((m) => m.type === type && pred(m))) as Promise<Msg>,
  };
}

suite('webview panels against the emulator', function () {
  this.timeout(180_000);
  const ddb = new DynamoDBClient(emulator.config('dynamodb'));
  const kinesis = new KinesisClient({ ...config, requestHandler: new NodeHttpHandler() });
  const sqs = new SQSClient(config);
  let api: WebviewsApi;
  let queueUrl = '';
  let topicArn = '';

  suiteSetup(async () => {
    await emulator.reset();
    await ddb.send(
      new CreateTableCommand({
        TableName: 'orders',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'customer', AttributeType: 'S' },
          { AttributeName: 'seq', AttributeType: 'N' },
        ],
        KeySchema: [
          { AttributeName: 'customer', KeyType: 'HASH' },
          { AttributeName: 'seq', KeyType: 'RANGE' },
        ],
      }),
    );
    for (let i = 1; i <= 5; i++) {
      await ddb.send(
        new PutItemCommand({
          TableName: 'orders',
          Item: { customer: { S: 'c1' }, seq: { N: String(i) }, total: { N: String(i * 10) } },
        }),
      );
    }
    await kinesis.send(new CreateStreamCommand({ StreamName: 'clicks', ShardCount: 1 }));
    await waitFor('stream active', async () => {
      const s = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'clicks' }));
      return s.StreamDescriptionSummary?.StreamStatus === 'ACTIVE';
    });
    for (let i = 0; i < 3; i++) {
      await kinesis.send(
        new PutRecordCommand({ StreamName: 'clicks', PartitionKey: `u${i}`, Data: Buffer.from(`{"n":${i}}`) }),
      );
    }
    queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'jobs' }))).QueueUrl!;
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'first job' }));
    const iam = new IAMClient(config);
    const role = await iam.send(
      new CreateRoleCommand({
        RoleName: 'fn-role',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        }),
      }),
    );
    // LocalStack on the host has no container runtime: a function would stay Pending for good (the test skips).
    if (!onLocalStack)
      await new LambdaClient(config).send(
        new CreateFunctionCommand({
          FunctionName: 'greet',
          Runtime: 'nodejs20.x',
          Handler: 'index.handler',
          Role: role.Role!.Arn!,
          Code: { ZipFile: zipOf('index.js', 'exports.handler = async () => "hi";') },
        }),
      );
    const sns = new SNSClient(config);
    topicArn = (await sns.send(new CreateTopicCommand({ Name: 'events' }))).TopicArn!;
    const qArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] })))
      .Attributes!.QueueArn!;
    await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: qArn }));

    await useEmulatorSettings();
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    api = (await vscode.commands.executeCommand<WebviewsApi>('localCloudLab.test.webviews'))!;
    assert.ok(api, 'the test-mode hook returns the panels');
  });

  suiteTeardown(async () => {
    api?.confirm.answerWith(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // moto's state dump answers 500 while a Lambda function exists; leave the shared server clean.
    await emulator.reset();
  });

  test('DynamoDB items: scan pages, invalid JSON refused, put, delete after confirmation, state kept across hide/show', async () => {
    const host = (await vscode.commands.executeCommand<PanelHost<unknown>>('localCloudLab.dynamodb.openItems', {
      ref: { kind: 'dynamodb.table', tableName: 'orders' },
    }))!;
    const talk = conversation(host);
    await waitFor('the items view to load under the CSP and say ready', () => host.ready);
    const init = await talk.sent('init');
    assert.deepEqual((init.schema as { partitionKey: unknown }).partitionKey, { name: 'customer', type: 'S' });

    await host.deliverFromView({ type: 'scan', requestId: 11, limit: 2 });
    const page = await talk.sent('page', (m) => m.requestId === 11);
    assert.equal((page.items as unknown[]).length, 2);
    assert.ok(page.pageToken, 'a limited scan hands out a page token');
    await talk.fromView('shown', (m) => m.rows === 2);
    await host.deliverFromView({ type: 'scan', requestId: 12, limit: 2, pageToken: page.pageToken });
    await talk.fromView('shown', (m) => m.rows === 4);

    await host.deliverFromView({
      type: 'query',
      requestId: 19,
      limit: 10,
      partitionValue: 'c1',
      sort: { op: '>=', value: 'three' },
    });
    assert.match(String((await talk.sent('invalid', (m) => m.requestId === 19)).message), /"seq" is a number key/);
    await host.deliverFromView({
      type: 'query',
      requestId: 20,
      limit: 10,
      partitionValue: 'c1',
      sort: { op: '>=', value: '3' },
      descending: true,
    });
    const queried = await talk.sent('page', (m) => m.requestId === 20);
    assert.deepEqual(
      (queried.items as { item: { seq: number } }[]).map((i) => i.item.seq),
      [5, 4, 3],
    );
    await host.deliverFromView({ type: 'put', requestId: 13, json: '{"customer": "c9", ' });
    const invalid = await talk.sent('invalid', (m) => m.requestId === 13);
    assert.match(String(invalid.message), /not valid JSON/);
    await host.deliverFromView({ type: 'put', requestId: 14, json: '{"seq": 1}' });
    assert.match(String((await talk.sent('invalid', (m) => m.requestId === 14)).message), /partition key "customer"/);
    assert.equal((await ddb.send(new ScanCommand({ TableName: 'orders' }))).Count, 5, 'nothing was written');

    await host.deliverFromView({ type: 'put', requestId: 15, json: '{"customer": "c9", "seq": 1, "note": "new"}' });
    const saved = await talk.sent('saved', (m) => m.requestId === 15);
    // After a save the view scans again by itself; wait for that page so later counts are stable.
    await waitFor('the view to rescan after saving', () =>
      talk.posted.slice(talk.posted.indexOf(saved)).some((m) => m.type === 'page'),
    );
    const got = await ddb.send(
      new GetItemCommand({ TableName: 'orders', Key: { customer: { S: 'c9' }, seq: { N: '1' } } }),
    );
    assert.equal(got.Item?.note?.S, 'new');

    api.confirm.answerWith(() => false);
    await host.deliverFromView({ type: 'delete', requestId: 16, key: '{"customer":"c9","seq":1}' });
    await talk.sent('error', (m) => m.requestId === 16 && /cancelled/.test(String(m.message)));
    api.confirm.answerWith(() => true);
    await host.deliverFromView({ type: 'delete', requestId: 17, key: '{"customer":"c9","seq":1}' });
    await talk.sent('deleted', (m) => m.requestId === 17);
    assert.match(api.confirm.asked.at(-1) ?? '', /Delete the item customer = "c9", seq = 1 from table orders\?/);
    const gone = await ddb.send(
      new GetItemCommand({ TableName: 'orders', Key: { customer: { S: 'c9' }, seq: { N: '1' } } }),
    );
    assert.equal(gone.Item, undefined);

    await host.deliverFromView({ type: 'drop-table', requestId: 18 });
    await talk.sent('error', (m) => /does not accept/.test(String(m.message)));

    // Hide the panel (another editor takes the column), then show it again: the view reloads from its saved state.
    const readies = talk.received.filter((m) => m.type === 'ready').length;
    const pages = talk.posted.filter((m) => m.type === 'page').length;
    const shownBefore = talk.received.filter((m) => m.type === 'shown').length;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceUri(), 'README.md'));
    await vscode.window.showTextDocument(doc, { viewColumn: host.panel.viewColumn, preview: false });
    await waitFor('the panel to be hidden', () => !host.panel.visible);
    host.panel.reveal();
    await waitFor('the view to reload', () => talk.received.filter((m) => m.type === 'ready').length > readies);
    const shownAfter = (await waitFor(
      'the restored view to report its rows',
      () => talk.received.filter((m) => m.type === 'shown')[shownBefore],
    )) as Msg;
    assert.ok(Number(shownAfter.rows) >= 3, `restored rows: ${String(shownAfter.rows)}`);
    assert.equal(talk.posted.filter((m) => m.type === 'page').length, pages, 'no new scan was needed');
  });

  test('Kinesis records: TRIM_HORIZON read, live tail picks up a new record, tail stops', async () => {
    const host = (await vscode.commands.executeCommand<PanelHost<unknown>>('localCloudLab.kinesis.openRecords', {
      ref: { kind: 'kinesis.stream', streamName: 'clicks' },
    }))!;
    const talk = conversation(host);
    await waitFor('the records view to say ready', () => host.ready);
    const init = await talk.sent('init');
    const shardId = (init.shards as { shardId: string }[])[0]!.shardId;
    await host.deliverFromView({ type: 'read', requestId: 21, shardId, iterator: 'AT_SEQUENCE_NUMBER', limit: 10 });
    await talk.sent('error', (m) => m.requestId === 21 && /needs a sequence number/.test(String(m.message)));
    await host.deliverFromView({ type: 'read', requestId: 22, shardId, iterator: 'TRIM_HORIZON', limit: 10 });
    const first = await talk.sent('records', (m) => m.requestId === 22);
    assert.equal((first.records as unknown[]).length, 3);
    await talk.fromView('shown', (m) => m.rows === 3);

    await host.deliverFromView({ type: 'tail', on: true });
    await talk.sent('tail', (m) => m.state === 'running');
    await kinesis.send(
      new PutRecordCommand({ StreamName: 'clicks', PartitionKey: 'late', Data: Buffer.from('tail me') }),
    );
    const tailed = await talk.sent(
      'records',
      (m) => m.fromTail === true && (m.records as { partitionKey: string }[]).some((r) => r.partitionKey === 'late'),
    );
    assert.ok(tailed);
    await talk.fromView('shown', (m) => m.rows === 4);
    await host.deliverFromView({ type: 'tail', on: false });
    await talk.sent('tail', (m) => m.state === 'stopped');
    // A running tail stops by itself when the panel is hidden.
    const running = talk.posted.filter((m) => m.type === 'tail' && m.state === 'running').length;
    await host.deliverFromView({ type: 'tail', on: true });
    await waitFor(
      'the tail to run again',
      () => talk.posted.filter((m) => m.type === 'tail' && m.state === 'running').length > running,
    );
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceUri(), 'README.md'));
    await vscode.window.showTextDocument(doc, { viewColumn: host.panel.viewColumn, preview: false });
    await talk.sent('tail', (m) => m.state === 'stopped' && /hidden/.test(String(m.reason)));
  });

  test('SQS: send validated, peek only where offered (LocalStack), receive after the warning, delete', async () => {
    const host = (await vscode.commands.executeCommand<PanelHost<unknown>>('localCloudLab.sqs.openMessages', {
      ref: { kind: 'sqs.queue', queueUrl, queueName: 'jobs', fifo: false },
    }))!;
    const talk = conversation(host);
    await waitFor('the SQS view to say ready', () => host.ready);
    const init = await talk.sent('init');
    assert.equal(init.canPeek, onLocalStack, 'LocalStack has /_aws/sqs/messages, moto has not');
    if (onLocalStack) {
      await host.deliverFromView({ type: 'peek', requestId: 30 });
      const peeked = await talk.sent('messages', (m) => m.requestId === 30);
      assert.equal(peeked.mode, 'peek');
      assert.deepEqual(
        (peeked.messages as { body: string; deletable: boolean }[]).map((m) => [m.body, m.deletable]),
        [['first job', false]],
      );
    }

    await host.deliverFromView({ type: 'send', requestId: 31, body: 'x', groupId: 'g', attributes: [] });
    assert.match(String((await talk.sent('invalid', (m) => m.requestId === 31)).message), /FIFO queues only/);
    await host.deliverFromView({
      type: 'send',
      requestId: 32,
      body: 'second job',
      attributes: [{ name: 'priority', type: 'Number', value: '2' }],
    });
    await talk.sent('sent', (m) => m.requestId === 32);

    api.confirm.answerWith(() => true);
    await host.deliverFromView({ type: 'receive', requestId: 33, max: 10 });
    const got = await talk.sent('messages', (m) => m.requestId === 33);
    const messages = got.messages as { messageId: string; body: string; deletable: boolean }[];
    assert.deepEqual(messages.map((m) => m.body).sort(), ['first job', 'second job']);
    assert.ok(messages.every((m) => m.deletable));
    assert.match(api.confirm.asked.at(-1) ?? '', /Receive up to 10 messages from jobs\?/);
    await talk.fromView('shown', (m) => m.rows === 2);

    const victim = messages.find((m) => m.body === 'first job')!;
    await host.deliverFromView({ type: 'delete', requestId: 34, messageId: victim.messageId });
    await talk.sent('deleted', (m) => m.requestId === 34);
    const counts = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
    );
    assert.equal(counts.Attributes?.ApproximateNumberOfMessages, '1');
  });

  test('Lambda: invoke with a JSON payload; invalid JSON refused', async function () {
    skipOnLocalStack(this, 'Lambda without a container runtime: functions stay Pending and cannot be invoked');
    const host = (await vscode.commands.executeCommand<PanelHost<unknown>>('localCloudLab.lambda.invoke', {
      ref: { kind: 'lambda.function', functionName: 'greet', functionArn: '' },
    }))!;
    const talk = conversation(host);
    await waitFor('the Lambda view to say ready', () => host.ready);
    assert.equal(((await talk.sent('init')).config as { runtime: string }).runtime, 'nodejs20.x');
    await host.deliverFromView({ type: 'invoke', requestId: 41, payload: '{oops' });
    await talk.sent('invalid', (m) => m.requestId === 41);
    await host.deliverFromView({ type: 'invoke', requestId: 42, payload: '{"name": "Ada"}' });
    const result = await talk.sent('result', (m) => m.requestId === 42);
    assert.equal((result.result as { statusCode: number }).statusCode, 200);
    await talk.fromView('shown');
  });

  test('SNS: publish with attributes, filter policy refused when malformed and saved when valid', async () => {
    const host = (await vscode.commands.executeCommand<PanelHost<unknown>>('localCloudLab.sns.openTopic', {
      ref: { kind: 'sns.topic', topicArn, name: 'events', fifo: false },
    }))!;
    const talk = conversation(host);
    await waitFor('the SNS view to say ready', () => host.ready);
    const init = await talk.sent('init');
    const sub = (init.subscriptions as { arn: string }[])[0]!;
    await talk.fromView('shown', (m) => m.rows === 1);
    await host.deliverFromView({
      type: 'publish',
      requestId: 51,
      message: 'hello',
      attributes: [{ name: 'kind', type: 'String', value: 'greeting' }],
    });
    await talk.sent('published', (m) => m.requestId === 51);
    await host.deliverFromView({ type: 'setFilter', requestId: 52, subscriptionArn: sub.arn, policy: '{"kind": "x"}' });
    assert.match(String((await talk.sent('invalid', (m) => m.requestId === 52)).message), /must be a list/);
    await host.deliverFromView({
      type: 'setFilter',
      requestId: 53,
      subscriptionArn: sub.arn,
      policy: '{"kind": ["x"]}',
    });
    const saved = await talk.sent('filterSaved', (m) => m.requestId === 53);
    assert.deepEqual(JSON.parse(String(saved.policy)), { kind: ['x'] });
  });
});
