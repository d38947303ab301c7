// Samples a table's items for the key-distribution analysis: Scan pages of `pageSize` items until `cap` items,
// the end of the table, or cancellation. Items come out as plain DynamoDB JSON records (binary as base64),
// so no SDK type leaves this layer. Also lists table names (paged) and reads describe-table as plain JSON.
import { type AttributeValue, DescribeTableCommand, ListTablesCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { AwsClients } from './clients';

export type PlainAttributeValue = Record<string, unknown>;
export type PlainItem = Record<string, PlainAttributeValue>;

export interface SampleOptions {
  /** Most items to read (the sample is held in memory). */
  readonly cap: number;
  /** Items per Scan page (the Scan `Limit`). */
  readonly pageSize: number;
  readonly signal?: AbortSignal;
  /** Called after each page with the running count (for a progress bar). */
  readonly onPage?: (sampled: number, pages: number) => void;
}

export interface Sample {
  readonly table: string;
  readonly items: PlainItem[];
  readonly pages: number;
  /** True when the Scan reached the end of the table: the sample is the whole table. */
  readonly complete: boolean;
  /** Items DynamoDB examined (equals items.length unless a page was cut at the cap). */
  readonly scanned: number;
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** SDK attribute value → plain DynamoDB JSON (binary as base64, sets as arrays). */
export function plainValue(v: AttributeValue, depth = 0): PlainAttributeValue {
  if (depth > 32) return { NULL: true };
  if (v.S !== undefined) return { S: v.S };
  if (v.N !== undefined) return { N: v.N };
  if (v.B !== undefined) return { B: toBase64(v.B) };
  if (v.BOOL !== undefined) return { BOOL: v.BOOL };
  if (v.NULL !== undefined) return { NULL: v.NULL };
  if (v.SS !== undefined) return { SS: [...v.SS] };
  if (v.NS !== undefined) return { NS: [...v.NS] };
  if (v.BS !== undefined) return { BS: v.BS.map(toBase64) };
  if (v.L !== undefined) return { L: v.L.map((e) => plainValue(e, depth + 1)) };
  if (v.M !== undefined) {
    const m: Record<string, PlainAttributeValue> = {};
    for (const [k, e] of Object.entries(v.M)) m[k] = plainValue(e, depth + 1);
    return { M: m };
  }
  return { NULL: true };
}

export async function sampleTable(clients: AwsClients, table: string, o: SampleOptions): Promise<Sample> {
  const cap = Math.max(1, Math.floor(o.cap));
  const pageSize = Math.max(1, Math.min(Math.floor(o.pageSize), cap));
  const items: PlainItem[] = [];
  let start: Record<string, AttributeValue> | undefined;
  let pages = 0;
  let scanned = 0;
  let complete = false;
  do {
    const out = await clients
      .dynamodb()
      .send(
        new ScanCommand({ TableName: table, Limit: Math.min(pageSize, cap - items.length), ExclusiveStartKey: start }),
        o.signal ? { abortSignal: o.signal } : {},
      );
    pages++;
    scanned += out.ScannedCount ?? out.Items?.length ?? 0;
    for (const raw of out.Items ?? []) {
      if (items.length >= cap) break;
      const item: PlainItem = {};
      for (const [k, v] of Object.entries(raw)) item[k] = plainValue(v);
      items.push(item);
    }
    start = out.LastEvaluatedKey && Object.keys(out.LastEvaluatedKey).length ? out.LastEvaluatedKey : undefined;
    complete = start === undefined;
    o.onPage?.(items.length, pages);
  } while (start && items.length < cap && !o.signal?.aborted);
  if (o.signal?.aborted) throw new Error('cancelled');
  return { table, items, pages, complete, scanned };
}

/** describe-table output as plain JSON text (`{"Table": {…}}`), ready for the analysis core. */
export async function describeTableJson(clients: AwsClients, table: string, signal?: AbortSignal): Promise<string> {
  const out = await clients
    .dynamodb()
    .send(new DescribeTableCommand({ TableName: table }), signal ? { abortSignal: signal } : {});
  return JSON.stringify({ Table: out.Table ?? {} }, null, 2);
}

/** Table names, paged, at most `max`. */
export async function listTableNames(clients: AwsClients, max = 1000, signal?: AbortSignal): Promise<string[]> {
  const names: string[] = [];
  let start: string | undefined;
  do {
    const out = await clients
      .dynamodb()
      .send(
        new ListTablesCommand({ ExclusiveStartTableName: start, Limit: 100 }),
        signal ? { abortSignal: signal } : {},
      );
    names.push(...(out.TableNames ?? []));
    start = out.LastEvaluatedTableName || undefined;
  } while (start && names.length < max);
  return names.slice(0, max);
}
