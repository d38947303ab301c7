// DynamoDB items: table schema, scan and query pages, put and delete, and the conversion between DynamoDB's
// attribute values and the plain JSON people edit. SDK types stay in this file; callers see plain records.
import {
  DeleteItemCommand,
  DescribeTableCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  type AttributeValue,
  type KeySchemaElement,
  type AttributeDefinition,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall, NumberValueImpl as NumberValue } from '@aws-sdk/util-dynamodb';
import type { AwsClients } from './clients';
import type { IndexInfo, KeyAttr, KeyType, SortOp, TableSchema, TypeHint, ViewItem } from './records/dynamodbItems';

export type { TableSchema, KeyAttr, IndexInfo, ViewItem, TypeHint, SortOp };

interface Signal {
  readonly signal?: AbortSignal;
}
const opts = (s?: Signal) => (s?.signal ? { abortSignal: s.signal } : {});

type AttrMap = Record<string, AttributeValue>;

export interface ItemPage {
  readonly items: ViewItem[];
  readonly scannedCount: number;
  /** Opaque: pass back as `startKey` to read the next page; absent on the last page. */
  readonly nextKey?: string;
}

function keyAttr(schema: KeySchemaElement[] | undefined, defs: AttributeDefinition[], role: 'HASH' | 'RANGE') {
  const name = schema?.find((k) => k.KeyType === role)?.AttributeName;
  if (!name) return undefined;
  const type = (defs.find((d) => d.AttributeName === name)?.AttributeType ?? 'S') as KeyType;
  return { name, type } satisfies KeyAttr;
}

/** Key schema of the table and of each of its indexes. */
export async function describeTableSchema(clients: AwsClients, table: string, s?: Signal): Promise<TableSchema> {
  const out = await clients.dynamodb().send(new DescribeTableCommand({ TableName: table }), opts(s));
  const t = out.Table;
  const defs = t?.AttributeDefinitions ?? [];
  const partitionKey = keyAttr(t?.KeySchema, defs, 'HASH');
  if (!t || !partitionKey) throw new Error(`table ${table} has no key schema`);
  const indexes: IndexInfo[] = [];
  for (const [kind, list] of [
    ['GSI', t.GlobalSecondaryIndexes ?? []],
    ['LSI', t.LocalSecondaryIndexes ?? []],
  ] as const) {
    for (const ix of list) {
      const pk = keyAttr(ix.KeySchema, defs, 'HASH');
      if (!ix.IndexName || !pk) continue;
      const sk = keyAttr(ix.KeySchema, defs, 'RANGE');
      indexes.push({ name: ix.IndexName, kind, partitionKey: pk, ...(sk ? { sortKey: sk } : {}) });
    }
  }
  const sortKey = keyAttr(t.KeySchema, defs, 'RANGE');
  return {
    table,
    partitionKey,
    ...(sortKey ? { sortKey } : {}),
    indexes,
    itemCount: t.ItemCount,
    billingMode: t.BillingModeSummary?.BillingMode ?? (t.ProvisionedThroughput ? 'PROVISIONED' : undefined),
  };
}

/** Converts a stored item to plain JSON plus hints for what plain JSON cannot say (sets, binary, huge numbers). */
export function toViewItem(attrs: AttrMap): ViewItem {
  const hints: Record<string, TypeHint> = {};
  for (const [name, v] of Object.entries(attrs)) {
    if (v.SS) hints[name] = 'SS';
    else if (v.NS) hints[name] = 'NS';
    else if (v.BS) hints[name] = 'BS';
    else if (v.B) hints[name] = 'B';
  }
  const native = unmarshall(attrs, {
    wrapNumbers: (n: string) => {
      const x = Number(n);
      return Number.isSafeInteger(x) || (!Number.isInteger(x) && String(x) === n) ? x : new NumberValue(n);
    },
  });
  const item: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(native)) {
    if (value instanceof NumberValue) hints[name] = 'N';
    item[name] = toJson(value);
  }
  return Object.keys(hints).length ? { item, hints } : { item };
}

function toJson(value: unknown): unknown {
  if (value instanceof NumberValue) return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value instanceof Set) return [...value].map(toJson);
  if (Array.isArray(value)) return value.map(toJson);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJson(v);
    return out;
  }
  return value;
}

/** Converts plain JSON back to attribute values, restoring sets, binary and big numbers named in `hints`. */
export function fromViewItem(item: Record<string, unknown>, hints: Readonly<Record<string, TypeHint>> = {}): AttrMap {
  const restored: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) {
    restored[name] = restore(value, hints[name], name);
  }
  return marshall(restored, { removeUndefinedValues: true, convertClassInstanceToMap: false });
}

function restore(value: unknown, hint: TypeHint | undefined, name: string): unknown {
  if (hint === undefined) return value;
  const fail = (what: string) => new Error(`"${name}" was stored as ${what}; keep it that way or remove the attribute`);
  switch (hint) {
    case 'SS':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw fail('a string set');
      return value.length ? new Set(value) : value;
    case 'NS':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'number' || typeof v === 'string'))
        throw fail('a number set');
      return value.length ? new Set(value.map((v) => NumberValue.from(String(v)))) : value;
    case 'BS':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw fail('a binary set (base64)');
      return value.length ? new Set(value.map((v) => Buffer.from(v as string, 'base64'))) : value;
    case 'B':
      if (typeof value !== 'string') throw fail('binary (a base64 string)');
      return Buffer.from(value, 'base64');
    case 'N':
      if (typeof value === 'string' || typeof value === 'number') return NumberValue.from(String(value));
      return value;
  }
}

