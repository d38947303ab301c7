// Step Functions and EventBridge, AWS side: state machines with their definitions, executions started with checked
// JSON input and their event history, paged; buses, rules and targets, paged; an event put on a bus (bad JSON
// refused before any call) and delivered by a rule to its SQS target.
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listEventBuses, listRules, listTargets, putEvent, putRule } from '../../src/aws/eventBridge';
import {
  createStateMachine,
  describeExecution,
  describeStateMachine,
  getExecutionHistory,
  listExecutions,
  listStateMachines,
  startExecution,
  statesOf,
} from '../../src/aws/stepFunctions';
import { useLab } from '../support/fixtures';

const DEFINITION = JSON.stringify({
  StartAt: 'Validate',
  States: { Validate: { Type: 'Pass', Next: 'Done' }, Done: { Type: 'Succeed' } },
});
const ROLE = 'arn:aws:iam::000000000000:role/lab-sfn';

describe('Step Functions (emulator)', () => {
  const lab = useLab();

  it('lists state machines page by page and reads a definition', async () => {
    for (const name of ['orders', 'refunds', 'shipping']) {
      await createStateMachine(lab.clients, { name, definition: DEFINITION, roleArn: ROLE });
    }
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await listStateMachines(lab.clients, { token, limit: 2 });
      names.push(...page.machines.map((m) => m.name));
      token = page.next;
      pages++;
    } while (token && pages < 10);
    assert.deepEqual(names.sort(), ['orders', 'refunds', 'shipping']);
    assert.equal(pages, 2);
    const arn = (await listStateMachines(lab.clients)).machines.find((m) => m.name === 'orders')!.arn;
    const details = await describeStateMachine(lab.clients, arn);
    assert.deepEqual(statesOf(details.definition), ['Validate', 'Done']);
    assert.equal(details.type, 'STANDARD');
  });

  it('refuses input that is not a JSON object, starts an execution and reads its history', async () => {
    const arn = await createStateMachine(lab.clients, { name: 'orders', definition: DEFINITION, roleArn: ROLE });
    await assert.rejects(
      startExecution(lab.clients, { stateMachineArn: arn, input: '{"orderId": ' }),
      /not valid JSON/,
    );
    await assert.rejects(
      startExecution(lab.clients, { stateMachineArn: arn, input: '[1, 2]' }),
      /must be a JSON object/,
    );
    assert.equal((await listExecutions(lab.clients, { stateMachineArn: arn })).executions.length, 0);

    const started = await startExecution(lab.clients, {
      stateMachineArn: arn,
      input: '{"orderId": "42"}',
      name: 'order-42',
    });
    const { executions } = await listExecutions(lab.clients, { stateMachineArn: arn });
    assert.deepEqual(
      executions.map((e) => e.name),
      ['order-42'],
    );
    const details = await describeExecution(lab.clients, started.executionArn);
    assert.deepEqual(JSON.parse(details.input ?? '{}'), { orderId: '42' });
    // LocalStack runs the machine; wait for it to finish so its history is complete.
    const deadline = Date.now() + 10_000;
    while ((await describeExecution(lab.clients, started.executionArn)).status === 'RUNNING' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const history = await getExecutionHistory(lab.clients, { executionArn: started.executionArn, limit: 100 });
    assert.ok(history.events.length >= 2, `${history.events.length} events`);
    assert.equal(history.events[0]!.type, 'ExecutionStarted');
    assert.ok(
      history.events.some((e) => e.stateName !== undefined),
      'a state is named in the history',
    );
    assert.ok(history.events.every((e, i) => i === 0 || e.id > history.events[i - 1]!.id));
  });
});

describe('EventBridge (emulator)', () => {
  const lab = useLab();

  it('lists buses, rules and targets, and delivers a put event through a rule to an SQS queue', async () => {
    const { buses } = await listEventBuses(lab.clients);
    assert.ok(buses.some((b) => b.name === 'default'));
    const queueUrl = (await lab.clients.sqs().send(new CreateQueueCommand({ QueueName: 'placed-orders' }))).QueueUrl!;
    const queueArn = (
      await lab.clients.sqs().send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }))
    ).Attributes!.QueueArn!;
    await putRule(lab.clients, {
      bus: 'default',
      name: 'order-placed',
      eventPattern: JSON.stringify({ source: ['lab.orders'], 'detail-type': ['OrderPlaced'] }),
      targets: [{ id: 'queue', arn: queueArn }],
    });
    await putRule(lab.clients, {
      bus: 'default',
      name: 'order-cancelled',
      eventPattern: JSON.stringify({ source: ['lab.orders'], 'detail-type': ['OrderCancelled'] }),
      targets: [],
    });
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await listRules(lab.clients, { bus: 'default', token, limit: 1 });
      names.push(...page.rules.map((r) => r.name));
      token = page.next;
      pages++;
    } while (token && pages < 10);
    assert.deepEqual(names.sort(), ['order-cancelled', 'order-placed']);
    const rule = (await listRules(lab.clients, { bus: 'default' })).rules.find((r) => r.name === 'order-placed')!;
    assert.deepEqual(JSON.parse(rule.eventPattern!), { source: ['lab.orders'], 'detail-type': ['OrderPlaced'] });
    const { targets } = await listTargets(lab.clients, { bus: 'default', rule: 'order-placed' });
    assert.deepEqual(
      targets.map((t) => [t.id, t.arn]),
      [['queue', queueArn]],
    );

    await assert.rejects(
      putEvent(lab.clients, { bus: 'default', source: 'lab.orders', detailType: 'OrderPlaced', detail: '{oops' }),
      /not valid JSON/,
    );
    const sent = await putEvent(lab.clients, {
      bus: 'default',
      source: 'lab.orders',
      detailType: 'OrderPlaced',
      detail: '{"orderId": "42"}',
    });
    assert.ok(sent.eventId, JSON.stringify(sent));
    const got = await lab.clients
      .sqs()
      .send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 5 }));
    const bodies = (got.Messages ?? []).map((m) => JSON.parse(m.Body ?? '{}') as { detail?: unknown; source?: string });
    assert.deepEqual(
      bodies.map((b) => [b.source, b.detail]),
      [['lab.orders', { orderId: '42' }]],
    );
  });
});
