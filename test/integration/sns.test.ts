// SNS, AWS side: topics, subscriptions with filter policies (read, set, cleared), publish with attributes — the
// filter really decides what reaches the subscribed SQS queue on moto.
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import {
  checkFilterPolicy,
  createTopic,
  getSubscription,
  listSubscriptions,
  listTopics,
  publish,
  setFilterPolicy,
  subscribe,
} from '../../src/aws/sns';
import snsExplorer from '../../src/explorer/services/sns';
import { useLab } from '../support/fixtures';

describe('SNS (moto)', () => {
  const lab = useLab();
  let topicArn = '';
  let queueUrl = '';
  let subArn = '';
  beforeEach(async () => {
    topicArn = await createTopic(lab.clients, 'orders');
    await createTopic(lab.clients, 'events.fifo');
    queueUrl = (await lab.clients.sqs().send(new CreateQueueCommand({ QueueName: 'order-mail' }))).QueueUrl!;
    const attrs = await lab.clients
      .sqs()
      .send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
    subArn = await subscribe(lab.clients, {
      topicArn,
      protocol: 'sqs',
      endpoint: attrs.Attributes!.QueueArn!,
      filterPolicy: JSON.stringify({ kind: ['placed'] }),
    });
  });

  const drain = async (): Promise<string[]> => {
    const got = await lab.clients
      .sqs()
      // Delivery from a topic to a queue is asynchronous on AWS and LocalStack: long-poll for it.
      .send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 5 }));
    return (got.Messages ?? []).map((m) => (JSON.parse(m.Body ?? '{}') as { Message?: string }).Message ?? '');
  };

  it('lists topics (FIFO marked) and the subscriptions of one', async () => {
    const { topics } = await listTopics(lab.clients);
    assert.deepEqual(topics.map((t) => [t.name, t.fifo]).sort(), [
      ['events.fifo', true],
      ['orders', false],
    ]);
    const { subscriptions } = await listSubscriptions(lab.clients, { topicArn });
    assert.equal(subscriptions.length, 1);
    assert.equal(subscriptions[0]!.protocol, 'sqs');
    assert.match(subscriptions[0]!.endpoint, /order-mail$/);
  });

  it('shows the filter policy, and publishing honours it', async () => {
    const details = await getSubscription(lab.clients, subArn);
    assert.deepEqual(JSON.parse(details.filterPolicy ?? '{}'), { kind: ['placed'] });
    await publish(lab.clients, topicArn, {
      message: 'skip me',
      attributes: [{ name: 'kind', type: 'String', value: 'cancelled' }],
    });
    const sent = await publish(lab.clients, topicArn, {
      message: 'deliver me',
      subject: 'order',
      attributes: [{ name: 'kind', type: 'String', value: 'placed' }],
    });
    assert.ok(sent.messageId);
    assert.deepEqual(await drain(), ['deliver me']);
  });

  it('edits the filter policy, and clears it', async () => {
    await setFilterPolicy(lab.clients, { subscriptionArn: subArn, policy: JSON.stringify({ kind: ['cancelled'] }) });
    assert.deepEqual(JSON.parse((await getSubscription(lab.clients, subArn)).filterPolicy ?? '{}'), {
      kind: ['cancelled'],
    });
    await publish(lab.clients, topicArn, {
      message: 'now me',
      attributes: [{ name: 'kind', type: 'String', value: 'cancelled' }],
    });
    assert.deepEqual(await drain(), ['now me']);
    await setFilterPolicy(lab.clients, { subscriptionArn: subArn, policy: '' });
    assert.equal((await getSubscription(lab.clients, subArn)).filterPolicy, undefined);
  });

  it('rejects a malformed filter policy before sending it', async () => {
    assert.match(checkFilterPolicy('{"kind": "placed"}') ?? '', /must be a list/);
    assert.match(checkFilterPolicy('{kind}') ?? '', /not valid JSON/);
    assert.equal(checkFilterPolicy('{"a": {"b": ["c"]}}'), undefined);
    await assert.rejects(setFilterPolicy(lab.clients, { subscriptionArn: subArn, policy: '[1]' }), /JSON object/);
  });

  it('names the reason when publishing to a missing topic', async () => {
    await assert.rejects(
      publish(lab.clients, topicArn.replace(/orders$/, 'nope'), { message: 'x', attributes: [] }),
      /NotFound|does not exist/i,
    );
  });

  it('shows topics in the explorer and subscriptions under them, marked when filtered', async () => {
    const signal = new AbortController().signal;
    const top = await snsExplorer.children(undefined, { clients: lab.clients, signal, pageSize: 50 });
    const orders = top.nodes.find((n) => n.label === 'orders');
    assert.ok(orders && orders.ref.kind === 'sns.topic');
    assert.equal(orders.collapsible, 'collapsed');
    const subs = await snsExplorer.children(orders, { clients: lab.clients, signal, pageSize: 50 });
    assert.equal(subs.nodes.length, 1);
    assert.match(subs.nodes[0]!.label, /^sqs → arn:aws:sqs:.*order-mail$/);
    assert.equal(subs.nodes[0]!.description, 'filtered');
    assert.match(subs.nodes[0]!.tooltip ?? '', /"kind": \[\s*"placed"\s*\]/);
  });
});
