// The API Gateway, CloudWatch Logs, EC2 / VPC, Step Functions and EventBridge rows and commands in a real VS Code
// against the run's emulator: the tree expands to the leaves, the guided VPC command creates (or, on bad input or a
// "no", creates nothing), Send Request answers from a MOCK integration where the emulator serves API requests, a
// Lambda function's Show Logs follows new events and stops with its tab, and Start Execution / Put Event refuse bad
// JSON before any call.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateStateMachineCommand, ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { createMockApi } from '../../support/apiGateway';
import { onLocalStack } from '../../support/emulator';
import {
  connectToEmulator,
  emulator,
  skipOnLocalStack,
  treeChildren,
  waitFor,
  waitValue,
  type TreeNode,
} from './helpers';

type Node = TreeNode;
const children = treeChildren;

const config = emulator.config();

/** Expands the rows along `path` (labels) and returns the last one's children. */
async function expand(...path: string[]): Promise<{ node: Node; rows: Node[] }> {
  let rows = await children();
  let node: Node | undefined;
  for (const label of path) {
    const parent: Node | undefined = node;
    node = await waitValue(`"${label}" under ${parent?.label ?? 'the root'}`, async () =>
      (await children(parent?.id)).find((n) => n.label === label),
    );
    rows = await children(node.id);
  }
  return { node: node!, rows };
}

const labels = (rows: readonly Node[]) => rows.map((r) => r.label);

