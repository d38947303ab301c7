// SQS queue operations for the explorer and its commands; plain records out.
import {
  CancelMessageMoveTaskCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListDeadLetterSourceQueuesCommand,
  ListMessageMoveTasksCommand,
  ListQueuesCommand,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  StartMessageMoveTaskCommand,
  type Message,
  type MessageAttributeValue,
  type QueueAttributeName,
} from '@aws-sdk/client-sqs';
import type { AwsClients } from './clients';
import { isConnectionError } from './errors';
import type { Signal } from './s3';
import { mapLimit } from './concurrency';

export interface QueueRecord {
  readonly url: string;
  readonly name: string;
  readonly arn?: string;
  readonly fifo: boolean;
  readonly visible?: number;
  readonly inFlight?: number;
  readonly delayed?: number;
  /** The queue this one sends failed messages to, and after how many receives. */
  readonly deadLetterTargetArn?: string;
  readonly maxReceiveCount?: number;
  readonly visibilityTimeout?: number;
  readonly retentionSeconds?: number;
  /** Set when the attributes could not be read (the queue still shows). */
  readonly attributesError?: string;
}

const opts = (s?: Signal) => (s?.signal ? { abortSignal: s.signal } : {});

export function queueNameFromUrl(url: string): string {
  return decodeURIComponent(url.replace(/\/+$/, '').split('/').pop() ?? url);
}

export function queueNameFromArn(arn: string): string {
  return arn.split(':').pop() ?? arn;
}

function num(v: string | undefined): number | undefined {
  return v === undefined || v === '' ? undefined : Number(v);
}

export function parseRedrivePolicy(text: string | undefined): { arn?: string; maxReceiveCount?: number } {
  if (!text) return {};
  try {
    const p = JSON.parse(text) as { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
    return {
      arn: typeof p.deadLetterTargetArn === 'string' ? p.deadLetterTargetArn : undefined,
      maxReceiveCount: p.maxReceiveCount === undefined ? undefined : Number(p.maxReceiveCount),
    };
  } catch {
    return {};
  }
}

/**
 * The attributes of a queue by the names SQS gives them (QueueArn, VisibilityTimeout, RedrivePolicy, …): all of them,
 * or only `names` (cheaper when a caller needs two).
 */
export async function queueAttributes(
  clients: AwsClients,
  url: string,
  s?: Signal,
  names: readonly QueueAttributeName[] = ['All'],
): Promise<Record<string, string>> {
  const out = await clients
    .sqs()
    .send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: [...names] }), opts(s));
  return { ...(out.Attributes ?? {}) };
}

/** The URLs of the first `max` queues (all pages up to `max`). */
export async function queueUrls(clients: AwsClients, max: number, s?: Signal): Promise<string[]> {
  const urls: string[] = [];
  let token: string | undefined;
  do {
    const out = await clients
      .sqs()
      .send(new ListQueuesCommand({ MaxResults: Math.min(1000, max - urls.length), NextToken: token }), opts(s));
    urls.push(...(out.QueueUrls ?? []));
    token = out.NextToken || undefined;
  } while (token && urls.length < max);
  return urls.slice(0, max);
}

export async function getQueue(clients: AwsClients, url: string, s?: Signal): Promise<QueueRecord> {
  const name = queueNameFromUrl(url);
  const a = await queueAttributes(clients, url, s);
  const redrive = parseRedrivePolicy(a.RedrivePolicy);
  return {
    url,
    name,
    arn: a.QueueArn,
    fifo: a.FifoQueue === 'true' || name.endsWith('.fifo'),
    visible: num(a.ApproximateNumberOfMessages),
    inFlight: num(a.ApproximateNumberOfMessagesNotVisible),
    delayed: num(a.ApproximateNumberOfMessagesDelayed),
    deadLetterTargetArn: redrive.arn,
    maxReceiveCount: redrive.maxReceiveCount,
    visibilityTimeout: num(a.VisibilityTimeout),
    retentionSeconds: num(a.MessageRetentionPeriod),
  };
}

/** One page of queues with their attributes (read 8 at a time). */
export async function listQueues(
  clients: AwsClients,
  page: { cursor?: string; pageSize: number; prefix?: string } & Signal,
): Promise<{ queues: QueueRecord[]; next?: string }> {
  const out = await clients.sqs().send(
    new ListQueuesCommand({
      MaxResults: Math.min(Math.max(page.pageSize, 1), 1000),
      NextToken: page.cursor,
      QueueNamePrefix: page.prefix,
    }),
    opts(page),
  );
  const urls = out.QueueUrls ?? [];
  const queues = await mapLimit(urls, 8, async (url) => {
    try {
      return await getQueue(clients, url, page);
    } catch (err) {
      // A dead emulator fails the whole listing; other errors only mark the one row.
      if (page.signal?.aborted || isConnectionError(err)) throw err;
      const name = queueNameFromUrl(url);
      return { url, name, fifo: name.endsWith('.fifo'), attributesError: String((err as Error).message ?? err) };
    }
  });
  return { queues, next: out.NextToken || undefined };
}

