// Binds evidence documents to the tables of a definition (docs/dynamodb-evidence.md):
//  - `<table>.items.json` / `.items.jsonl` / `.items.ndjson`, or an items file that names its table
//    (`{"table": …, "items": […]}`, a batch-write request file); an unnamed items file binds when the
//    definition holds exactly one table (the CLI's `--items <file>`);
//  - `<table>.access-patterns.yaml|yml|json`, or a pattern file with `table:` (per file or per pattern);
//  - NoSQL Workbench `TableData` embedded in the model.
import type { ParsedDocument, SourceDocument } from '../../analyzer';
import { parseDocument } from '../../syntax/parse';
import type { TableDef } from '../model';
import { type AccessPattern, looksLikeAccessPatterns, readAccessPatterns } from './accessPatterns';
import { type Distribution, distribution, type Item, itemSize, parseItems } from './items';

export interface ItemsEvidence {
  readonly uri: string;
  readonly items: readonly Item[];
  readonly dynamoJson: boolean;
}

export interface TableEvidence {
  readonly items: readonly ItemsEvidence[];
  readonly patterns: readonly (AccessPattern & { readonly uri: string })[];
  readonly distinctValues: ReadonlyMap<string, number>;
  /** Evidence files that could not be read fully, with the reason (reported once per table). */
  readonly problems: readonly { readonly uri: string; readonly message: string }[];
  /** Key distribution of the sample over these attributes (cached per analysis). */
  distribution(attributes: readonly string[]): Distribution | undefined;
  /** Item sizes of the sample, in bytes, aligned with `allItems()`. */
  sizes(): readonly number[];
  allItems(): readonly { readonly item: Item; readonly dynamoJson: boolean; readonly uri: string }[];
  readonly hasItems: boolean;
}

export function baseName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    // A stray '%' in a plain path is not an escape.
    return name;
  }
}

const ITEMS_NAME = /^(.*)\.items\.(json|jsonl|ndjson)$/i;
const PATTERNS_NAME = /^(.*)\.access-patterns\.(ya?ml|json)$/i;

/** The table a file name binds to, and what kind of evidence it is. */
export function evidenceKind(uri: string): { kind: 'items' | 'patterns'; table: string } | undefined {
  const name = baseName(uri);
  const i = ITEMS_NAME.exec(name);
  if (i) return { kind: 'items', table: i[1] as string };
  const p = PATTERNS_NAME.exec(name);
  if (p) return { kind: 'patterns', table: p[1] as string };
  return undefined;
}

