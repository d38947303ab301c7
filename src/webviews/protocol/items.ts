// DynamoDB items view: the message contract between the host (src/webviews/items.ts) and the view
// (webviews/items/main.ts), plus the pure checks both sides run on an edited item before anything is sent.
import type { HostCommon } from './common';
import { SORT_OPS, TYPE_HINTS, type KeyAttr, type TableSchema, type ViewItem } from '../../aws/records/dynamodbItems';
import { bool, int, literal, obj, oneOf, optional, record, str, tagged } from './validate';

export const ITEMS_VIEW_TYPE = 'localCloudLab.dynamodbItems';

export interface ItemsTarget {
  readonly table: string;
}
export const itemsTarget = obj({ table: str({ min: 3, max: 255 }) });

export {
  SORT_OPS,
  TYPE_HINTS,
  type IndexInfo,
  type KeyAttr,
  type KeyType,
  type SortOp,
  type TableSchema,
  type TypeHint,
  type ViewItem,
} from '../../aws/records/dynamodbItems';

export const MAX_PAGE_SIZE = 500;
const requestId = int({ min: 0 });
const indexName = optional(str({ min: 3, max: 255 }));

/** View → host. */
export const itemsFromView = tagged({
  scan: obj({
    type: literal('scan'),
    requestId,
    index: indexName,
    limit: int({ min: 1, max: MAX_PAGE_SIZE }),
    /** "Load more": the page token the host handed out with the previous page. */
    pageToken: optional(str({ max: 64 })),
  }),
  query: obj({
    type: literal('query'),
    requestId,
    index: indexName,
    limit: int({ min: 1, max: MAX_PAGE_SIZE }),
    pageToken: optional(str({ max: 64 })),
    partitionValue: str({ min: 1, max: 2048 }),
    sort: optional(
      obj({ op: oneOf(SORT_OPS), value: str({ min: 1, max: 1024 }), value2: optional(str({ min: 1, max: 1024 })) }),
    ),
    descending: optional(bool()),
  }),
  /** Create (original absent) or replace an item. `original` is the edited item's key as JSON. */
  put: obj({
    type: literal('put'),
    requestId,
    json: str({ min: 1, max: 400_000 }),
    hints: optional(record(oneOf(TYPE_HINTS), { maxKeys: 1000 })),
    originalKey: optional(str({ max: 8192 })),
  }),
  /** The host asks for confirmation naming the key before deleting. */
  delete: obj({ type: literal('delete'), requestId, key: str({ min: 2, max: 8192 }) }),
  refresh: obj({ type: literal('refresh') }),
  /** The view reports what it shows (tests and the log use it). */
  shown: obj({ type: literal('shown'), rows: int({ min: 0 }), columns: int({ min: 0 }) }),
});
export type ItemsFromView = ReturnType<typeof itemsFromView>;

/** Host → view. */
export type ItemsToView =
  | HostCommon
  | { type: 'init'; target: ItemsTarget; schema: TableSchema }
  | {
      type: 'page';
      requestId: number;
      mode: 'scan' | 'query';
      append: boolean;
      items: ViewItem[];
      scannedCount: number;
      pageToken?: string;
    }
  | { type: 'saved'; requestId: number; key: Record<string, unknown>; created: boolean }
  | { type: 'deleted'; requestId: number; key: Record<string, unknown> };

export type ItemCheck =
  { ok: true; item: Record<string, unknown>; key: Record<string, unknown> } | { ok: false; error: string };

function keyValueError(attr: KeyAttr, value: unknown, role: string): string | undefined {
  if (value === undefined) return `The ${role} "${attr.name}" is missing: every item needs it.`;
  switch (attr.type) {
    case 'S':
      return typeof value === 'string' && value.length > 0
        ? undefined
        : `The ${role} "${attr.name}" must be a non-empty string.`;
    case 'N':
      return typeof value === 'number' || (typeof value === 'string' && isNumeric(value))
        ? undefined
        : `The ${role} "${attr.name}" must be a number.`;
    case 'B':
      return typeof value === 'string' && isBase64(value) && value.length > 0
        ? undefined
        : `The ${role} "${attr.name}" must be binary, written as a base64 string.`;
  }
}

export function isNumeric(text: string): boolean {
  return /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text.trim());
}

export function isBase64(text: string): boolean {
  return /^[A-Za-z0-9+/]*={0,2}$/.test(text) && text.length % 4 === 0;
}

/** Parses and checks an edited item: valid JSON, an object, key attributes present with their declared types. */
export function checkItemText(text: string, schema: Pick<TableSchema, 'partitionKey' | 'sortKey'>): ItemCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `The item is not valid JSON: ${(err as Error).message}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, error: 'The item must be a JSON object, e.g. { "pk": "user#1", "name": "Ada" }.' };
  }
  const item = parsed as Record<string, unknown>;
  const pkError = keyValueError(schema.partitionKey, item[schema.partitionKey.name], 'partition key');
  if (pkError) return { ok: false, error: pkError };
  const key: Record<string, unknown> = { [schema.partitionKey.name]: item[schema.partitionKey.name] };
  if (schema.sortKey) {
    const skError = keyValueError(schema.sortKey, item[schema.sortKey.name], 'sort key');
    if (skError) return { ok: false, error: skError };
    key[schema.sortKey.name] = item[schema.sortKey.name];
  }
  return { ok: true, item, key };
}

/** The key of an item as shown to people: `pk = "user#1", sk = 3`. */
export function describeKey(key: Record<string, unknown>): string {
  return Object.entries(key)
    .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
    .join(', ');
}

/** Checks a key-condition value typed into the query builder against the key's type. */
export function checkKeyInput(attr: KeyAttr, value: string): string | undefined {
  if (attr.type === 'N' && !isNumeric(value)) return `"${attr.name}" is a number key: "${value}" is not a number.`;
  if (attr.type === 'B' && !isBase64(value)) return `"${attr.name}" is a binary key: give the value as base64.`;
  return undefined;
}
