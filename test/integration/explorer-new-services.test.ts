// The explorer's API Gateway, CloudWatch Logs, EC2 / VPC, Step Functions and EventBridge rows, expanded through the
// plain tree model against the run's emulator, with small pages so "Load more" shows: invoke URL on a stage, resources
// → methods → integrations, log groups → streams → events, subnets public/private by route table, a world-open SSH
// rule flagged, executions with their history, rules with their targets.
import { AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand } from '@aws-sdk/client-ec2';
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createVpcWithSubnets, planVpc } from '../../src/aws/ec2';
import { putRule } from '../../src/aws/eventBridge';
import { writeLogEvents } from '../../src/aws/logs';
import { createStateMachine, describeExecution, startExecution } from '../../src/aws/stepFunctions';
import { ConnectionMonitor } from '../../src/connection/monitor';
import type { ExplorerNode } from '../../src/explorer/model';
import { ExplorerTree } from '../../src/explorer/model/tree';
import { createServiceRegistry } from '../../src/explorer/services';
import { createMockApi } from '../support/apiGateway';
import { onLocalStack } from '../support/emulator';
import { useLab } from '../support/fixtures';

const labels = (rows: readonly ExplorerNode[]) => rows.map((r) => r.label);
function find(rows: readonly ExplorerNode[], label: string | RegExp): ExplorerNode {
  const n = rows.find((r) => (typeof label === 'string' ? r.label === label : label.test(r.label)));
  assert.ok(n, `${String(label)} in ${labels(rows).join(', ')}`);
  return n;
}

