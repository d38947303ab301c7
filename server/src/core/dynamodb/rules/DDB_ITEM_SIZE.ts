// Sample items over the 400 KB item limit (an error) or over 100 KB (a warning: every read and write of
// the item costs 25+ capacity units; split it into an item collection or move the blob to S3).
import { AWS, cite, n } from '../guidance';
import { MAX_ITEM_BYTES } from '../model';
import type { DdbRule } from '../rule';
import { where } from '../support';

const WARN_BYTES = 100 * 1024;

export const DDB_ITEM_SIZE: DdbRule = {
  id: 'DDB_ITEM_SIZE',
  domain: 'dynamodb',
  defaultSeverity: 'error',
  title: 'A sample item over the 400 KB item size limit (or over 100 KB, a warning).',
  check(ctx) {
    if (!ctx.evidence.hasItems) return;
    const sizes = ctx.evidence.sizes();
    let largest = -1;
    let over = 0;
    let warn = 0;
    sizes.forEach((s, i) => {
      if (s > MAX_ITEM_BYTES) over++;
      else if (s > WARN_BYTES) warn++;
      if (largest < 0 || s > (sizes[largest] as number)) largest = i;
    });
    if (largest < 0 || (!over && !warn)) return;
    const size = sizes[largest] as number;
    const item = ctx.evidence.allItems()[largest];
    const file = item?.uri.replace(/^.*[\\/]/, '') ?? 'sample';
    const kb = (b: number) => `${n(Math.round(b / 102.4) / 10)} KB`;
    ctx.report({
      span: ctx.table.nameSpan,
      severity: over ? 'error' : 'warning',
      message: cite(
        over
          ? `${n(over)} sample item${over === 1 ? '' : 's'} of ${where(ctx.table)} exceed the 400 KB item limit (largest: item ${largest + 1} of ${file}, about ${kb(size)}); DynamoDB rejects them — split into an item collection or store the blob in S3`
          : `${n(warn)} sample item${warn === 1 ? '' : 's'} of ${where(ctx.table)} are over 100 KB (largest: item ${largest + 1} of ${file}, about ${kb(size)}): each write costs ${n(Math.ceil(size / 1024))} WCU — consider splitting`,
        AWS.quotas,
      ),
    });
  },
};