/** The queues whose redrive policy points at `dlqUrl`. */
export async function deadLetterSources(clients: AwsClients, dlqUrl: string, s?: Signal): Promise<string[]> {
  const urls: string[] = [];
  let token: string | undefined;
  do {
    const out = await clients
      .sqs()
      .send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: dlqUrl, NextToken: token, MaxResults: 1000 }), opts(s));
    urls.push(...(out.queueUrls ?? []));
    token = out.NextToken;
  } while (token);
  return urls;
}

export function validateQueueName(name: string, fifo: boolean): string | undefined {
  const base = fifo ? name.replace(/\.fifo$/, '') : name;
  if (!fifo && name.endsWith('.fifo')) return 'Only FIFO queues end in .fifo';
  if (!base) return 'Enter a queue name';
  if (base.length > (fifo ? 75 : 80)) return 'A queue name has at most 80 characters (including .fifo)';
  if (!/^[A-Za-z0-9_-]+$/.test(base)) return 'Use letters, digits, hyphens and underscores only';
  return undefined;
}

export interface CreateQueueRequest {
  readonly name: string;
  readonly fifo: boolean;
  readonly contentBasedDeduplication?: boolean;
  readonly deadLetterTargetArn?: string;
  readonly maxReceiveCount?: number;
  readonly visibilityTimeout?: number;
}

export async function createQueue(clients: AwsClients, req: CreateQueueRequest, s?: Signal): Promise<string> {
  const name = req.fifo && !req.name.endsWith('.fifo') ? `${req.name}.fifo` : req.name;
  const attributes: Record<string, string> = {};
  if (req.fifo) attributes.FifoQueue = 'true';
  if (req.fifo && req.contentBasedDeduplication) attributes.ContentBasedDeduplication = 'true';
  if (req.visibilityTimeout !== undefined) attributes.VisibilityTimeout = String(req.visibilityTimeout);
  if (req.deadLetterTargetArn) {
    attributes.RedrivePolicy = JSON.stringify({
      deadLetterTargetArn: req.deadLetterTargetArn,
      maxReceiveCount: req.maxReceiveCount ?? 5,
    });
  }
  const out = await clients.sqs().send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }), opts(s));
  if (!out.QueueUrl) throw new Error('the emulator returned no queue URL');
  return out.QueueUrl;
}

export async function queueUrlOf(clients: AwsClients, name: string, s?: Signal): Promise<string> {
  const out = await clients.sqs().send(new GetQueueUrlCommand({ QueueName: name }), opts(s));
  if (!out.QueueUrl) throw new Error(`no URL for queue ${name}`);
  return out.QueueUrl;
}

export async function purgeQueue(clients: AwsClients, url: string, s?: Signal): Promise<void> {
  await clients.sqs().send(new PurgeQueueCommand({ QueueUrl: url }), opts(s));
}

export async function deleteQueue(clients: AwsClients, url: string, s?: Signal): Promise<void> {
  await clients.sqs().send(new DeleteQueueCommand({ QueueUrl: url }), opts(s));
}

export async function deleteMessage(
  clients: AwsClients,
  url: string,
  receiptHandle: string,
  s?: Signal,
): Promise<void> {
  await clients.sqs().send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: receiptHandle }), opts(s));
}

export interface ReceivedMessage {
  readonly messageId: string;
  readonly receiptHandle: string;
  readonly body: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly messageAttributes: Readonly<Record<string, { dataType: string; stringValue?: string }>>;
}

function toReceived(m: Message): ReceivedMessage {
  const messageAttributes: Record<string, { dataType: string; stringValue?: string }> = {};
  for (const [k, v] of Object.entries(m.MessageAttributes ?? {})) {
    messageAttributes[k] = { dataType: v.DataType ?? 'String', stringValue: v.StringValue };
  }
  return {
    messageId: m.MessageId ?? '',
    receiptHandle: m.ReceiptHandle ?? '',
    body: m.Body ?? '',
    attributes: { ...(m.Attributes ?? {}) },
    messageAttributes,
  };
}

/**
 * A real ReceiveMessage: it raises the receive count and hides the messages for `visibilityTimeout` seconds
 * (callers warn the user; with a redrive policy, messages may move to the dead-letter queue).
 */
export async function receiveMessages(
  clients: AwsClients,
  url: string,
  req: { max: number; visibilityTimeout?: number; waitSeconds?: number } & Signal,
): Promise<ReceivedMessage[]> {
  const out = await clients.sqs().send(
    new ReceiveMessageCommand({
      QueueUrl: url,
      MaxNumberOfMessages: Math.min(Math.max(req.max, 1), 10),
      VisibilityTimeout: req.visibilityTimeout,
      WaitTimeSeconds: req.waitSeconds ?? 0,
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['All'],
    }),
    opts(req),
  );
  return (out.Messages ?? []).map(toReceived);
}

