// Key-distribution panel: the contract between the host (src/dynamodb/keyDistribution.ts) and the view
// (webviews/keyDistribution/main.ts). Host → view: `result` (or the common busy/error). View → host: `resample`.
import type { HostCommon } from '../webviews/protocol/common';
import { int, literal, obj, str, tagged } from '../webviews/protocol/validate';

export const KEY_DISTRIBUTION_VIEW_TYPE = 'localCloudLab.keyDistribution';

export interface KeyDistributionTarget {
  readonly table: string;
}
export const keyDistributionTarget = obj({ table: str({ min: 1, max: 255 }) });

/** View → host. */
export const keyDistributionFromView = tagged({
  resample: obj({ type: literal('resample'), requestId: int({ min: 0 }) }),
});
export type KeyDistributionFromView = ReturnType<typeof keyDistributionFromView>;

export interface HistogramView {
  /** 'table' or the GSI name. */
  readonly scope: string;
  readonly attributes: readonly string[];
  readonly keyed: number;
  readonly missing: number;
  readonly distinct: number;
  readonly topShare: number;
  readonly gini: number;
  readonly bars: readonly { readonly value: string; readonly count: number }[];
  readonly other: number;
}

export interface FindingView {
  readonly ruleId: string;
  readonly severity: 'error' | 'warning' | 'info' | 'hint';
  readonly message: string;
}

export interface KeyDistributionResult {
  readonly table: string;
  readonly sampled: number;
  /** The Scan reached the end of the table (the sample is the whole table). */
  readonly complete: boolean;
  readonly pages: number;
  readonly cap: number;
  readonly histograms: readonly HistogramView[];
  readonly findings: readonly FindingView[];
  /** Partition arithmetic of the table's capacity. */
  readonly capacity: string;
}

/** Host → view. */
export type KeyDistributionToView = HostCommon | { type: 'result'; result: KeyDistributionResult };
