// A table with only a partition key holds one item per key value. A Query expecting several items per key,
// or a parent reference as the only key (`customerId` on an Orders table), needs a sort key.
import { addRangeKey } from '../fixes';
import { AWS, cite, n } from '../guidance';
import { partitionKey, sortKey } from '../model';
import { parentEntity, tableWords, words } from '../names';
import type { DdbRule } from '../rule';
import { where } from '../support';

function childKeyName(tableName: string, pkName: string): string {
  const w = tableWords(tableName);
  const entity = w[w.length - 1] || 'item';
  if (pkName.includes('_')) return `${entity}_id`;
  if (/^[A-Z]/.test(pkName)) return `${entity[0]!.toUpperCase()}${entity.slice(1)}Id`;
  return `${entity}Id`;
}

export const DDB_NO_SORT_KEY_ONE_TO_MANY: DdbRule = {
  id: 'DDB_NO_SORT_KEY_ONE_TO_MANY',
  domain: 'dynamodb',
  defaultSeverity: 'warning',
  title: 'A one-to-many access pattern (or a parent-id partition key) on a table without a sort key.',
  check(ctx) {
    const t = ctx.table;
    const pk = partitionKey(t.keys);
    if (!pk || !pk.literal || sortKey(t.keys)) return;
    const child = childKeyName(t.name, pk.attribute);
    const fix = addRangeKey(ctx.doc, t, child === pk.attribute ? 'sk' : child);
    const pattern = ctx.evidence.patterns.find(
      (p) => !p.index && (p.operation === 'Query' || p.operation === 'GetItem') && (p.itemsPerKey ?? 1) > 1,
    );
    if (pattern) {
      ctx.report({
        span: pk.nameSpan,
        severity: 'error',
        message: cite(
          `Access pattern "${pattern.name}" expects ${n(pattern.itemsPerKey ?? 0)} items per "${pk.attribute}" value, but ${where(t)} has no sort key, so each value holds exactly one item — add a sort key`,
          AWS.sortKeys,
        ),
        fixes: fix ? [fix] : [],
      });
      return;
    }
    const parent = parentEntity(pk.attribute);
    if (!parent) return;
    const tw = tableWords(t.name);
    // `userId` on Users is the entity's own id; on Orders it is a parent reference.
    if (tw.includes(parent) || words(t.name).includes(parent)) return;
    ctx.report({
      span: pk.nameSpan,
      message: cite(
        `Partition key "${pk.attribute}" of ${where(t)} looks like a parent reference (heuristic) but the table has no sort key, so each ${parent} can hold only one item — add a sort key such as "${child}"`,
        AWS.sortKeys,
      ),
      fixes: fix ? [fix] : [],
    });
  },
};
