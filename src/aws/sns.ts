// SNS for the explorer and its panel: topics, subscriptions with their filter policies, publish. Plain records out.
import {
  CreateTopicCommand,
  GetSubscriptionAttributesCommand,
  GetTopicAttributesCommand,
  ListSubscriptionsByTopicCommand,
  ListSubscriptionsCommand,
  ListTopicsCommand,
  PublishCommand,
  SetSubscriptionAttributesCommand,
  SubscribeCommand,
  type Subscription,
} from '@aws-sdk/client-sns';
import type { AwsClients } from './clients';
import type { MessageAttributeInput } from './records/sqs';
import { checkFilterPolicy } from './records/sns';
import { toMessageAttributes } from './sqsMessages';

export { checkFilterPolicy };

interface Signal {
  readonly signal?: AbortSignal;
}
const opts = (s?: Signal) => (s?.signal ? { abortSignal: s.signal } : {});

export interface TopicRecord {
  readonly arn: string;
  readonly name: string;
  readonly fifo: boolean;
}

export interface SubscriptionRecord {
  readonly arn: string;
  readonly topicArn: string;
  readonly protocol: string;
  readonly endpoint: string;
  /** True while the subscription waits for confirmation (no filter policy can be set yet). */
  readonly pending: boolean;
}

export interface SubscriptionDetails extends SubscriptionRecord {
  /** The filter policy JSON text, if any. */
  readonly filterPolicy?: string;
  readonly filterPolicyScope?: 'MessageAttributes' | 'MessageBody';
  readonly rawMessageDelivery: boolean;
}

export function topicNameFromArn(arn: string): string {
  return arn.split(':').pop() ?? arn;
}

export async function listTopics(
  clients: AwsClients,
  req: { token?: string } & Signal = {},
): Promise<{ topics: TopicRecord[]; next?: string }> {
  const out = await clients.sns().send(new ListTopicsCommand({ NextToken: req.token }), opts(req));
  const topics = (out.Topics ?? [])
    .map((t) => t.TopicArn)
    .filter((a): a is string => !!a)
    .map((arn) => ({ arn, name: topicNameFromArn(arn), fifo: arn.endsWith('.fifo') }));
  return { topics, ...(out.NextToken ? { next: out.NextToken } : {}) };
}

export async function topicAttributes(
  clients: AwsClients,
  topicArn: string,
  s?: Signal,
): Promise<Record<string, string>> {
  const out = await clients.sns().send(new GetTopicAttributesCommand({ TopicArn: topicArn }), opts(s));
  return { ...(out.Attributes ?? {}) };
}

export async function listSubscriptions(
  clients: AwsClients,
  req: { topicArn: string; token?: string } & Signal,
): Promise<{ subscriptions: SubscriptionRecord[]; next?: string }> {
  const out = await clients
    .sns()
    .send(new ListSubscriptionsByTopicCommand({ TopicArn: req.topicArn, NextToken: req.token }), opts(req));
  const subscriptions = (out.Subscriptions ?? []).map((sub) => toSubscription(sub, req.topicArn));
  return { subscriptions, ...(out.NextToken ? { next: out.NextToken } : {}) };
}

function toSubscription(sub: Subscription, topicArn: string): SubscriptionRecord {
  return {
    arn: sub.SubscriptionArn ?? '',
    topicArn: sub.TopicArn ?? topicArn,
    protocol: sub.Protocol ?? '',
    endpoint: sub.Endpoint ?? '',
    pending: !sub.SubscriptionArn || sub.SubscriptionArn === 'PendingConfirmation',
  };
}

/** One page of every subscription of the account (ListSubscriptions: one call for many topics). */
export async function listAllSubscriptions(
  clients: AwsClients,
  req: { token?: string } & Signal = {},
): Promise<{ subscriptions: SubscriptionRecord[]; next?: string }> {
  const out = await clients.sns().send(new ListSubscriptionsCommand({ NextToken: req.token }), opts(req));
  return {
    subscriptions: (out.Subscriptions ?? []).map((sub) => toSubscription(sub, '')),
    ...(out.NextToken ? { next: out.NextToken } : {}),
  };
}