/** True when the backend does not know the operation at all (as opposed to refusing this request). */
export function isUnsupportedOperation(err: unknown): boolean {
  const e = err as {
    name?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
    $response?: { statusCode?: number };
  };
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  const text = `${e.name ?? ''} ${e.message ?? ''}`;
  return (
    status === 404 ||
    status === 501 ||
    e.name === 'SyntaxError' || // an HTML "not found" page where JSON was expected
    /NotImplemented|UnknownOperation|InvalidAction|not (yet )?implemented|Deserialization error/i.test(text)
  );
}

export type RedriveOutcome =
  | { readonly method: 'move-task'; readonly taskHandle?: string; readonly moved: number; readonly status: string }
  | { readonly method: 'copy'; readonly moved: number };

const MOVE_TASK_DONE = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);

/**
 * Follows a message move task (it runs in the background on AWS and LocalStack) until it ends, reporting the count
 * moved; cancelling the signal cancels the task too.
 */
async function followMoveTask(
  clients: AwsClients,
  req: { dlqArn: string; progress?: (moved: number) => void } & Signal,
  taskHandle: string | undefined,
): Promise<RedriveOutcome> {
  let moved = 0;
  let status = 'RUNNING';
  for (let wait = 100; ; wait = Math.min(wait * 2, 1_000)) {
    if (req.signal?.aborted) {
      if (taskHandle)
        await clients
          .sqs()
          .send(new CancelMessageMoveTaskCommand({ TaskHandle: taskHandle }))
          .catch(() => undefined);
      req.signal.throwIfAborted();
    }
    const [task] = await listMoveTasks(clients, req.dlqArn, req);
    moved = task?.moved ?? moved;
    status = task?.status ?? status;
    req.progress?.(moved);
    if (!task || MOVE_TASK_DONE.has(status)) break;
    await new Promise((r) => setTimeout(r, wait));
  }
  if (status === 'FAILED') throw new Error(`the message move task failed after moving ${moved} messages`);
  return { method: 'move-task', taskHandle, moved, status };
}

/**
 * Moves messages from a dead-letter queue back to `targetUrl` (default: their source queue).
 * Uses StartMessageMoveTask when the backend has it; otherwise receives, re-sends and deletes, 10 at a time,
 * until the DLQ reports nothing visible. `progress` gets the count moved so far.
 */
export async function redrive(
  clients: AwsClients,
  req: {
    dlqUrl: string;
    dlqArn: string;
    targetUrl: string;
    targetArn?: string;
    preferMoveTask?: boolean;
    progress?: (moved: number) => void;
  } & Signal,
): Promise<RedriveOutcome> {
  if (req.preferMoveTask !== false) {
    try {
      // Without a destination a move task sends each message back to the queue it died in, and fails on messages
      // sent straight to the DLQ (AWS and LocalStack alike): always name the target.
      const destination = req.targetArn ?? (await getQueue(clients, req.targetUrl, req)).arn;
      const out = await clients
        .sqs()
        .send(new StartMessageMoveTaskCommand({ SourceArn: req.dlqArn, DestinationArn: destination }), opts(req));
      return await followMoveTask(clients, req, out.TaskHandle);
    } catch (err) {
      if (req.signal?.aborted || !isUnsupportedOperation(err)) throw err;
      // moto and older emulators do not implement it: fall back to copying below.
    }
  }
  let moved = 0;
  for (;;) {
    req.signal?.throwIfAborted();
    const batch = await receiveMessages(clients, req.dlqUrl, { max: 10, visibilityTimeout: 30, signal: req.signal });
    if (batch.length === 0) break;
    const target = await getQueue(clients, req.targetUrl, req);
    const entries = batch.map((m, i) => {
      const attrs: Record<string, MessageAttributeValue> = {};
      for (const [k, v] of Object.entries(m.messageAttributes))
        attrs[k] = { DataType: v.dataType, StringValue: v.stringValue };
      return {
        Id: String(i),
        MessageBody: m.body,
        MessageAttributes: Object.keys(attrs).length ? attrs : undefined,
        MessageGroupId: target.fifo ? (m.attributes.MessageGroupId ?? 'redrive') : undefined,
        MessageDeduplicationId: target.fifo ? `${m.messageId}-redrive` : undefined,
      };
    });
    const sent = await clients
      .sqs()
      .send(new SendMessageBatchCommand({ QueueUrl: req.targetUrl, Entries: entries }), opts(req));
    if (sent.Failed?.length) {
      const f = sent.Failed[0];
      throw new Error(
        `${sent.Failed.length} messages could not be re-sent (${f?.Code}: ${f?.Message}); they stay in the DLQ`,
      );
    }
    for (const m of batch) await deleteMessage(clients, req.dlqUrl, m.receiptHandle, req);
    moved += batch.length;
    req.progress?.(moved);
  }
  return { method: 'copy', moved };
}

/** Status of move tasks for a DLQ (where supported). */
export async function listMoveTasks(
  clients: AwsClients,
  dlqArn: string,
  s?: Signal,
): Promise<{ status: string; moved?: number }[]> {
  const out = await clients.sqs().send(new ListMessageMoveTasksCommand({ SourceArn: dlqArn }), opts(s));
  return (out.Results ?? []).map((r) => ({ status: r.Status ?? 'UNKNOWN', moved: r.ApproximateNumberOfMessagesMoved }));
}
