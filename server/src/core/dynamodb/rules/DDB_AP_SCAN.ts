// An access pattern that needs a Scan: a Scan, a Query without the partition key of its table or index,
// or a pattern on an index the table does not define.
import { AWS, cite } from '../guidance';
import type { DdbRule } from '../rule';
import { where } from '../support';

const BATCHY = /(admin|batch|export|report|backfill|migrat|analytics|nightly|cron)/i;

export const DDB_AP_SCAN: DdbRule = {
  id: 'DDB_AP_SCAN',
  domain: 'dynamodb',
  defaultSeverity: 'warning',
  title: 'An access pattern that needs a Scan (or a Query that omits the partition key).',
  check(ctx) {
    const t = ctx.table;
    for (const p of ctx.evidence.patterns) {
      const severity = BATCHY.test(p.name) ? 'info' : undefined;
      const index = p.index ? [...t.gsis, ...t.lsis].find((i) => i.name === p.index) : undefined;
      const file = p.uri.replace(/^.*[\\/]/, '');
      if (p.index && !index) {
        ctx.report({
          span: t.nameSpan,
          severity,
          message: cite(
            `Access pattern "${p.name}" (${file}) uses index "${p.index}", which ${where(t)} does not define: as written it needs a Scan`,
            AWS.queryScan,
          ),
        });
        continue;
      }
      if (p.operation === 'Scan') {
        ctx.report({
          span: index?.nameSpan ?? t.nameSpan,
          severity,
          message: cite(
            `Access pattern "${p.name}" (${file}) is a Scan of ${where(t, index)}: it reads every item (1 MB pages) — add a GSI keyed on what it filters on, possibly sparse`,
            AWS.queryScan,
          ),
        });
        continue;
      }
      if (p.operation !== 'Query' && p.operation !== 'GetItem') continue;
      const keys = index?.keys ?? t.keys;
      const hashes = keys.filter((k) => k.keyType === 'HASH' && k.literal).map((k) => k.attribute);
      if (!hashes.length || !p.keyAttributes.length) continue;
      const missing = hashes.filter((h) => !p.keyAttributes.includes(h));
      if (!missing.length) continue;
      ctx.report({
        span: index?.nameSpan ?? t.nameSpan,
        severity,
        message: cite(
          `Access pattern "${p.name}" (${file}) is a ${p.operation} on ${where(t, index)} without its partition key "${missing.join(' + ')}" (it names ${p.keyAttributes.join(', ')}): DynamoDB can only serve it with a Scan — add an index keyed on ${p.keyAttributes[0]}`,
          AWS.queryScan,
        ),
      });
    }
  },
};
