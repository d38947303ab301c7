// Completions inside DynamoDB definitions: the closed value sets (AttributeType, KeyType, BillingMode,
// ProjectionType and their Terraform spellings) and, for key attribute names, the attributes the table defines.
import type { ParsedDocument } from '../analyzer';
import { pathAt } from '../syntax/walk';
import { roots } from '../syntax/tree';
import type { CompletionEntry, Span } from '../types';
import { extractTables } from './extract';

const VALUES: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  AttributeType: [
    ['S', 'String'],
    ['N', 'Number'],
    ['B', 'Binary'],
  ],
  KeyType: [
    ['HASH', 'Partition key: hashed to pick the partition'],
    ['RANGE', 'Sort key: orders the items of one partition key value'],
  ],
  BillingMode: [
    ['PAY_PER_REQUEST', 'On-demand: no capacity to provision (per-partition limits still apply)'],
    ['PROVISIONED', 'Provisioned read and write capacity units'],
  ],
  ProjectionType: [
    ['KEYS_ONLY', 'Only the key attributes'],
    ['INCLUDE', 'Keys plus NonKeyAttributes'],
    ['ALL', 'Every attribute (about doubles index storage and write cost)'],
  ],
};
const TERRAFORM: Readonly<Record<string, string>> = {
  type: 'AttributeType',
  key_type: 'KeyType',
  billing_mode: 'BillingMode',
  projection_type: 'ProjectionType',
};
const NAME_KEYS = new Set(['AttributeName', 'hash_key', 'range_key', 'attribute_name']);

export function completeDynamo(doc: ParsedDocument, offset: number): CompletionEntry[] {
  const root = roots(doc.parse).find((r) => r.span.start <= offset && offset <= r.span.end);
  if (!root) return [];
  const path = pathAt(root, offset);
  const last = path[path.length - 1];
  const prop = last?.property;
  if (!last || !prop || last.onKey) return [];
  const value = last.node;
  if (value.kind !== 'string' && value.kind !== 'null') return [];
  const replace: Span = value.kind === 'string' ? value.valueSpan : { start: offset, end: offset };
  const key = doc.format === 'hcl' ? (TERRAFORM[prop.key] ?? prop.key) : prop.key;
  const set = VALUES[key];
  if (set) {
    return set.map(([label, detail], i) => ({ label, kind: 'value', detail, replace, sortText: String(i) }));
  }
  if (NAME_KEYS.has(prop.key)) {
    // Key attribute names: those the enclosing table defines (AttributeDefinitions / attribute blocks).
    const table = extractTables(doc).find((t) => t.span.start <= offset && offset <= t.span.end);
    const names = [...(table?.attributeTypes.keys() ?? [])];
    return names.map((name) => ({
      label: name,
      kind: 'value',
      detail: `attribute (${table?.attributeTypes.get(name)?.type || '?'})`,
      replace,
    }));
  }
  return [];
}
