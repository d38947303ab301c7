// SNS, AWS side: topics, subscriptions with filter policies (read, set, cleared), publish with attributes — the
// filter really decides what reaches the subscribed SQS queue on moto.
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { AwsClients } from '../../src/aws/clients';
import { resolveConnection } from '../../src/aws/connection';
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
import { startMoto, type MotoServer } from '../support/moto';

function clientsFor(endpoint: string): AwsClients {
  const r = resolveConnection({ endpoint }, {});
  if (!r.ok) throw new Error(r.reason);
  return new AwsClients(r.connection);
}

describe('SNS (moto)', () => {
  let moto: MotoServer;
  let clients: AwsClients;
  let topicArn = '';
  let queueUrl = '';
  let subArn = '';
  before(async () => {
    moto = await startMoto();
    clients = clientsFor(moto.endpoint);
  });
  after(async () => {
    clients?.dispose();
    await moto?.stop();
  });
  beforeEach(async () => {
    await moto.reset();
    topicArn = await createTopic(clients, 'orders');
    await createTopic(clients, 'events.fifo');
    queueUrl = (await clients.sqs().send(new CreateQueueCommand({ QueueName: 'order-mail' }))).QueueUrl!;
    const attrs = await clients
      .sqs()
      .send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
    subArn = await subscribe(clients, {
      topicArn,
      protocol: 'sqs',
      endpoint: attrs.Attributes!.QueueArn!,
      filterPolicy: JSON.stringify({ kind: ['placed'] }),
    });
  });

  const drain = async (): Promise<string[]> => {
    const got = await clients
      .sqs()
      .send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
    return (got.Messages ?? []).map((m) => (JSON.parse(m.Body ?? '{}') as { Message?: string }).Message ?? '');
  };

  it('lists topics (FIFO marked) and the subscriptions of one', async () => {
    const { topics } = await listTopics(clients);
    assert.deepEqual(topics.map((t) => [t.name, t.fifo]).sort(), [
      ['events.fifo', true],
      ['orders', false],
    ]);
    const { subscriptions } = await listSubscriptions(clients, { topicArn });
    assert.equal(subscriptions.length, 1);
    assert.equal(subscriptions[0]!.protocol, 'sqs');
    assert.match(subscriptions[0]!.endpoint, /order-mail$/);
  });

  it('shows the filter policy, and publishing honours it', async () => {
    const details = await getSubscription(clients, subArn);
    assert.deepEqual(JSON.parse(details.filterPolicy ?? '{}'), { kind: ['placed'] });
    await publish(clients, topicArn, {
      message: 'skip me',
      attributes: [{ name: 'kind', type: 'String', value: 'cancelled' }],
    });
    const sent = await publish(clients, topicArn, {
      message: 'deliver me',
      subject: 'order',
      attributes: [{ name: 'kind', type: 'String', value: 'placed' }],
    });
    assert.ok(sent.messageId);
    assert.deepEqual(await drain(), ['deliver me']);
  });

  it('edits the filter policy, and clears it', async () => {
    await setFilterPolicy(clients, { subscriptionArn: subArn, policy: JSON.stringify({ kind: ['cancelled'] }) });
    assert.deepEqual(JSON.parse((await getSubscription(clients, subArn)).filterPolicy ?? '{}'), {
      kind: ['cancelled'],
    });
    await publish(clients, topicArn, {
      message: 'now me',
      attributes: [{ name: 'kind', type: 'String', value: 'cancelled' }],
    });
    assert.deepEqual(await drain(), ['now me']);
    await setFilterPolicy(clients, { subscriptionArn: subArn, policy: '' });
    assert.equal((await getSubscription(clients, subArn)).filterPolicy, undefined);
  });

  it('rejects a malformed filter policy before sending it', async () => {
    assert.match(checkFilterPolicy('{"kind": "placed"}') ?? '', /must be a list/);
    assert.match(checkFilterPolicy('{kind}') ?? '', /not valid JSON/);
    assert.equal(checkFilterPolicy('{"a": {"b": ["c"]}}'), undefined);
    await assert.rejects(setFilterPolicy(clients, { subscriptionArn: subArn, policy: '[1]' }), /JSON object/);
  });

  it('names the reason when publishing to a missing topic', async () => {
    await assert.rejects(
      publish(clients, topicArn.replace(/orders$/, 'nope'), { message: 'x', attributes: [] }),
      /NotFound|does not exist/i,
    );
  });

  it('shows topics in the explorer and subscriptions under them, marked when filtered', async () => {
    const signal = new AbortController().signal;
    const top = await snsExplorer.children(undefined, { clients, signal, pageSize: 50 });
    const orders = top.nodes.find((n) => n.label === 'orders');
    assert.ok(orders && orders.ref.kind === 'sns.topic');
    assert.equal(orders.collapsible, 'collapsed');
    const subs = await snsExplorer.children(orders, { clients, signal, pageSize: 50 });
    assert.equal(subs.nodes.length, 1);
    assert.match(subs.nodes[0]!.label, /^sqs → arn:aws:sqs:.*order-mail$/);
    assert.equal(subs.nodes[0]!.description, 'filtered');
    assert.match(subs.nodes[0]!.tooltip ?? '', /"kind": \[\s*"placed"\s*\]/);
  });
});