describe('explorer: API Gateway, Logs, EC2 / VPC, Step Functions, EventBridge', () => {
  const lab = useLab();
  let monitor: ConnectionMonitor | undefined;
  let tree: ExplorerTree | undefined;
  after(() => {
    tree?.dispose();
    monitor?.dispose();
  });

  /** Expands every node on the path, loading all pages of the last one. */
  async function open(...path: (string | RegExp)[]): Promise<ExplorerNode[]> {
    let rows = await tree!.children();
    let node: ExplorerNode | undefined;
    for (const step of path) {
      node = find(rows, step);
      rows = await tree!.children(node);
    }
    for (let i = 0; i < 20 && rows.at(-1)?.ref.kind === 'explorer.loadMore'; i++) {
      assert.equal(await tree!.loadMore(node!.id), undefined);
      rows = await tree!.children(node);
    }
    return rows;
  }

  it('lists each new service down to its leaves', async () => {
    const c = lab.clients;
    // API Gateway: GET /orders answered by a MOCK integration, deployed to dev.
    const api = { id: (await createMockApi(c.apiGateway(), { name: 'shop', body: { orders: 1 } })).apiId };
    // Logs: three groups (two pages of two), a stream with three events.
    const t0 = Date.now() - 10_000;
    for (const g of ['/aws/lambda/a', '/aws/lambda/b', '/app/web']) {
      await writeLogEvents(c, {
        group: g,
        stream: 's1',
        create: true,
        events: [0, 1, 2].map((i) => ({ timestamp: t0 + i, message: i === 1 ? `ERROR ${g} ${i}` : `line ${i}` })),
      });
    }
    // EC2: the week-2 VPC, and a bastion group open to the world on SSH.
    const created = await createVpcWithSubnets(c, planVpc('10.0.0.0/16', 1, 'week2'));
    const vpcId = created[0]!.id;
    const sg = await c
      .ec2()
      .send(new CreateSecurityGroupCommand({ GroupName: 'bastion', Description: 'ssh', VpcId: vpcId }));
    await c.ec2().send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: sg.GroupId,
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
      }),
    );
    // Step Functions: a machine with one finished execution.
    const machine = await createStateMachine(c, {
      name: 'orders-flow',
      roleArn: 'arn:aws:iam::000000000000:role/sfn',
      definition: JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }),
    });
    const exec = await startExecution(c, { stateMachineArn: machine, input: '{"id": 1}', name: 'run-1' });
    const deadline = Date.now() + 10_000;
    while ((await describeExecution(c, exec.executionArn)).status === 'RUNNING' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    // EventBridge: a rule on the default bus sending to a queue.
    const q = (await c.sqs().send(new CreateQueueCommand({ QueueName: 'placed' }))).QueueUrl!;
    const qArn = (await c.sqs().send(new GetQueueAttributesCommand({ QueueUrl: q, AttributeNames: ['QueueArn'] })))
      .Attributes!.QueueArn!;
    await putRule(c, {
      bus: 'default',
      name: 'order-placed',
      eventPattern: JSON.stringify({ source: ['lab.orders'] }),
      targets: [{ id: 'q', arn: qArn }],
    });

    const endpoint = lab.emulator.endpoint;
    monitor = new ConnectionMonitor({
      readSettings: () => ({ endpoint, endpoints: lab.emulator.endpoints }),
      env: {},
      confirmRemote: async () => false,
      backoff: () => 100,
    });
    tree = new ExplorerTree(createServiceRegistry(), monitor, { pageSize: () => 2 });
    await monitor.start();
    assert.equal(monitor.state.kind, 'connected');
    const roots = await tree.children();
    for (const l of ['API Gateway', 'CloudWatch Logs', 'EC2 / VPC', 'Step Functions', 'EventBridge']) {
      assert.equal(find(roots, l).collapsible, 'collapsed', `${l} is offered`);
    }

    // API Gateway
    assert.deepEqual(labels(await open('API Gateway')), ['REST APIs', 'HTTP APIs']);
    const stages = await open('API Gateway', 'REST APIs', 'shop');
    assert.deepEqual(labels(stages), ['dev']);
    assert.equal(
      stages[0]!.description,
      onLocalStack
        ? `${endpoint}/_aws/execute-api/${api.id}/dev/`
        : `https://${api.id}.execute-api.us-east-1.amazonaws.com/dev/`,
    );
    const resources = await open('API Gateway', 'REST APIs', 'shop', 'dev');
    assert.deepEqual(labels(resources), ['/', '/orders']);
    assert.equal(find(resources, '/orders').description, 'GET');
    const methods = await open('API Gateway', 'REST APIs', 'shop', 'dev', '/orders');
    assert.deepEqual(labels(methods), ['GET']);
    assert.equal(methods[0]!.description, 'MOCK');
    assert.deepEqual(labels(await open('API Gateway', 'REST APIs', 'shop', 'dev', '/orders', 'GET')), ['MOCK']);
    const httpApis = await open('API Gateway', 'HTTP APIs');
    // LocalStack community has no API Gateway v2: a readable row, not an error.
    assert.deepEqual(
      labels(httpApis),
      onLocalStack ? ['HTTP APIs (API Gateway v2) are not offered by this emulator'] : ['Nothing here'],
    );

    // CloudWatch Logs: the third group comes with "Load more" (LocalStack 4.14 ignores the page size and sends all).
    const firstGroups = await tree.children(find(roots, 'CloudWatch Logs'));
    if (!onLocalStack) {
      assert.equal(firstGroups.length, 3);
      assert.equal(firstGroups[2]!.ref.kind, 'explorer.loadMore');
    }
    assert.deepEqual(labels(await open('CloudWatch Logs')).sort(), ['/app/web', '/aws/lambda/a', '/aws/lambda/b']);
    assert.deepEqual(labels(await open('CloudWatch Logs', '/app/web')), ['s1']);
    const events = await open('CloudWatch Logs', '/app/web', 's1');
    assert.deepEqual(labels(events), ['line 0', 'ERROR /app/web 1', 'line 2']);
    assert.equal(events[1]!.icon, 'error');

    // EC2 / VPC
    const vpc = find(await open('EC2 / VPC'), 'week2');
    assert.match(vpc.description ?? '', /^10\.0\.0\.0\/16 · vpc-/);
    assert.deepEqual(labels(await open('EC2 / VPC', 'week2')), [
      'Subnets',
      'Route tables',
      'Internet gateways',
      'NAT gateways',
      'Security groups',
      'Instances',
    ]);
    const subnets = await open('EC2 / VPC', 'week2', 'Subnets');
    assert.deepEqual(labels(subnets).sort(), ['week2-private-1', 'week2-public-1']);
    assert.match(find(subnets, 'week2-public-1').description ?? '', /^public · 10\.0\.1\.0\/24/);
    assert.match(find(subnets, 'week2-private-1').description ?? '', /^private · 10\.0\.2\.0\/24/);
    assert.match(String(find(subnets, 'week2-public-1').tooltip), /0\.0\.0\.0\/0 → igw-/);
    const tables = await open('EC2 / VPC', 'week2', 'Route tables');
    assert.ok(tables.some((t) => /main/.test(t.description ?? '')));
    const publicRoutes = await open('EC2 / VPC', 'week2', 'Route tables', 'week2-public-rt');
    assert.ok(labels(publicRoutes).some((l) => /^0\.0\.0\.0\/0 → igw-/.test(l)));
    assert.equal((await open('EC2 / VPC', 'week2', 'Internet gateways')).length, 1);
    const groups = await open('EC2 / VPC', 'week2', 'Security groups');
    const bastion = find(groups, 'bastion');
    assert.match(bastion.description ?? '', /⚠ 1 warning/);
    assert.equal(bastion.icon, 'warning');
    const rules = await open('EC2 / VPC', 'week2', 'Security groups', 'bastion');
    const ssh = find(rules, /tcp 22/);
    assert.equal(ssh.label, 'in  tcp 22  ← 0.0.0.0/0');
    assert.match(ssh.description ?? '', /SSH \(port 22\) is open to 0\.0\.0\.0\/0/);
    assert.ok(rules.some((r) => r.label.startsWith('out  all traffic')));

    // Step Functions
    const executions = await open('Step Functions', 'orders-flow');
    assert.deepEqual(labels(executions), ['run-1']);
    const history = await open('Step Functions', 'orders-flow', 'run-1');
    assert.equal(history[0]!.label, '1. ExecutionStarted');
    assert.ok(history.length >= 2);

    // EventBridge
    assert.ok(labels(await open('EventBridge')).includes('default'));
    assert.deepEqual(labels(await open('EventBridge', 'default')), ['order-placed']);
    assert.deepEqual(labels(await open('EventBridge', 'default', 'order-placed')), ['sqs:placed']);
  });
});
