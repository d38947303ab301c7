// Sending SQS messages and peeking at them without consuming. The peek uses LocalStack's developer endpoint
// `GET /_aws/sqs/messages?QueueUrl=…` (JSON with `Accept: application/json`), which has no side effects on the
// queue; other backends have no such endpoint and callers fall back to an explicit, warned receive.
import { GetQueueAttributesCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { AwsClients } from './clients';
import type { MessageAttributeInput, SendInput, ShownMessage } from './records/sqs';

export type { MessageAttributeInput, SendInput };

interface Signal {
  readonly signal?: AbortSignal;
}
const opts = (s?: Signal) => (s?.signal ? { abortSignal: s.signal } : {});

/** A message attribute as SQS sends it and SNS publishes it (the two APIs share the shape). */
interface WireAttribute {
  DataType: string;
  StringValue?: string;
  BinaryValue?: Uint8Array;
}

/** The message attributes of a send or a publish; undefined when there are none. */
export function toMessageAttributes(list: readonly MessageAttributeInput[]): Record<string, WireAttribute> | undefined {
  if (list.length === 0) return undefined;
  const out: Record<string, WireAttribute> = {};
  for (const a of list) {
    out[a.name] =
      a.type === 'Binary'
        ? { DataType: 'Binary', BinaryValue: Buffer.from(a.value, 'base64') }
        : { DataType: a.type, StringValue: a.value };
  }
  return out;
}

export async function sendMessage(
  clients: AwsClients,
  queueUrl: string,
  input: SendInput,
  s?: Signal,
): Promise<{ messageId: string; sequenceNumber?: string }> {
  const out = await clients.sqs().send(
    new SendMessageCommand({
      QueueUrl: queueUrl,
      MessageBody: input.body,
      DelaySeconds: input.delaySeconds,
      MessageGroupId: input.groupId || undefined,
      MessageDeduplicationId: input.deduplicationId || undefined,
      MessageAttributes: toMessageAttributes(input.attributes),
    }),
    opts(s),
  );
  return { messageId: out.MessageId ?? '', ...(out.SequenceNumber ? { sequenceNumber: out.SequenceNumber } : {}) };
}

export type PeekResult =
  | { readonly supported: true; readonly messages: ShownMessage[] }
  | { readonly supported: false; readonly reason: string };

interface PeekNameValue {
  Name?: unknown;
  Value?: unknown;
}
interface PeekMessage {
  MessageId?: unknown;
  Body?: unknown;
  Attribute?: PeekNameValue | PeekNameValue[];
  MessageAttribute?: PeekNameValue | PeekNameValue[];
}

/** xmltodict-style JSON turns a one-element list into a bare object; this undoes that. */
function listOf<T>(value: T | T[] | null | undefined): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Reads LocalStack's peek response (`ReceiveMessageResponse.ReceiveMessageResult.Message[]`) into plain records. */
export function parsePeekResponse(json: unknown): ShownMessage[] | undefined {
  const result = (json as { ReceiveMessageResponse?: { ReceiveMessageResult?: { Message?: unknown } | null } })
    ?.ReceiveMessageResponse;
  if (!result || typeof result !== 'object') return undefined;
  const messages = listOf((result.ReceiveMessageResult ?? {}).Message as PeekMessage | PeekMessage[] | undefined);
  return messages.map((m) => {
    const attributes: Record<string, string> = {};
    for (const a of listOf(m.Attribute)) {
      if (typeof a.Name === 'string') attributes[a.Name] = String(a.Value ?? '');
    }
    const messageAttributes: Record<string, { dataType: string; value: string }> = {};
    for (const a of listOf(m.MessageAttribute)) {
      if (typeof a.Name !== 'string') continue;
      const v = (a.Value ?? {}) as { DataType?: unknown; StringValue?: unknown; BinaryValue?: unknown };
      messageAttributes[a.Name] = {
        dataType: typeof v.DataType === 'string' ? v.DataType : 'String',
        value: String(v.StringValue ?? v.BinaryValue ?? ''),
      };
    }
    return {
      messageId: String(m.MessageId ?? ''),
      body: String(m.Body ?? ''),
      attributes,
      messageAttributes,
      deletable: false,
    };
  });
}

/**
 * Peeks at a queue through LocalStack's developer endpoint. `supported: false` (with the reason) when the backend
 * does not offer it; network failures throw like any other call.
 */
export async function peekMessages(
  endpoint: string,
  queueUrl: string,
  req: { showInvisible?: boolean; showDelayed?: boolean } & Signal = {},
): Promise<PeekResult> {
  const url = new URL('/_aws/sqs/messages', endpoint);
  url.searchParams.set('QueueUrl', queueUrl);
  if (req.showInvisible) url.searchParams.set('ShowInvisible', 'true');
  if (req.showDelayed) url.searchParams.set('ShowDelayed', 'true');
  const res = await fetch(url, {
    headers: { Accept: 'application/json' },
    signal: req.signal ?? AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (res.status === 404 || res.status === 501 || res.status === 405) {
    // LocalStack answers 4xx with an error body for a missing queue; other backends do not know the path at all.
    if (/QueueDoesNotExist|NonExistentQueue/.test(text)) throw new Error(`the queue does not exist (${queueUrl})`);
    return { supported: false, reason: `the emulator has no /_aws/sqs/messages endpoint (HTTP ${res.status})` };
  }
  if (!res.ok) {
    if (/QueueDoesNotExist|NonExistentQueue/.test(text)) throw new Error(`the queue does not exist (${queueUrl})`);
    throw new Error(`HTTP ${res.status} from /_aws/sqs/messages`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { supported: false, reason: 'the emulator answered /_aws/sqs/messages with something other than JSON' };
  }
  const messages = parsePeekResponse(json);
  if (!messages) return { supported: false, reason: 'the emulator answered /_aws/sqs/messages in an unknown shape' };
  return { supported: true, messages };
}

/** Whether a FIFO queue derives deduplication ids from the body (then a send may omit them). */
export async function contentBasedDeduplication(clients: AwsClients, queueUrl: string, s?: Signal): Promise<boolean> {
  const out = await clients
    .sqs()
    .send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ContentBasedDeduplication'] }),
      opts(s),
    );
  return out.Attributes?.ContentBasedDeduplication === 'true';
}
