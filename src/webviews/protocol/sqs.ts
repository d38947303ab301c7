// SQS messages panel: contract between the host (src/webviews/sqs.ts) and the view (webviews/sqs/main.ts), and the
// pure check of a message to send that both sides run (the view for inline errors, the host before sending).
import type { HostCommon } from './common';
import { ATTRIBUTE_TYPES, type SendInput, type ShownMessage } from '../../aws/records/sqs';
import { array, bool, int, literal, obj, oneOf, optional, str, tagged } from './validate';

export const SQS_VIEW_TYPE = 'localCloudLab.sqsMessages';

export interface SqsTarget {
  readonly queueUrl: string;
  readonly queueName: string;
  readonly fifo: boolean;
}
export const sqsTarget = obj({
  queueUrl: str({ min: 1, max: 2048 }),
  queueName: str({ min: 1, max: 80 }),
  fifo: bool(),
});

export {
  ATTRIBUTE_TYPES,
  type AttributeType,
  type MessageAttributeInput,
  type SendInput,
  type ShownMessage,
} from '../../aws/records/sqs';

export const messageAttribute = obj({
  name: str({ min: 1, max: 256 }),
  type: oneOf(ATTRIBUTE_TYPES),
  value: str({ max: 262_144 }),
});

const requestId = int({ min: 0 });

/** View → host. */
export const sqsFromView = tagged({
  send: obj({
    type: literal('send'),
    requestId,
    body: str({ max: 262_144 }),
    delaySeconds: optional(int({ min: 0, max: 900 })),
    groupId: optional(str({ max: 128 })),
    deduplicationId: optional(str({ max: 128 })),
    attributes: array(messageAttribute, { max: 10 }),
  }),
  /** Non-destructive peek (LocalStack's /_aws/sqs/messages). */
  peek: obj({ type: literal('peek'), requestId, showInvisible: optional(bool()), showDelayed: optional(bool()) }),
  /** A real ReceiveMessage, after the host's modal warning; messages are given back at once (VisibilityTimeout 0). */
  receive: obj({ type: literal('receive'), requestId, max: int({ min: 1, max: 10 }) }),
  delete: obj({ type: literal('delete'), requestId, messageId: str({ min: 1, max: 128 }) }),
  refresh: obj({ type: literal('refresh') }),
  shown: obj({ type: literal('shown'), rows: int({ min: 0 }), columns: int({ min: 0 }) }),
});
export type SqsFromView = ReturnType<typeof sqsFromView>;

export interface QueueCounts {
  readonly visible?: number;
  readonly inFlight?: number;
  readonly delayed?: number;
  readonly contentBasedDeduplication?: boolean;
  readonly deadLetterTargetArn?: string;
  readonly maxReceiveCount?: number;
}

/** Host → view. */
export type SqsToView =
  | HostCommon
  | { type: 'init'; target: SqsTarget; canPeek: boolean; backend: string; counts: QueueCounts }
  | { type: 'counts'; counts: QueueCounts }
  | { type: 'messages'; requestId: number; mode: 'peek' | 'receive'; messages: ShownMessage[] }
  | { type: 'sent'; requestId: number; messageId: string; sequenceNumber?: string }
  | { type: 'deleted'; requestId: number; messageId: string };

const NAME = /^[A-Za-z0-9_\-.]+$/;
const FIFO_ID = /^[\x21-\x7e]{1,128}$/;

/** Checks a message to send; returns the first problem as a sentence, or undefined when it can go. */
export function checkSend(
  input: SendInput,
  queue: { fifo: boolean; contentBasedDeduplication?: boolean },
): string | undefined {
  if (input.body.length === 0) return 'The message body is empty: SQS needs at least one character.';
  if (new TextEncoder().encode(input.body).length > 262_144) return 'The message body is larger than 256 KiB.';
  if (queue.fifo) {
    if (input.delaySeconds !== undefined && input.delaySeconds !== 0) {
      return 'FIFO queues take no per-message delay; set DelaySeconds on the queue instead.';
    }
    if (!input.groupId) return 'A FIFO queue needs a message group id.';
    if (!FIFO_ID.test(input.groupId)) return 'The message group id must be 1–128 printable ASCII characters.';
    if (!input.deduplicationId && !queue.contentBasedDeduplication) {
      return 'This FIFO queue has no content-based deduplication: give a deduplication id.';
    }
    if (input.deduplicationId && !FIFO_ID.test(input.deduplicationId)) {
      return 'The deduplication id must be 1–128 printable ASCII characters.';
    }
  } else {
    if (input.groupId) return 'Message group ids are for FIFO queues only.';
    if (input.deduplicationId) return 'Deduplication ids are for FIFO queues only.';
    if (input.delaySeconds !== undefined && (input.delaySeconds < 0 || input.delaySeconds > 900)) {
      return 'Delay must be between 0 and 900 seconds.';
    }
  }
  const seen = new Set<string>();
  for (const a of input.attributes) {
    if (!NAME.test(a.name) || a.name.startsWith('.') || a.name.endsWith('.') || a.name.includes('..')) {
      return `Attribute name "${a.name}" may use letters, digits, _ - . (no leading, trailing or double dots).`;
    }
    if (/^(aws\.|amazon\.)/i.test(a.name)) return `Attribute name "${a.name}" uses a reserved prefix.`;
    if (seen.has(a.name)) return `Attribute "${a.name}" appears twice.`;
    seen.add(a.name);
    if (a.value.length === 0) return `Attribute "${a.name}" has no value.`;
    if (a.type === 'Number' && !/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(a.value.trim())) {
      return `Attribute "${a.name}" is a Number but "${a.value}" is not a number.`;
    }
    if (a.type === 'Binary' && !(/^[A-Za-z0-9+/]*={0,2}$/.test(a.value) && a.value.length % 4 === 0)) {
      return `Attribute "${a.name}" is Binary: give the value as base64.`;
    }
  }
  if (input.attributes.length > 10) return 'SQS takes at most 10 message attributes.';
  return undefined;
}