function same(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

export function emptyEvidence(): TableEvidence {
  return makeEvidence([], [], new Map(), []);
}

export function makeEvidence(
  items: readonly ItemsEvidence[],
  patterns: TableEvidence['patterns'],
  distinctValues: ReadonlyMap<string, number>,
  problems: TableEvidence['problems'],
): TableEvidence {
  const cache = new Map<string, Distribution>();
  let flat: { item: Item; dynamoJson: boolean; uri: string }[] | undefined;
  let sizes: number[] | undefined;
  const allItems = () => {
    flat ??= items.flatMap((e) => e.items.map((item) => ({ item, dynamoJson: e.dynamoJson, uri: e.uri })));
    return flat;
  };
  const hasItems = items.some((e) => e.items.length > 0);
  return {
    items,
    patterns,
    distinctValues,
    problems,
    hasItems,
    allItems,
    sizes() {
      sizes ??= allItems().map((x) => itemSize(x.item, x.dynamoJson));
      return sizes;
    },
    distribution(attributes) {
      if (!hasItems || !attributes.length) return undefined;
      const key = attributes.join('\u0000');
      let d = cache.get(key);
      if (!d) {
        // Sources may mix plain and DynamoDB JSON: compute per source, then merge counts.
        if (items.length === 1) {
          const e = items[0] as ItemsEvidence;
          d = distribution(e.items, attributes, e.dynamoJson, { sizes: this.sizes() });
        } else {
          const plain = allItems().map((x) => (x.dynamoJson ? toPlainKeys(x.item, attributes) : x.item));
          d = distribution(plain, attributes, false, { sizes: this.sizes() });
        }
        cache.set(key, d);
      }
      return d;
    },
  };
}

function toPlainKeys(item: Item, attributes: readonly string[]): Item {
  const out: Record<string, unknown> = {};
  for (const a of attributes) {
    const v = item[a] as Record<string, unknown> | undefined;
    const s = v?.S ?? v?.N ?? v?.B;
    if (typeof s === 'string') out[a] = s;
  }
  return out;
}

/** Collects the evidence of every table of `doc` from its companions and embedded data. Never throws. */
export function gatherEvidence(
  doc: Pick<ParsedDocument, 'uri'>,
  tables: readonly TableDef[],
  companions: readonly SourceDocument[],
): Map<TableDef, TableEvidence> {
  const items = new Map<TableDef, ItemsEvidence[]>(tables.map((t) => [t, []]));
  const patterns = new Map<TableDef, (AccessPattern & { uri: string })[]>(tables.map((t) => [t, []]));
  const distinct = new Map<TableDef, Map<string, number>>(tables.map((t) => [t, new Map()]));
  const problems = new Map<TableDef, { uri: string; message: string }[]>(tables.map((t) => [t, []]));
  const only = tables.length === 1 ? tables[0] : undefined;
  const byName = (name: string | undefined) => tables.find((t) => same(name, t.name)) ?? undefined;

  for (const t of tables) {
    if (t.embeddedItems?.length) {
      items.get(t)?.push({ uri: doc.uri, items: t.embeddedItems, dynamoJson: detectEmbedded(t.embeddedItems) });
    }
  }
  for (const c of companions) {
    if (c.uri === doc.uri) continue;
    const named = evidenceKind(c.uri);
    const first = /\S/.exec(c.text)?.[0];
    // The CLI marks its --items / --patterns files with the option name as the language id.
    const hinted = c.languageId === 'items' ? 'items' : c.languageId === 'patterns' ? 'patterns' : undefined;
    const kind = named?.kind ?? hinted ?? (first === '[' || c.uri.match(/\.(jsonl|ndjson)$/i) ? 'items' : undefined);
    if (kind === 'patterns') {
      readPatternFile(c, named, byName, only, patterns, distinct, problems);
      continue;
    }
    if (kind === 'items' || (!named && first === '{' && !/"(patterns|accessPatterns|AccessPatterns)"/.test(c.text))) {
      const parsed = parseItems(c.text);
      // A lone object in an unnamed file is more likely some other document than one sample item.
      if (!named && !hinted && (parsed.shape === 'single' || parsed.shape === 'none')) continue;
      const target = byName(named?.table) ?? byName(parsed.table) ?? (named || parsed.table ? undefined : only);
      if (!target) continue;
      items.get(target)?.push({ uri: c.uri, items: parsed.items, dynamoJson: parsed.dynamoJson });
      for (const p of parsed.problems) problems.get(target)?.push({ uri: c.uri, message: p });
      continue;
    }
    readPatternFile(c, named, byName, only, patterns, distinct, problems);
  }
  const out = new Map<TableDef, TableEvidence>();
  for (const t of tables) {
    out.set(
      t,
      makeEvidence(items.get(t) ?? [], patterns.get(t) ?? [], distinct.get(t) ?? new Map(), problems.get(t) ?? []),
    );
  }
  return out;
}

function readPatternFile(
  c: SourceDocument,
  named: ReturnType<typeof evidenceKind>,
  byName: (name: string | undefined) => TableDef | undefined,
  only: TableDef | undefined,
  patterns: Map<TableDef, (AccessPattern & { uri: string })[]>,
  distinct: Map<TableDef, Map<string, number>>,
  problems: Map<TableDef, { uri: string; message: string }[]>,
): void {
  // The language id may be the CLI's option name: let the format come from the file itself.
  const parsed = parseDocument({ uri: c.uri, text: c.text });
  if (!looksLikeAccessPatterns(parsed.parse.root)) {
    const t = byName(named?.table) ?? (named ? undefined : only);
    if (t) problems.get(t)?.push({ uri: c.uri, message: 'no access patterns found (expected `patterns: [...]`)' });
    return;
  }
  const file = readAccessPatterns(parsed.parse.root);
  const fileTable = named?.table ?? file.table;
  for (const p of file.patterns) {
    const target = byName(p.table) ?? byName(fileTable) ?? (p.table || fileTable ? undefined : only);
    if (target) patterns.get(target)?.push({ ...p, uri: c.uri });
  }
  const fileTarget = byName(fileTable) ?? (fileTable ? undefined : only);
  if (fileTarget) {
    for (const [k, v] of file.distinctValues) distinct.get(fileTarget)?.set(k, v);
    for (const m of file.problems) problems.get(fileTarget)?.push({ uri: c.uri, message: m });
    for (const s of parsed.parse.problems) problems.get(fileTarget)?.push({ uri: c.uri, message: s.message });
  }
}

function detectEmbedded(items: readonly Item[]): boolean {
  const first = items[0];
  if (!first) return false;
  return Object.values(first).every((v) => typeof v === 'object' && v !== null && Object.keys(v).length === 1);
}
