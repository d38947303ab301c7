// With any LSI, each item collection (all items of one partition key value) is capped at 10 GB and
// DynamoDB no longer splits a hot collection across partitions.
import { AWS, cite, n } from '../guidance';
import { LSI_COLLECTION_BYTES, partitionKey } from '../model';
import type { DdbRule } from '../rule';
import { evidenceShowsManyValues, verdict, where } from '../support';

const GB = 1024 * 1024 * 1024;

export const DDB_LSI_COLLECTION_LIMIT: DdbRule = {
  id: 'DDB_LSI_COLLECTION_LIMIT',
  domain: 'dynamodb',
  defaultSeverity: 'info',
  title: 'A table with local secondary indexes: 10 GB per item collection and no split for heat.',
  check(ctx) {
    const t = ctx.table;
    if (!t.lsis.length) return;
    const pk = partitionKey(t.keys);
    const span = t.lsis[0]!.nameSpan;
    // Evidence first: declared collection sizes, then a sample's largest collection.
    for (const p of ctx.evidence.patterns) {
      if (!p.itemsPerKey || !p.itemSizeKB || (p.index && p.index !== t.lsis.find((l) => l.name === p.index)?.name))
        continue;
      const bytes = p.itemsPerKey * p.itemSizeKB * 1024;
      if (bytes >= LSI_COLLECTION_BYTES) {
        ctx.report({
          span,
          severity: 'error',
          message: cite(
            `Access pattern "${p.name}" expects ${n(p.itemsPerKey)} items × ${n(p.itemSizeKB)} KB = ${n(bytes / GB)} GB per partition key value, over the 10 GB item-collection limit of ${where(t)} (it has local secondary indexes)`,
            AWS.lsiCollections,
          ),
        });
        return;
      }
    }
    const largest = pk?.literal ? ctx.evidence.distribution([pk.attribute])?.largestCollectionBytes : undefined;
    if (largest !== undefined && largest >= LSI_COLLECTION_BYTES) {
      ctx.report({
        span,
        severity: 'error',
        message: cite(
          `A sample item collection already holds ${n(largest / GB)} GB, over the 10 GB limit for tables with LSIs`,
          AWS.lsiCollections,
        ),
      });
      return;
    }
    const v = pk?.literal ? verdict(pk.attribute) : undefined;
    const weakKey =
      v &&
      (v.kind === 'low-cardinality' || v.kind === 'boolean' || v.kind === 'time-bucket') &&
      !evidenceShowsManyValues(ctx.evidence, [pk!.attribute]);
    ctx.report({
      span,
      severity: weakKey ? 'warning' : undefined,
      message: cite(
        `${where(t)} has ${t.lsis.length} local secondary index${t.lsis.length === 1 ? '' : 'es'}: each partition key value's items are capped at 10 GB and a hot key cannot be split across partitions${
          weakKey
            ? ` — with a low-cardinality partition key ("${pk!.attribute}", heuristic) collections grow large`
            : ''
        }; prefer a GSI unless you need strongly consistent index reads`,
        AWS.lsiCollections,
      ),
    });
  },
};
