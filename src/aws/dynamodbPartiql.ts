// PartiQL on DynamoDB and streamed export: one page of a statement's result as plain items (ExecuteStatement with
// Limit/NextToken), and an export that walks a statement's pages or a table Scan and writes JSON or CSV to a file
// page by page (never holding all items), cancellable, removing the partial file when cancelled or failed.
import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { once } from 'node:events';
import { ExecuteStatementCommand, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { AwsClients } from './clients';
import { csvLine } from './csv';
import { describeError, OperationError } from './errors';

export type PlainItem = Record<string, unknown>;

export interface PartiqlPage {
  readonly items: readonly PlainItem[];
  /** Pass back to get the next page; undefined on the last page. */
  readonly nextToken?: string;
}

export interface PartiqlOptions {
  /** Items per page; undefined lets the server decide (1 MB pages). */
  readonly limit?: number;
  readonly nextToken?: string;
  /** Values for the statement's `?` placeholders, as plain JS values. */
  readonly parameters?: readonly unknown[];
  readonly signal?: AbortSignal;
}

// Integers beyond 2^53 stay strings rather than losing digits (or making unmarshall throw).
const numberValue = (s: string): number | string => {
  const n = Number(s);
  return /^[-+]?\d+$/.test(s) && !Number.isSafeInteger(n) ? s : n;
};

/** A DynamoDB item as plain JS: numbers, strings, booleans, null, arrays, objects, Sets and Uint8Arrays. */
export function plainItem(item: Record<string, AttributeValue>): PlainItem {
  return unmarshall(item, { wrapNumbers: numberValue });
}

/** True for statements that change data (INSERT, UPDATE, DELETE), which the editor confirms first. */
export function isWriteStatement(statement: string): boolean {
  return /^\s*(insert|update|delete)\b/i.test(statement);
}

// Servers that ignore Limit (moto returns every item at once) still page: we keep the first `limit` items and hand
// out a token of our own, "lcl:<skip>:<server token>", that re-runs the statement and skips what was already shown.
const OWN_TOKEN = /^lcl:(\d+):(.*)$/s;

/** One page of a PartiQL statement's result; a failure is an OperationError "Run PartiQL failed: <reason>". */
export async function executeStatement(
  clients: AwsClients,
  statement: string,
  o: PartiqlOptions = {},
): Promise<PartiqlPage> {
  const own = o.nextToken ? OWN_TOKEN.exec(o.nextToken) : null;
  const skip = own ? Number(own[1]) : 0;
  const serverToken = own ? own[2] || undefined : o.nextToken;
  let out;
  try {
    out = await clients.dynamodb().send(
      new ExecuteStatementCommand({
        Statement: statement,
        Parameters: o.parameters?.map((p) => marshall({ v: p }, { removeUndefinedValues: true }).v as AttributeValue),
        Limit: o.limit,
        NextToken: serverToken,
      }),
      o.signal ? { abortSignal: o.signal } : {},
    );
  } catch (err) {
    if (o.signal?.aborted) throw err;
    throw new OperationError('Run PartiQL', describeError(err), { cause: err });
  }
  const raw = (out.Items ?? []).slice(skip);
  if (o.limit !== undefined && raw.length > o.limit) {
    return { items: raw.slice(0, o.limit).map(plainItem), nextToken: `lcl:${skip + o.limit}:${serverToken ?? ''}` };
  }
  return { items: raw.map(plainItem), nextToken: out.NextToken };
}

export type ExportSource =
  | { readonly kind: 'scan'; readonly table: string }
  | { readonly kind: 'partiql'; readonly statement: string; readonly parameters?: readonly unknown[] };

/** The pages of a Scan or of a statement, as plain items, one request at a time. */
export async function* itemPages(
  clients: AwsClients,
  source: ExportSource,
  signal?: AbortSignal,
): AsyncGenerator<readonly PlainItem[]> {
  if (source.kind === 'partiql') {
    let token: string | undefined;
    do {
      const page = await executeStatement(clients, source.statement, {
        nextToken: token,
        parameters: source.parameters,
        signal,
      });
      yield page.items;
      token = page.nextToken;
    } while (token);
    return;
  }
  let start: Record<string, AttributeValue> | undefined;
  do {
    const out = await clients
      .dynamodb()
      .send(
        new ScanCommand({ TableName: source.table, ExclusiveStartKey: start }),
        signal ? { abortSignal: signal } : {},
      );
    yield (out.Items ?? []).map(plainItem);
    start = out.LastEvaluatedKey;
  } while (start);
}

/** JSON.stringify replacer for plain items: Sets become arrays, binary becomes base64. */
export function jsonSafe(_key: string, value: unknown): unknown {
  if (value instanceof Set) return [...value];
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Buffer') {
    return Buffer.from((value as { data: number[] }).data).toString('base64');
  }
  return value;
}

/** A CSV cell: strings as they are, null/undefined empty, numbers and booleans as text, anything nested as JSON. */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const json = JSON.stringify(value, jsonSafe);
  return json.startsWith('"') ? (JSON.parse(json) as string) : json; // binary: its base64 text
}

/** The CSV column that holds, as a JSON object, the attributes first seen after the header was written. */
export const EXTRA_COLUMN = '_extra';

export interface ExportOptions {
  readonly format: 'json' | 'csv';
  readonly signal?: AbortSignal;
  /** Called after each page with the items written so far. */
  readonly onProgress?: (written: number) => void;
}

/**
 * Writes every item of `source` to `file`, page by page with back-pressure. JSON: an array, one item per line. CSV:
 * the header is the sorted union of the top-level attribute names of the first page, then `_extra`; an attribute
 * first seen on a later page goes into that row's `_extra` cell as a JSON object (one pass, nothing lost). Nested
 * values are JSON in their cell, binary is base64. On cancel or failure the partial file is deleted and the error
 * rethrown. Resolves to the number of items written.
 */
export async function exportItems(
  clients: AwsClients,
  source: ExportSource,
  file: string,
  o: ExportOptions,
): Promise<number> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain', o.signal ? { signal: o.signal } : {});
  };
  let written = 0;
  let columns: string[] | undefined;
  try {
    await once(out, 'open');
    if (o.format === 'json') await write('[');
    for await (const page of itemPages(clients, source, o.signal)) {
      o.signal?.throwIfAborted();
      if (o.format === 'csv' && !columns) {
        columns = [...new Set(page.flatMap((item) => Object.keys(item)))].sort();
        await write(csvLine([...columns, EXTRA_COLUMN]));
      }
      const known = new Set(columns);
      let chunk = '';
      for (const item of page) {
        if (o.format === 'json') {
          chunk += `${written ? ',' : ''}\n${JSON.stringify(item, jsonSafe)}`;
        } else {
          const extra = Object.fromEntries(Object.entries(item).filter(([k]) => !known.has(k)));
          const cells = (columns ?? []).map((c) => csvCell(item[c]));
          chunk += csvLine([...cells, Object.keys(extra).length ? JSON.stringify(extra, jsonSafe) : '']);
        }
        written++;
      }
      await write(chunk);
      o.onProgress?.(written);
    }
    if (o.format === 'json') await write(written ? '\n]\n' : ']\n');
    else if (!columns) await write(csvLine([EXTRA_COLUMN]));
    out.end();
    await once(out, 'finish');
    return written;
  } catch (err) {
    out.destroy();
    if (!out.closed) await once(out, 'close').catch(() => undefined);
    await unlink(file).catch(() => undefined);
    throw err;
  }
}