export async function getSubscription(clients: AwsClients, arn: string, s?: Signal): Promise<SubscriptionDetails> {
  const out = await clients.sns().send(new GetSubscriptionAttributesCommand({ SubscriptionArn: arn }), opts(s));
  const a = out.Attributes ?? {};
  const scope = a.FilterPolicyScope;
  return {
    arn,
    topicArn: a.TopicArn ?? '',
    protocol: a.Protocol ?? '',
    endpoint: a.Endpoint ?? '',
    pending: a.PendingConfirmation === 'true',
    ...(a.FilterPolicy ? { filterPolicy: a.FilterPolicy } : {}),
    ...(scope === 'MessageAttributes' || scope === 'MessageBody' ? { filterPolicyScope: scope } : {}),
    rawMessageDelivery: a.RawMessageDelivery === 'true',
  };
}

/** Sets (or, with empty text, removes) a subscription's filter policy. */
export async function setFilterPolicy(
  clients: AwsClients,
  req: { subscriptionArn: string; policy: string; scope?: 'MessageAttributes' | 'MessageBody' } & Signal,
): Promise<void> {
  const problem = checkFilterPolicy(req.policy);
  if (problem) throw new Error(problem);
  await clients.sns().send(
    new SetSubscriptionAttributesCommand({
      SubscriptionArn: req.subscriptionArn,
      AttributeName: 'FilterPolicy',
      AttributeValue: req.policy.trim() === '' ? '' : req.policy,
    }),
    opts(req),
  );
  if (req.scope && req.policy.trim() !== '') {
    await clients.sns().send(
      new SetSubscriptionAttributesCommand({
        SubscriptionArn: req.subscriptionArn,
        AttributeName: 'FilterPolicyScope',
        AttributeValue: req.scope,
      }),
      opts(req),
    );
  }
}

export interface PublishInput {
  readonly message: string;
  readonly subject?: string;
  readonly attributes: readonly MessageAttributeInput[];
  readonly groupId?: string;
  readonly deduplicationId?: string;
}

export async function publish(
  clients: AwsClients,
  topicArn: string,
  input: PublishInput,
  s?: Signal,
): Promise<{ messageId: string; sequenceNumber?: string }> {
  const out = await clients.sns().send(
    new PublishCommand({
      TopicArn: topicArn,
      Message: input.message,
      Subject: input.subject || undefined,
      MessageAttributes: toMessageAttributes(input.attributes),
      MessageGroupId: input.groupId || undefined,
      MessageDeduplicationId: input.deduplicationId || undefined,
    }),
    opts(s),
  );
  return { messageId: out.MessageId ?? '', ...(out.SequenceNumber ? { sequenceNumber: out.SequenceNumber } : {}) };
}

export async function createTopic(clients: AwsClients, name: string, s?: Signal): Promise<string> {
  const out = await clients.sns().send(
    new CreateTopicCommand({
      Name: name,
      ...(name.endsWith('.fifo') ? { Attributes: { FifoTopic: 'true', ContentBasedDeduplication: 'true' } } : {}),
    }),
    opts(s),
  );
  if (!out.TopicArn) throw new Error('the emulator returned no topic ARN');
  return out.TopicArn;
}

export async function subscribe(
  clients: AwsClients,
  req: { topicArn: string; protocol: string; endpoint: string; filterPolicy?: string } & Signal,
): Promise<string> {
  const out = await clients.sns().send(
    new SubscribeCommand({
      TopicArn: req.topicArn,
      Protocol: req.protocol,
      Endpoint: req.endpoint,
      ReturnSubscriptionArn: true,
      ...(req.filterPolicy ? { Attributes: { FilterPolicy: req.filterPolicy } } : {}),
    }),
    opts(req),
  );
  return out.SubscriptionArn ?? '';
}
