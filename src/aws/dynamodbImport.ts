// Batch import of items into a DynamoDB table from JSON (an array of plain objects or of DynamoDB-JSON items) or CSV
// (a header row, then one item per record): every row is checked against the table's key schema first, the good ones
// go up with BatchWriteItem 25 at a time, unprocessed items are retried with bounded exponential backoff, and every
// row that did not make it is reported with its number and reason.
import { BatchWriteItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AwsClients } from './clients';
import { parseCsv } from './csv';
import type { KeyAttr, TableSchema } from './records/dynamodbItems';

type AttrMap = Record<string, AttributeValue>;

/** One row of the input: its number (array index + 1, or CSV line) and the item, or why it cannot be an item. */
export type ImportRow =
  { readonly row: number; readonly item: AttrMap } | { readonly row: number; readonly error: string };

export interface Rejected {
  readonly row: number;
  readonly reason: string;
}

/** DynamoDB's limit on one item (names and values together). */
export const MAX_ITEM_BYTES = 400 * 1024;
const BATCH = 25;
const TYPE_TAGS = new Set(['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'NULL', 'BOOL']);

function isDynamoJson(value: Record<string, unknown>): boolean {
  const entries = Object.values(value);
  return (
    entries.length > 0 &&
    entries.every((v) => {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
      const keys = Object.keys(v);
      return keys.length === 1 && TYPE_TAGS.has(keys[0] ?? '');
    })
  );
}

/** The rows of a JSON import: an array whose elements are plain objects or DynamoDB-JSON items (detected per row). */
export function jsonRows(text: string): ImportRow[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return [{ row: 0, error: `malformed JSON: ${err instanceof Error ? err.message : String(err)}` }];
  }
  if (!Array.isArray(parsed)) return [{ row: 0, error: 'the file must hold a JSON array of items' }];
  return parsed.map((value, i): ImportRow => {
    const row = i + 1;
    if (!value || typeof value !== 'object' || Array.isArray(value))
      return { row, error: 'malformed line: not an object' };
    const obj = value as Record<string, unknown>;
    if (isDynamoJson(obj)) return { row, item: obj as AttrMap };
    try {
      return { row, item: marshall(obj, { removeUndefinedValues: true, convertEmptyValues: false }) };
    } catch (err) {
      return { row, error: `malformed line: ${err instanceof Error ? err.message : String(err)}` };
    }
  });
}

/**
 * The rows of a CSV import: the first record names the attributes; key attributes take the table's key type, other
 * fields are strings (an empty field leaves the attribute out). Rows are numbered by the line they start on.
 */
export function csvRows(text: string, schema: TableSchema): ImportRow[] {
  const out: ImportRow[] = [];
  let header: readonly string[] | undefined;
  const keyTypes = new Map<string, KeyAttr['type']>(
    [schema.partitionKey, schema.sortKey].filter((k): k is KeyAttr => !!k).map((k) => [k.name, k.type]),
  );
  for (const rec of parseCsv(text)) {
    if ('error' in rec) {
      out.push({ row: rec.line, error: `malformed line: ${rec.error}` });
      continue;
    }
    if (rec.fields.length === 1 && rec.fields[0] === '') continue; // blank line
    if (!header) {
      header = rec.fields.map((f) => f.trim());
      continue;
    }
    if (rec.fields.length !== header.length) {
      out.push({
        row: rec.line,
        error: `malformed line: ${rec.fields.length} fields, the header has ${header.length}`,
      });
      continue;
    }
    const item: AttrMap = {};
    rec.fields.forEach((value, i) => {
      const name = header?.[i] ?? '';
      if (!name || value === '') return;
      const type = keyTypes.get(name);
      item[name] =
        type === 'N' ? { N: value.trim() } : type === 'B' ? { B: Buffer.from(value, 'base64') } : { S: value };
    });
    out.push({ row: rec.line, item });
  }
  return out;
}

/** Approximate stored size of an item (names plus values, the way DynamoDB counts them). */
export function itemBytes(item: AttrMap): number {
  const size = (v: AttributeValue): number => {
    if (v.S !== undefined) return Buffer.byteLength(v.S);
    if (v.N !== undefined) return Math.ceil(v.N.replace(/^[-+]?0*/, '').length / 2) + 1;
    if (v.B !== undefined) return v.B.length;
    if (v.SS) return v.SS.reduce((n, s) => n + Buffer.byteLength(s), 0);
    if (v.NS) return v.NS.reduce((n, s) => n + Math.ceil(s.length / 2) + 1, 0);
    if (v.BS) return v.BS.reduce((n, b) => n + b.length, 0);
    if (v.M) return 3 + Object.entries(v.M).reduce((n, [k, x]) => n + Buffer.byteLength(k) + size(x) + 1, 0);
    if (v.L) return 3 + v.L.reduce((n, x) => n + size(x) + 1, 0);
    return 1; // NULL, BOOL
  };
  return Object.entries(item).reduce((n, [k, v]) => n + Buffer.byteLength(k) + size(v), 0);
}

/** Why an item cannot go into the table, or undefined when its key matches the schema and it fits. */
export function checkItem(item: AttrMap, schema: TableSchema): string | undefined {
  for (const key of [schema.partitionKey, schema.sortKey]) {
    if (!key) continue;
    const v = item[key.name];
    if (!v) return `missing key attribute "${key.name}"`;
    const type = Object.keys(v)[0];
    if (type !== key.type) return `wrong key type: "${key.name}" is ${type}, the table wants ${key.type}`;
    if (key.type === 'N' && !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v.N ?? '')) {
      return `wrong key type: "${key.name}" is not a number`;
    }
    if (key.type === 'S' && v.S === '') return `key attribute "${key.name}" is empty`;
  }
  const bytes = itemBytes(item);
  if (bytes > MAX_ITEM_BYTES) return `item too large (${bytes} bytes, the limit is ${MAX_ITEM_BYTES})`;
  return undefined;
}

