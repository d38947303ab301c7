// A GSI with less write capacity than its table throttles the table's writes (GSI back pressure).
import { replace } from '../../syntax/edit';
import { AWS, cite, n } from '../guidance';
import type { DdbRule } from '../rule';
import { where } from '../support';

export const DDB_GSI_WCU_LOW: DdbRule = {
  id: 'DDB_GSI_WCU_LOW',
  domain: 'dynamodb',
  defaultSeverity: 'warning',
  title: "A GSI's provisioned write capacity is below the table's.",
  check(ctx) {
    const t = ctx.table;
    if (t.effectiveBillingMode !== 'PROVISIONED') return;
    const tableW = t.throughput?.write;
    if (tableW === undefined) return;
    for (const g of t.gsis) {
      const w = g.throughput?.write;
      if (w === undefined || w >= tableW) continue;
      const span = g.throughput?.writeSpan;
      ctx.report({
        span: span ?? g.nameSpan,
        message: cite(
          `${where(t, g)} has ${n(w)} WCU, below the table's ${n(tableW)} WCU: every table write that touches the index also writes it, and a throttled GSI throttles the table`,
          AWS.gsi,
        ),
        fixes: span
          ? [
              {
                title: `Raise the GSI's write capacity to ${tableW} WCU`,
                edits: [replace(span, String(tableW))],
                preferred: true,
              },
            ]
          : [],
      });
    }
  },
};
