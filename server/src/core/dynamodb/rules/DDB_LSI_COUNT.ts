// At most five local secondary indexes per table (a hard limit).
import { AWS, cite } from '../guidance';
import { MAX_LSI } from '../model';
import type { DdbRule } from '../rule';
import { where } from '../support';

export const DDB_LSI_COUNT: DdbRule = {
  id: 'DDB_LSI_COUNT',
  domain: 'dynamodb',
  defaultSeverity: 'error',
  title: 'More than five local secondary indexes on one table.',
  check(ctx) {
    const t = ctx.table;
    if (t.lsis.length <= MAX_LSI) return;
    const extra = t.lsis[MAX_LSI]!;
    ctx.report({
      span: extra.nameSpan,
      message: cite(`${where(t)} has ${t.lsis.length} local secondary indexes; the limit is ${MAX_LSI}`, AWS.quotas),
    });
  },
};
