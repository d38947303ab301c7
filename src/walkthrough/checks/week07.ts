// Week 7 — messaging: SQS visibility timeout, long polling, dead-letter queues, FIFO with deduplication; SNS fan-out
// and filter policies.
import {
  GetSubscriptionAttributesCommand,
  ListSubscriptionsByTopicCommand,
  ListTopicsCommand,
  type SNSClient,
} from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand, ListQueuesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { type Check, type CheckEnv, done, notYet, once, SCAN_LIMIT } from './types';

export interface QueueInfo {
  readonly url: string;
  readonly name: string;
  readonly arn: string;
  readonly attrs: Readonly<Record<string, string>>;
}

export async function queues(sqs: SQSClient): Promise<QueueInfo[]> {
  const list = await sqs.send(new ListQueuesCommand({ MaxResults: SCAN_LIMIT }));
  const out: QueueInfo[] = [];
  for (const url of list.QueueUrls ?? []) {
    const a = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }));
    const attrs = a.Attributes ?? {};
    out.push({ url, name: url.split('/').pop() ?? url, arn: attrs.QueueArn ?? '', attrs });
  }
  return out;
}

export const allQueues = (env: CheckEnv): Promise<QueueInfo[]> => once(env, 'sqs.queues', () => queues(env.aws.sqs()));

/** The parsed RedrivePolicy of a queue, when it has a usable one. */
export function redriveOf(q: QueueInfo): { target: string; maxReceiveCount: number } | undefined {
  try {
    const p = JSON.parse(q.attrs.RedrivePolicy ?? '') as { deadLetterTargetArn?: string; maxReceiveCount?: unknown };
    const max = Number(p.maxReceiveCount);
    return p.deadLetterTargetArn && max > 0 ? { target: p.deadLetterTargetArn, maxReceiveCount: max } : undefined;
  } catch {
    return undefined;
  }
}

const isFifo = (q: QueueInfo): boolean => q.attrs.FifoQueue === 'true' || q.name.endsWith('.fifo');

const visibility: Check = async (env) => {
  const q = (await allQueues(env)).find((x) => !isFifo(x) && x.attrs.VisibilityTimeout !== '30');
  return q
    ? done(`${q.name} hides received messages for ${q.attrs.VisibilityTimeout} s`)
    : notYet('No standard queue with a visibility timeout other than the default 30 s yet');
};

const longPolling: Check = async (env) => {
  const q = (await allQueues(env)).find((x) => Number(x.attrs.ReceiveMessageWaitTimeSeconds ?? '0') > 0);
  return q
    ? done(`${q.name} waits up to ${q.attrs.ReceiveMessageWaitTimeSeconds} s for messages`)
    : notYet('No queue uses long polling (ReceiveMessageWaitTimeSeconds > 0) yet');
};

const dlq: Check = async (env) => {
  const all = await allQueues(env);
  const arns = new Set(all.map((q) => q.arn));
  for (const q of all.filter((x) => !isFifo(x))) {
    const r = redriveOf(q);
    if (r && arns.has(r.target)) {
      return done(`${q.name} moves a message to ${r.target.split(':').pop()} after ${r.maxReceiveCount} receives`);
    }
  }
  return notYet('No standard queue has a dead-letter queue with maxReceiveCount yet');
};

const fifo: Check = async (env) => {
  const all = await allQueues(env);
  const byArn = new Map(all.map((q) => [q.arn, q]));
  const fifos = all.filter(isFifo);
  if (fifos.length === 0) return notYet('No FIFO queue yet');
  for (const q of fifos) {
    const r = redriveOf(q);
    const target = r ? byArn.get(r.target) : undefined;
    if (q.attrs.ContentBasedDeduplication === 'true' && r && target && isFifo(target)) {
      return done(
        `${q.name} deduplicates by content and sends poison messages to ${target.name} after ${r.maxReceiveCount} tries`,
      );
    }
  }
  return notYet(
    'A FIFO queue exists; give it content-based deduplication and a FIFO dead-letter queue with maxReceiveCount',
  );
};

export async function topics(sns: SNSClient): Promise<string[]> {
  const out = await sns.send(new ListTopicsCommand({}));
  return (out.Topics ?? [])
    .map((t) => t.TopicArn ?? '')
    .filter(Boolean)
    .slice(0, SCAN_LIMIT);
}

export async function subscriptions(sns: SNSClient, topicArn: string) {
  const out = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }));
  return (out.Subscriptions ?? []).map((s) => ({
    arn: s.SubscriptionArn ?? '',
    protocol: s.Protocol ?? '',
    endpoint: s.Endpoint ?? '',
  }));
}

export const allTopics = (env: CheckEnv): Promise<string[]> => once(env, 'sns.topics', () => topics(env.aws.sns()));
export const subscriptionsOf = (env: CheckEnv, topicArn: string) =>
  once(env, `sns.subscriptions.${topicArn}`, () => subscriptions(env.aws.sns(), topicArn));

const fanout: Check = async (env) => {
  for (const topic of await allTopics(env)) {
    const queuesSubscribed = (await subscriptionsOf(env, topic)).filter((s) => s.protocol === 'sqs');
    if (queuesSubscribed.length >= 2) {
      return done(`${topic.split(':').pop()} fans out to ${queuesSubscribed.length} queues`);
    }
  }
  return notYet('No topic delivers to two or more SQS queues yet');
};

const filterPolicy: Check = async (env) => {
  const { aws } = env;
  const sns = aws.sns();
  for (const topic of await allTopics(env)) {
    for (const sub of await subscriptionsOf(env, topic)) {
      if (!sub.arn.startsWith('arn:')) continue;
      const a = await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: sub.arn }));
      const policy = a.Attributes?.FilterPolicy;
      if (policy) return done(`${sub.endpoint.split(':').pop()} only receives messages matching ${policy}`);
    }
  }
  return notYet('No subscription has a filter policy yet');
};

export const week07 = { visibility, 'long-polling': longPolling, dlq, fifo, fanout, 'filter-policy': filterPolicy };
