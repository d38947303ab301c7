// Week 7 — messaging: SQS visibility timeout, long polling, dead-letter queues, FIFO with deduplication; SNS fan-out
// and filter policies.
import type { AwsClients } from '../../aws/clients';
import { getSubscription, listSubscriptions, listTopics } from '../../aws/sns';
import { queueAttributes, queueUrls } from '../../aws/sqs';
import { type Check, type CheckEnv, done, notYet, once, SCAN_LIMIT } from './types';

export interface QueueInfo {
  readonly url: string;
  readonly name: string;
  readonly arn: string;
  readonly attrs: Readonly<Record<string, string>>;
}

export async function queues(aws: AwsClients): Promise<QueueInfo[]> {
  const out: QueueInfo[] = [];
  for (const url of await queueUrls(aws, SCAN_LIMIT)) {
    const attrs = await queueAttributes(aws, url);
    out.push({ url, name: url.split('/').pop() ?? url, arn: attrs.QueueArn ?? '', attrs });
  }
  return out;
}

export const allQueues = (env: CheckEnv): Promise<QueueInfo[]> => once(env, 'sqs.queues', () => queues(env.aws));

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

export async function topics(aws: AwsClients): Promise<string[]> {
  return (await listTopics(aws)).topics.map((t) => t.arn).slice(0, SCAN_LIMIT);
}

export async function subscriptions(aws: AwsClients, topicArn: string) {
  return (await listSubscriptions(aws, { topicArn })).subscriptions;
}

export const allTopics = (env: CheckEnv): Promise<string[]> => once(env, 'sns.topics', () => topics(env.aws));
export const subscriptionsOf = (env: CheckEnv, topicArn: string) =>
  once(env, `sns.subscriptions.${topicArn}`, () => subscriptions(env.aws, topicArn));

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
  for (const topic of await allTopics(env)) {
    for (const sub of await subscriptionsOf(env, topic)) {
      if (!sub.arn.startsWith('arn:')) continue;
      const policy = (await getSubscription(env.aws, sub.arn)).filterPolicy;
      if (policy) return done(`${sub.endpoint.split(':').pop()} only receives messages matching ${policy}`);
    }
  }
  return notYet('No subscription has a filter policy yet');
};

export const week07 = { visibility, 'long-polling': longPolling, dlq, fifo, fanout, 'filter-policy': filterPolicy };
