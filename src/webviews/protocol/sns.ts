// SNS topic panel (publish, subscriptions and their filter policies): contract between the host
// (src/webviews/sns.ts) and the view (webviews/sns/main.ts), with the pure checks both sides run.
import type { HostCommon } from './common';
import { array, int, literal, obj, oneOf, optional, str, tagged } from './validate';
import { messageAttribute, type MessageAttributeInput } from './sqs';

export const SNS_VIEW_TYPE = 'localCloudLab.snsTopic';

export interface SnsTarget {
  readonly topicArn: string;
}
export const snsTarget = obj({ topicArn: str({ min: 20, max: 1024, pattern: /^arn:[^:]+:sns:/ }) });

export interface SubscriptionView {
  readonly arn: string;
  readonly protocol: string;
  readonly endpoint: string;
  readonly pending: boolean;
  readonly filterPolicy?: string;
  readonly filterPolicyScope?: 'MessageAttributes' | 'MessageBody';
}

const requestId = int({ min: 0 });

/** View → host. */
export const snsFromView = tagged({
  publish: obj({
    type: literal('publish'),
    requestId,
    message: str({ max: 262_144 }),
    subject: optional(str({ max: 100 })),
    groupId: optional(str({ max: 128 })),
    deduplicationId: optional(str({ max: 128 })),
    attributes: array(messageAttribute, { max: 10 }),
  }),
  setFilter: obj({
    type: literal('setFilter'),
    requestId,
    subscriptionArn: str({ min: 1, max: 1024 }),
    policy: str({ max: 256 * 1024 }),
    scope: optional(oneOf(['MessageAttributes', 'MessageBody'] as const)),
  }),
  refresh: obj({ type: literal('refresh') }),
  shown: obj({ type: literal('shown'), rows: int({ min: 0 }), columns: int({ min: 0 }) }),
});
export type SnsFromView = ReturnType<typeof snsFromView>;

/** Host → view. */
export type SnsToView =
  | HostCommon
  | { type: 'init'; target: SnsTarget; name: string; fifo: boolean; subscriptions: SubscriptionView[] }
  | { type: 'published'; requestId: number; messageId: string }
  | { type: 'filterSaved'; requestId: number; subscriptionArn: string; policy?: string };

export interface PublishDraft {
  readonly message: string;
  readonly groupId?: string;
  readonly attributes: readonly MessageAttributeInput[];
}

/** Checks a publish before it is sent. */
export function checkPublish(draft: PublishDraft, topic: { fifo: boolean }): string | undefined {
  if (draft.message.length === 0) return 'The message is empty.';
  if (topic.fifo && !draft.groupId) return 'A FIFO topic needs a message group id.';
  if (!topic.fifo && draft.groupId) return 'Message group ids are for FIFO topics only.';
  const seen = new Set<string>();
  for (const a of draft.attributes) {
    if (!a.name.trim()) return 'Every attribute needs a name.';
    if (seen.has(a.name)) return `Attribute "${a.name}" appears twice.`;
    seen.add(a.name);
    if (a.value.length === 0) return `Attribute "${a.name}" has no value.`;
    if (a.type === 'Number' && Number.isNaN(Number(a.value))) return `Attribute "${a.name}" is not a number.`;
  }
  return undefined;
}

export { checkFilterPolicy } from '../../aws/records/sns';
