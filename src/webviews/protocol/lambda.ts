// Lambda invoke panel: contract between the host (src/webviews/lambda.ts) and the view (webviews/lambda/main.ts).
import type { HostCommon } from './common';
import { int, literal, obj, str, tagged } from './validate';

export const LAMBDA_VIEW_TYPE = 'localCloudLab.lambdaInvoke';

export interface LambdaTarget {
  readonly functionName: string;
}
export const lambdaTarget = obj({ functionName: str({ min: 1, max: 170 }) });

export interface FunctionSummary {
  readonly name: string;
  readonly arn: string;
  readonly runtime?: string;
  readonly handler?: string;
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
  readonly state?: string;
  readonly lastModified?: string;
}

export interface InvokeOutcome {
  readonly statusCode: number;
  readonly functionError?: string;
  readonly payload: string;
  readonly log?: string;
  readonly executedVersion?: string;
  readonly durationMs: number;
}

/** View → host. */
export const lambdaFromView = tagged({
  invoke: obj({ type: literal('invoke'), requestId: int({ min: 0 }), payload: str({ max: 6_291_456 }) }),
  shown: obj({ type: literal('shown'), rows: int({ min: 0 }), columns: int({ min: 0 }) }),
});
export type LambdaFromView = ReturnType<typeof lambdaFromView>;

/** Host → view. */
export type LambdaToView =
  | HostCommon
  | { type: 'init'; target: LambdaTarget; config: FunctionSummary }
  | { type: 'result'; requestId: number; result: InvokeOutcome };
