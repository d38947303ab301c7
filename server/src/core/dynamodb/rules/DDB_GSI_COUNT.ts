// More than 20 GSIs exceeds the default per-table quota (adjustable; overloading GSIs is the usual answer).
import { AWS, cite } from '../guidance';
import { DEFAULT_MAX_GSI } from '../model';
import type { DdbRule } from '../rule';
import { where } from '../support';

export const DDB_GSI_COUNT: DdbRule = {
  id: 'DDB_GSI_COUNT',
  domain: 'dynamodb',
  defaultSeverity: 'warning',
  title: 'More global secondary indexes than the default quota of 20.',
  check(ctx) {
    const t = ctx.table;
    if (t.gsis.length <= DEFAULT_MAX_GSI) return;
    ctx.report({
      span: t.gsis[DEFAULT_MAX_GSI]!.nameSpan,
      message: cite(
        `${where(t)} has ${t.gsis.length} global secondary indexes; the default quota is ${DEFAULT_MAX_GSI} (ask for an increase, or overload generic GSI keys)`,
        AWS.gsiOverloading,
      ),
    });
  },
};
