// Time-bucket detection shared by DDB_PK_TIME_BUCKET and DDB_GSI_PK_TIME_BUCKET.
import type { TableEvidence } from './evidence/bind';
import { pct } from './guidance';
import { classifyName } from './names';

/** Sample evidence wins over the name: many distinct non-bucket values clear a name like `day`. */
export function timeBucketFinding(
  evidence: TableEvidence,
  attributes: readonly string[],
): { why: string; period: string } | undefined {
  const d = evidence.distribution(attributes);
  if (d && d.distinct > 0) {
    if (d.timeBucketShare >= 0.8) {
      const example = d.top[0]?.value ?? '';
      return {
        why: `${pct(d.timeBucketShare)} of ${d.distinct} sample values are date/hour buckets, e.g. "${example}"`,
        period: /T\d{2}|\d{10}$/.test(example) ? 'hour' : 'day',
      };
    }
    return undefined;
  }
  if (attributes.length !== 1) return undefined;
  const v = classifyName(attributes[0] as string);
  if (v.kind !== 'time-bucket') return undefined;
  return { why: `heuristic: the name ends in "${v.word}"`, period: v.word === 'yyyymmdd' ? 'day' : (v.word as string) };
}