export interface ImportResult {
  readonly written: number;
  readonly rejected: readonly Rejected[];
  /** Rows never sent because the import was cancelled. */
  readonly notSent: number;
}

export interface ImportOptions {
  readonly signal?: AbortSignal;
  /** Called after each batch with the rows written so far. */
  readonly onProgress?: (written: number, total: number) => void;
  /** Retries of UnprocessedItems per batch (default 8), waiting baseDelayMs·2^attempt (capped at 5 s) in between. */
  readonly maxRetries?: number;
  readonly baseDelayMs?: number;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      ok();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      fail(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Writes the valid rows in batches of 25 (a key repeated within a batch starts the next one); reports the rest. */
export async function importItems(
  clients: AwsClients,
  schema: TableSchema,
  rows: readonly ImportRow[],
  o: ImportOptions = {},
): Promise<ImportResult> {
  const rejected: Rejected[] = [];
  const good: { row: number; item: AttrMap }[] = [];
  for (const r of rows) {
    if ('error' in r) rejected.push({ row: r.row, reason: r.error });
    else {
      const why = checkItem(r.item, schema);
      if (why) rejected.push({ row: r.row, reason: why });
      else good.push(r);
    }
  }
  const keyOf = (item: AttrMap) =>
    JSON.stringify([schema.partitionKey, schema.sortKey].map((k) => (k ? item[k.name] : null)));
  let written = 0;
  let i = 0;
  const maxRetries = o.maxRetries ?? 8;
  const base = o.baseDelayMs ?? 50;
  try {
    while (i < good.length) {
      o.signal?.throwIfAborted();
      const batch: { row: number; item: AttrMap }[] = [];
      const keys = new Set<string>();
      while (i < good.length && batch.length < BATCH) {
        const next = good[i] as { row: number; item: AttrMap };
        const k = keyOf(next.item);
        if (keys.has(k)) break; // BatchWriteItem refuses two writes of one key in one request
        keys.add(k);
        batch.push(next);
        i++;
      }
      let pending = batch;
      for (let attempt = 0; pending.length; attempt++) {
        const out = await clients.dynamodb().send(
          new BatchWriteItemCommand({
            RequestItems: { [schema.table]: pending.map((b) => ({ PutRequest: { Item: b.item } })) },
          }),
          o.signal ? { abortSignal: o.signal } : {},
        );
        const left = new Set((out.UnprocessedItems?.[schema.table] ?? []).map((w) => keyOf(w.PutRequest?.Item ?? {})));
        written += pending.length - left.size;
        pending = pending.filter((b) => left.has(keyOf(b.item)));
        if (!pending.length) break;
        if (attempt >= maxRetries) {
          for (const b of pending) rejected.push({ row: b.row, reason: `not written after ${maxRetries} retries` });
          break;
        }
        await sleep(Math.min(5000, base * 2 ** attempt), o.signal);
      }
      o.onProgress?.(written, good.length);
    }
  } catch (err) {
    if (!o.signal?.aborted) throw err;
    return { written, rejected: rejected.sort((a, b) => a.row - b.row), notSent: good.length - i };
  }
  return { written, rejected: rejected.sort((a, b) => a.row - b.row), notSent: 0 };
}

/** The report opened after an import: what was written, and each rejected row with its reason. */
export function importReport(table: string, file: string, result: ImportResult): string {
  const lines = [
    `# Import into ${table}`,
    '',
    `From ${file}: ${result.written} items written, ${result.rejected.length} rows rejected` +
      (result.notSent ? `, ${result.notSent} rows not sent (cancelled).` : '.'),
  ];
  if (result.rejected.length) {
    lines.push('', '| Row | Reason |', '| --- | --- |');
    for (const r of result.rejected) lines.push(`| ${r.row} | ${r.reason.replace(/\|/g, '\\|')} |`);
  }
  return `${lines.join('\n')}\n`;
}
