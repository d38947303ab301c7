// Plain records of EventBridge buses, rules and targets, and the check of an event a user puts. No imports.
import { checkJsonObject } from './json';

export interface EventBusRecord {
  readonly name: string;
  readonly arn: string;
}

export interface RuleRecord {
  readonly bus: string;
  readonly name: string;
  readonly arn: string;
  /** ENABLED or DISABLED. */
  readonly state?: string;
  readonly eventPattern?: string;
  readonly scheduleExpression?: string;
  readonly description?: string;
}

export interface TargetRecord {
  readonly id: string;
  readonly arn: string;
  readonly input?: string;
  readonly inputPath?: string;
  readonly roleArn?: string;
}

export interface PutEventInput {
  readonly bus: string;
  readonly source: string;
  readonly detailType: string;
  /** JSON object text. */
  readonly detail: string;
}

export interface PutEventResult {
  readonly eventId?: string;
  readonly errorCode?: string;
  readonly errorMessage?: string;
}

/** Undefined when the event can be sent, else the first problem in the words a user can act on. */
export function checkPutEvent(input: PutEventInput): string | undefined {
  if (!input.source.trim()) return 'The source is required, e.g. "com.example.orders".';
  if (input.source.trim().startsWith('aws.')) return 'Sources starting with "aws." are reserved for AWS services.';
  if (!input.detailType.trim()) return 'The detail type is required, e.g. "OrderPlaced".';
  if (input.detail.trim() === '') return 'The detail is required: a JSON object, e.g. { "orderId": "42" }.';
  return checkJsonObject(input.detail, 'The detail');
}
