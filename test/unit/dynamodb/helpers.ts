// Shared by the DynamoDB unit tests: analyze a document (with optional evidence companions), apply fixes.
import type { SourceDocument } from '../../../server/src/core/analyzer';
import { analyzeTables } from '../../../server/src/core/dynamodb/analyzer';
import { extractTables } from '../../../server/src/core/dynamodb/extract';
import type { TableDef } from '../../../server/src/core/dynamodb/model';
import { parseDocument } from '../../../server/src/core/syntax/parse';
import type { Finding, Fix, RuleLevel } from '../../../server/src/core/types';

export interface Doc {
  readonly uri?: string;
  readonly text: string;
  readonly companions?: readonly SourceDocument[];
  readonly rules?: Readonly<Record<string, RuleLevel>>;
}

export function analyze(doc: Doc): Finding[] {
  const parsed = parseDocument({ uri: doc.uri ?? 'file:///work/table.json', text: doc.text });
  return [...analyzeTables(parsed, { options: { rules: doc.rules }, companions: () => doc.companions ?? [] }).findings];
}

export function findingsOf(doc: Doc, ruleId: string): Finding[] {
  return analyze(doc).filter((f) => f.ruleId === ruleId);
}

export function tables(text: string, uri = 'file:///work/table.json'): TableDef[] {
  return extractTables(parseDocument({ uri, text }));
}

export function applyFix(text: string, fix: Fix): string {
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  }
  return out;
}

/** A CreateTable document (`--cli-input-json` shape) from parts. */
export function createTable(parts: {
  name?: string;
  hash: string;
  range?: string;
  types?: Record<string, string>;
  extraDefs?: Record<string, string>;
  billing?: 'PROVISIONED' | 'PAY_PER_REQUEST';
  rcu?: number;
  wcu?: number;
  gsis?: { name: string; hash: string | string[]; range?: string; rcu?: number; wcu?: number }[];
  lsis?: { name: string; range: string }[];
}): string {
  const keys = (hash: string | string[], range?: string) => [
    ...(Array.isArray(hash) ? hash : [hash]).map((h) => ({ AttributeName: h, KeyType: 'HASH' })),
    ...(range ? [{ AttributeName: range, KeyType: 'RANGE' }] : []),
  ];
  const used = new Set<string>([parts.hash, ...(parts.range ? [parts.range] : [])]);
  for (const g of parts.gsis ?? []) {
    for (const h of Array.isArray(g.hash) ? g.hash : [g.hash]) used.add(h);
    if (g.range) used.add(g.range);
  }
  for (const l of parts.lsis ?? []) used.add(l.range);
  const defs = [...used].map((a) => ({ AttributeName: a, AttributeType: parts.types?.[a] ?? 'S' }));
  for (const [a, t] of Object.entries(parts.extraDefs ?? {})) defs.push({ AttributeName: a, AttributeType: t });
  const doc: Record<string, unknown> = {
    TableName: parts.name ?? 'Orders',
    KeySchema: keys(parts.hash, parts.range),
    AttributeDefinitions: defs,
    BillingMode: parts.billing ?? 'PROVISIONED',
  };
  if ((parts.billing ?? 'PROVISIONED') === 'PROVISIONED') {
    doc.ProvisionedThroughput = { ReadCapacityUnits: parts.rcu ?? 5, WriteCapacityUnits: parts.wcu ?? 5 };
  }
  if (parts.gsis) {
    doc.GlobalSecondaryIndexes = parts.gsis.map((g) => ({
      IndexName: g.name,
      KeySchema: keys(g.hash, g.range),
      Projection: { ProjectionType: 'ALL' },
      ...((parts.billing ?? 'PROVISIONED') === 'PROVISIONED'
        ? {
            ProvisionedThroughput: {
              ReadCapacityUnits: g.rcu ?? parts.rcu ?? 5,
              WriteCapacityUnits: g.wcu ?? parts.wcu ?? 5,
            },
          }
        : {}),
    }));
  }
  if (parts.lsis) {
    doc.LocalSecondaryIndexes = parts.lsis.map((l) => ({
      IndexName: l.name,
      KeySchema: keys(parts.hash, l.range),
      Projection: { ProjectionType: 'KEYS_ONLY' },
    }));
  }
  return JSON.stringify(doc, null, 2);
}

/** A sample-items companion bound by file name. */
export function itemsFile(table: string, items: readonly Record<string, unknown>[], jsonl = false): SourceDocument {
  return jsonl
    ? { uri: `file:///work/${table}.items.jsonl`, text: items.map((i) => JSON.stringify(i)).join('\n') }
    : { uri: `file:///work/${table}.items.json`, text: JSON.stringify(items) };
}

export function patternsFile(table: string, yaml: string): SourceDocument {
  return { uri: `file:///work/${table}.access-patterns.yaml`, text: yaml };
}

/** `count` items whose `attr` cycles through `values` with the given weights. */
export function skewedItems(
  attr: string,
  weights: Record<string, number>,
  extra: (i: number) => Record<string, unknown> = () => ({}),
) {
  const out: Record<string, unknown>[] = [];
  let i = 0;
  for (const [value, count] of Object.entries(weights)) {
    for (let k = 0; k < count; k++) out.push({ [attr]: value, id: `item-${i}`, ...extra(i++) });
  }
  return out;
}