suite('new services: API Gateway, Logs, EC2 / VPC, Step Functions, EventBridge', function () {
  this.timeout(120_000);
  const apigw = new APIGatewayClient(config);
  const logs = new CloudWatchLogsClient(config);
  const ec2 = new EC2Client(config);
  const sfn = new SFNClient(config);
  let apiId = '';
  let machineArn = '';

  suiteSetup(async () => {
    await emulator.reset();
    apiId = (await createMockApi(apigw, { name: 'shop', body: { orders: 2 } })).apiId;
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/aws/lambda/orders-fn' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: '/aws/lambda/orders-fn', logStreamName: 'old' }));
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: '/aws/lambda/orders-fn',
        logStreamName: 'old',
        logEvents: [
          { timestamp: Date.now() - 5_000, message: 'START cold' },
          { timestamp: Date.now() - 4_000, message: 'ERROR order 7 failed' },
        ],
      }),
    );
    machineArn = (
      await sfn.send(
        new CreateStateMachineCommand({
          name: 'checkout-flow',
          roleArn: 'arn:aws:iam::000000000000:role/sfn',
          definition: JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }),
        }),
      )
    ).stateMachineArn!;
    await connectToEmulator();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('localCloudLab.test.answerConfirmations', undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const c of [apigw, logs, ec2, sfn]) c.destroy();
  });

  test('each new service expands to its leaves', async () => {
    const roots = await waitValue('the new services in the tree', async () => {
      const r = await children();
      return r.some((n) => n.label === 'EventBridge') ? r : undefined;
    });
    for (const l of ['API Gateway', 'CloudWatch Logs', 'EC2 / VPC', 'Step Functions', 'EventBridge']) {
      assert.ok(labels(roots).includes(l), `${l} in ${labels(roots).join(', ')}`);
    }
    const stages = await expand('API Gateway', 'REST APIs', 'shop');
    assert.deepEqual(labels(stages.rows), ['dev']);
    assert.match(stages.rows[0]!.description ?? '', new RegExp(apiId));
    assert.deepEqual(labels((await expand('API Gateway', 'REST APIs', 'shop', 'dev', '/orders', 'GET')).rows), [
      'MOCK',
    ]);
    assert.deepEqual(labels((await expand('CloudWatch Logs', '/aws/lambda/orders-fn')).rows), ['old']);
    const events = await expand('CloudWatch Logs', '/aws/lambda/orders-fn', 'old');
    assert.deepEqual(labels(events.rows), ['START cold', 'ERROR order 7 failed']);
    assert.deepEqual(labels((await expand('Step Functions', 'checkout-flow')).rows), ['Nothing here']);
    assert.ok(labels((await expand('EventBridge')).rows).includes('default'));
    assert.ok((await expand('EC2 / VPC')).rows.length >= 1);
  });

  test('Create VPC: bad input or a "no" creates nothing; a "yes" creates the week-2 network', async () => {
    const before = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs?.length ?? 0;
    const bad = await vscode.commands.executeCommand('localCloudLab.ec2.createVpc', undefined, {
      cidr: '10.0.0.0/8',
      azCount: 2,
      name: 'week2',
    });
    assert.equal(bad, undefined);
    await vscode.commands.executeCommand('localCloudLab.test.answerConfirmations', false);
    const declined = await vscode.commands.executeCommand('localCloudLab.ec2.createVpc', undefined, {
      cidr: '10.0.0.0/16',
      azCount: 2,
      name: 'week2',
    });
    assert.equal(declined, undefined);
    const asked = await vscode.commands.executeCommand<string[]>('localCloudLab.test.confirmationsAsked');
    assert.match(asked.at(-1) ?? '', /^Create VPC week2 \(10\.0\.0\.0\/16\) in /);
    assert.equal((await ec2.send(new DescribeVpcsCommand({}))).Vpcs?.length ?? 0, before);

    await vscode.commands.executeCommand('localCloudLab.test.answerConfirmations', true);
    const made = await vscode.commands.executeCommand<{ created: { kind: string; id: string }[] }>(
      'localCloudLab.ec2.createVpc',
      undefined,
      { cidr: '10.0.0.0/16', azCount: 2, name: 'week2' },
    );
    assert.equal(made?.created.filter((c) => c.kind === 'subnet').length, 4);
    const subnets = await waitValue('the new VPC in the tree', async () => {
      const vpcs = await children('ec2:');
      const vpc = vpcs.find((n) => n.label === 'week2');
      if (!vpc) return undefined;
      const folder = (await children(vpc.id)).find((n) => n.label === 'Subnets');
      return folder ? children(folder.id) : undefined;
    });
    assert.deepEqual(subnets.map((s) => [s.label, s.description?.split(' · ')[0]]).sort(), [
      ['week2-private-1', 'private'],
      ['week2-private-2', 'private'],
      ['week2-public-1', 'public'],
      ['week2-public-2', 'public'],
    ]);
  });

  test('Send Request answers from the MOCK integration where the emulator serves API requests', async () => {
    const { rows } = await expand('API Gateway', 'REST APIs', 'shop', 'dev');
    const resource = rows.find((r) => r.label === '/orders')!;
    const result = await vscode.commands.executeCommand<{ uri: string; status: number; body: string } | undefined>(
      'localCloudLab.apigateway.sendRequest',
      resource,
      { method: 'GET', path: '/orders', urlIndex: 0 },
    );
    if (!onLocalStack) {
      // moto server does not serve API requests: the command says so (and offers the AWS-form URL) instead.
      assert.equal(result, undefined);
      return;
    }
    assert.equal(result?.status, 200);
    assert.deepEqual(JSON.parse(result.body), { orders: 2 });
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === result.uri);
    assert.ok(doc);
    assert.match(doc.getText(), /^GET http:\/\/.+\/_aws\/execute-api\/.+\/dev\/orders\nHTTP 200 /);
  });

  test("a Lambda function's Show Logs follows new events and stops with its tab", async () => {
    const fn = {
      id: 'lambda:function:x',
      label: 'orders-fn',
      contextValue: 'lcl.lambda.function',
      collapsible: 'none',
      ref: { kind: 'lambda.function', functionName: 'orders-fn', functionArn: 'arn' },
    };
    // An event from just before: the tail shows the last minute too.
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: '/aws/lambda/orders-fn',
        logStreamName: 'old',
        logEvents: [{ timestamp: Date.now() - 2_000, message: 'REPORT earlier run' }],
      }),
    );
    const tail = await vscode.commands.executeCommand<{ uri: string }>('localCloudLab.lambda.showLogs', fn);
    assert.ok(tail);
    const text = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === tail.uri)?.getText() ?? '';
    await waitFor('the earlier event in the tail', () => /REPORT earlier run/.test(text()));
    await logs.send(new CreateLogStreamCommand({ logGroupName: '/aws/lambda/orders-fn', logStreamName: 'new' }));
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: '/aws/lambda/orders-fn',
        logStreamName: 'new',
        logEvents: [{ timestamp: Date.now(), message: 'END request 8' }],
      }),
    );
    await waitFor('the new event in the tail', () => /END request 8/.test(text()), 30_000);
    assert.match(text(), /^# Tail of \/aws\/lambda\/orders-fn: following/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The tail forgot its text when the tab closed: opening the URI again shows that it stopped.
    const reopened = await vscode.workspace.openTextDocument(vscode.Uri.parse(tail.uri));
    await waitFor('the closed tail', () => /This view is closed/.test(reopened.getText()) || undefined);
  });

  test('Filter Log Events finds the matching events', async function () {
    skipOnLocalStack(this, 'LocalStack 4.14 ignores the filterPattern of FilterLogEvents');
    const group = {
      id: 'logs:group:/aws/lambda/orders-fn',
      label: '/aws/lambda/orders-fn',
      contextValue: 'lcl.logs.group',
      collapsible: 'collapsed',
      ref: { kind: 'logs.group', group: '/aws/lambda/orders-fn' },
    };
    const result = await vscode.commands.executeCommand<{ uri: string; count: number }>(
      'localCloudLab.logs.filter',
      group,
      {
        pattern: 'ERROR',
      },
    );
    assert.equal(result?.count, 1);
  });

  test('Start Execution and Put Event refuse bad JSON, then run', async () => {
    const { node: machine } = await expand('Step Functions', 'checkout-flow');
    const refused = await vscode.commands.executeCommand('localCloudLab.stepfunctions.startExecution', machine, {
      name: 'bad',
      input: '{"id": ',
    });
    assert.equal(refused, undefined);
    assert.equal((await sfn.send(new ListExecutionsCommand({ stateMachineArn: machineArn }))).executions?.length, 0);
    const started = await vscode.commands.executeCommand<{ executionArn: string }>(
      'localCloudLab.stepfunctions.startExecution',
      machine,
      { name: 'run-1', input: '{"id": 1}' },
    );
    assert.match(started?.executionArn ?? '', /:run-1$/);
    await waitFor('the execution under the state machine', async () =>
      (await children(machine.id)).some((n) => n.label === 'run-1'),
    );

    const { node: bus } = await expand('EventBridge', 'default');
    const badEvent = await vscode.commands.executeCommand('localCloudLab.eventbridge.putEvent', bus, {
      source: 'lab.orders',
      detailType: 'OrderPlaced',
      detail: '[1]',
    });
    assert.equal(badEvent, undefined);
    const put = await vscode.commands.executeCommand<{ eventId?: string }>('localCloudLab.eventbridge.putEvent', bus, {
      source: 'lab.orders',
      detailType: 'OrderPlaced',
      detail: '{"orderId": "42"}',
    });
    assert.ok(put?.eventId);
  });
});
