// Plain records of SQS messages as the messages panel sends and shows them. The webview protocol
// (src/webviews/protocol/sqs.ts) and the SNS panel share them, so this file imports nothing.

export const ATTRIBUTE_TYPES = ['String', 'Number', 'Binary'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export interface MessageAttributeInput {
  readonly name: string;
  readonly type: AttributeType;
  /** For Binary: base64. */
  readonly value: string;
}
export interface SendInput {
  readonly body: string;
  readonly delaySeconds?: number;
  readonly groupId?: string;
  readonly deduplicationId?: string;
  readonly attributes: readonly MessageAttributeInput[];
}

export interface ShownMessage {
  readonly messageId: string;
  readonly body: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly messageAttributes: Readonly<Record<string, { dataType: string; value: string }>>;
  /** True for messages from a real receive: they can be deleted (the host keeps their receipt handles). */
  readonly deletable: boolean;
}
