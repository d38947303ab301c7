// A date, day or hour as the table's partition key: every write of the current period lands on one key.
// A full timestamp is not flagged (high cardinality, hashed evenly).
import { writeShard } from '../fixes';
import { AWS, cite } from '../guidance';
import { partitionKey } from '../model';
import type { DdbRule } from '../rule';
import { timeBucketFinding } from '../timeBucket';

export const DDB_PK_TIME_BUCKET: DdbRule = {
  id: 'DDB_PK_TIME_BUCKET',
  domain: 'dynamodb',
  defaultSeverity: 'warning',
  title: 'A date, day or hour bucket as the table partition key: each period writes to one key value.',
  check(ctx) {
    const t = ctx.table;
    const pk = partitionKey(t.keys);
    if (!pk || !pk.literal || !pk.attribute) return;
    const found = timeBucketFinding(ctx.evidence, [pk.attribute]);
    if (!found) return;
    const fix = writeShard(ctx.doc, t, pk.attribute, 10);
    ctx.report({
      span: pk.nameSpan,
      message: cite(
        `Partition key "${pk.attribute}" of table "${t.name}" is a time bucket (${found.why}); all writes of the current ${found.period} go to one key value (≤ 1,000 WCU) — add a calculated shard suffix, or key on the entity id with the time as the sort key`,
        AWS.writeSharding,
      ),
      fixes: fix ? [fix] : [],
    });
  },
};
