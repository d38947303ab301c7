// Billing mode and throughput must agree: PROVISIONED needs throughput on the table and every GSI,
// PAY_PER_REQUEST takes none.
import { addThroughput, removeThroughput, switchToOnDemand } from '../fixes';
import { AWS, cite } from '../guidance';
import type { Fix } from '../../types';
import type { DdbRule } from '../rule';
import { where } from '../support';

export const DDB_BILLING_CONFIG: DdbRule = {
  id: 'DDB_BILLING_CONFIG',
  domain: 'dynamodb',
  defaultSeverity: 'error',
  title: 'PROVISIONED without throughput on the table or a GSI, or on-demand with throughput.',
  check(ctx) {
    const t = ctx.table;
    // describe-table output reports what exists; SAM and Workbench fill in their own defaults.
    if (t.source === 'describe-table' || t.source === 'sam' || !t.billingModeKnown) return;
    if (t.billingMode && t.billingMode !== 'PROVISIONED' && t.billingMode !== 'PAY_PER_REQUEST') {
      ctx.report({
        span: t.billingModeSpan ?? t.nameSpan,
        message: cite(
          `Billing mode "${t.billingMode}" of ${where(t)} must be PROVISIONED or PAY_PER_REQUEST`,
          AWS.createTable,
        ),
      });
      return;
    }
    const mode = t.effectiveBillingMode;
    const modeText = t.billingMode ? 'PROVISIONED' : 'PROVISIONED (the default when no billing mode is given)';
    const throughputName =
      t.source === 'terraform'
        ? 'read_capacity/write_capacity'
        : t.source === 'cloudformation-global'
          ? 'WriteProvisionedThroughputSettings'
          : 'ProvisionedThroughput';
    if (mode === 'PROVISIONED') {
      if (!t.throughput) {
        const fixes = [addThroughput(ctx.doc, t), switchToOnDemand(ctx.doc, t)].filter((f): f is Fix => !!f);
        ctx.report({
          span: t.billingModeSpan ?? t.nameSpan,
          message: cite(`${where(t)} is ${modeText} but has no ${throughputName}`, AWS.createTable),
          fixes: t.source === 'cloudformation-global' ? [] : fixes,
        });
      }
      for (const g of t.gsis) {
        if (g.throughput) continue;
        const fix = t.source === 'cloudformation-global' ? undefined : addThroughput(ctx.doc, g);
        ctx.report({
          span: g.nameSpan,
          message: cite(
            `${where(t, g)} has no ${throughputName}, which a PROVISIONED table requires for each GSI`,
            AWS.createTable,
          ),
          fixes: fix ? [fix] : [],
        });
      }
    } else if (mode === 'PAY_PER_REQUEST') {
      const targets = [t, ...t.gsis].filter((x) => x.throughput);
      for (const x of targets) {
        const fix = removeThroughput(ctx.doc, x);
        ctx.report({
          span: x.throughput!.span,
          message: cite(
            `${x === t ? where(t) : where(t, x as (typeof t.gsis)[number])} is on-demand (PAY_PER_REQUEST) but declares provisioned throughput`,
            AWS.createTable,
          ),
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};