/** One attribute value typed from what the user wrote in the key condition builder. */
export function keyValue(attr: KeyAttr, text: string): AttributeValue {
  switch (attr.type) {
    case 'N':
      return { N: text.trim() };
    case 'B':
      return { B: Buffer.from(text, 'base64') };
    default:
      return { S: text };
  }
}

function encodeKey(key: AttrMap | undefined): string | undefined {
  if (!key) return undefined;
  const plain: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(key)) plain[k] = v.B ? { B: Buffer.from(v.B).toString('base64') } : v;
  return JSON.stringify(plain);
}

function decodeKey(text: string | undefined): AttrMap | undefined {
  if (!text) return undefined;
  const plain = JSON.parse(text) as Record<string, { B?: unknown }>;
  const out: AttrMap = {};
  for (const [k, v] of Object.entries(plain)) {
    out[k] = typeof v.B === 'string' ? { B: Buffer.from(v.B, 'base64') } : (v as AttributeValue);
  }
  return out;
}

export interface ScanRequest extends Signal {
  readonly table: string;
  readonly index?: string;
  readonly limit: number;
  readonly startKey?: string;
}

export async function scanItems(clients: AwsClients, req: ScanRequest): Promise<ItemPage> {
  const out = await clients.dynamodb().send(
    new ScanCommand({
      TableName: req.table,
      IndexName: req.index,
      Limit: req.limit,
      ExclusiveStartKey: decodeKey(req.startKey),
    }),
    opts(req),
  );
  return {
    items: (out.Items ?? []).map(toViewItem),
    scannedCount: out.ScannedCount ?? out.Count ?? 0,
    ...(out.LastEvaluatedKey ? { nextKey: encodeKey(out.LastEvaluatedKey) } : {}),
  };
}

export interface QueryRequest extends ScanRequest {
  readonly partitionKey: KeyAttr;
  readonly partitionValue: string;
  readonly sortKey?: KeyAttr;
  readonly sort?: { readonly op: SortOp; readonly value: string; readonly value2?: string };
  readonly descending?: boolean;
}

/** The KeyConditionExpression for a query builder's choices (names and values always go through placeholders). */
export function keyCondition(req: Pick<QueryRequest, 'partitionKey' | 'partitionValue' | 'sortKey' | 'sort'>): {
  expression: string;
  names: Record<string, string>;
  values: AttrMap;
} {
  const names: Record<string, string> = { '#pk': req.partitionKey.name };
  const values: AttrMap = { ':pk': keyValue(req.partitionKey, req.partitionValue) };
  let expression = '#pk = :pk';
  if (req.sort && req.sortKey) {
    names['#sk'] = req.sortKey.name;
    values[':sk'] = keyValue(req.sortKey, req.sort.value);
    switch (req.sort.op) {
      case 'between':
        if (req.sort.value2 === undefined) throw new Error('"between" needs two values');
        values[':sk2'] = keyValue(req.sortKey, req.sort.value2);
        expression += ' AND #sk BETWEEN :sk AND :sk2';
        break;
      case 'begins_with':
        expression += ' AND begins_with(#sk, :sk)';
        break;
      default:
        expression += ` AND #sk ${req.sort.op} :sk`;
    }
  }
  return { expression, names, values };
}

export async function queryItems(clients: AwsClients, req: QueryRequest): Promise<ItemPage> {
  const condition = keyCondition(req);
  const out = await clients.dynamodb().send(
    new QueryCommand({
      TableName: req.table,
      IndexName: req.index,
      Limit: req.limit,
      ExclusiveStartKey: decodeKey(req.startKey),
      KeyConditionExpression: condition.expression,
      ExpressionAttributeNames: condition.names,
      ExpressionAttributeValues: condition.values,
      ScanIndexForward: !req.descending,
    }),
    opts(req),
  );
  return {
    items: (out.Items ?? []).map(toViewItem),
    scannedCount: out.ScannedCount ?? out.Count ?? 0,
    ...(out.LastEvaluatedKey ? { nextKey: encodeKey(out.LastEvaluatedKey) } : {}),
  };
}

export interface PutRequest extends Signal {
  readonly table: string;
  readonly item: Record<string, unknown>;
  readonly hints?: Readonly<Record<string, TypeHint>>;
  /** Refuse to overwrite an existing item with this partition key attribute (for "New item"). */
  readonly mustNotExist?: string;
}

/** Writes an item; with `mustNotExist`, fails with "an item with this key already exists" instead of replacing. */
export async function putItem(clients: AwsClients, req: PutRequest): Promise<void> {
  try {
    await clients.dynamodb().send(
      new PutItemCommand({
        TableName: req.table,
        Item: fromViewItem(req.item, req.hints),
        ...(req.mustNotExist
          ? { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': req.mustNotExist } }
          : {}),
      }),
      opts(req),
    );
  } catch (err) {
    if ((err as { name?: string }).name === 'ConditionalCheckFailedException') {
      throw new Error('an item with this key already exists (edit it instead)', { cause: err });
    }
    throw err;
  }
}

export async function deleteItem(
  clients: AwsClients,
  req: { table: string; key: Record<string, unknown>; hints?: Readonly<Record<string, TypeHint>> } & Signal,
): Promise<void> {
  await clients
    .dynamodb()
    .send(new DeleteItemCommand({ TableName: req.table, Key: fromViewItem(req.key, req.hints) }), opts(req));
}
