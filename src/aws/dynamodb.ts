// DynamoDB table operations for the explorer: listing, describing, creating from a JSON document, deleting.
// (Items, scans and queries belong to the items view; key-distribution analysis to the DynamoDB tools.)
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ListTablesCommand,
  ListTagsOfResourceCommand,
  ScanCommand,
  type CreateTableCommandInput,
  type KeySchemaElement,
} from '@aws-sdk/client-dynamodb';
import type { AwsClients } from './clients';
import { isConnectionError } from './errors';
import type { Signal } from './s3';
import { listTableNames } from './dynamodbSample';
import { mapLimit } from './concurrency';

export interface KeyPart {
  readonly name: string;
  readonly role: 'HASH' | 'RANGE';
  /** S, N or B when the attribute definition is known. */
  readonly type?: string;
}

export interface IndexRecord {
  readonly name: string;
  readonly type: 'GSI' | 'LSI';
  readonly keys: readonly KeyPart[];
  readonly projection?: string;
  readonly status?: string;
  readonly itemCount?: number;
}

export interface TableRecord {
  readonly name: string;
  readonly arn?: string;
  readonly status: string;
  readonly keys: readonly KeyPart[];
  readonly indexes: readonly IndexRecord[];
  readonly itemCount?: number;
  readonly sizeBytes?: number;
  readonly billingMode: 'PROVISIONED' | 'PAY_PER_REQUEST';
  readonly readCapacity?: number;
  readonly writeCapacity?: number;
  readonly streamViewType?: string;
  /** The ARN of the table's latest stream (kept after the stream is turned off). */
  readonly latestStreamArn?: string;
  readonly describeError?: string;
}

const opts = (s?: Signal) => (s?.signal ? { abortSignal: s.signal } : {});

function keyParts(schema: KeySchemaElement[] | undefined, types: Map<string, string>): KeyPart[] {
  return (schema ?? []).map((k) => ({
    name: k.AttributeName ?? '?',
    role: k.KeyType === 'RANGE' ? 'RANGE' : 'HASH',
    type: types.get(k.AttributeName ?? ''),
  }));
}

/** "pk (S) + sk (N)" */
export function formatKeys(keys: readonly KeyPart[]): string {
  return keys.map((k) => (k.type ? `${k.name} (${k.type})` : k.name)).join(' + ');
}

export async function describeTable(clients: AwsClients, name: string, s?: Signal): Promise<TableRecord> {
  const out = await clients.dynamodb().send(new DescribeTableCommand({ TableName: name }), opts(s));
  const t = out.Table;
  const types = new Map((t?.AttributeDefinitions ?? []).map((a) => [a.AttributeName ?? '', a.AttributeType ?? '']));
  const gsis: IndexRecord[] = (t?.GlobalSecondaryIndexes ?? []).map((g) => ({
    name: g.IndexName ?? '?',
    type: 'GSI',
    keys: keyParts(g.KeySchema, types),
    projection: g.Projection?.ProjectionType,
    status: g.IndexStatus,
    itemCount: g.ItemCount,
  }));
  const lsis: IndexRecord[] = (t?.LocalSecondaryIndexes ?? []).map((l) => ({
    name: l.IndexName ?? '?',
    type: 'LSI',
    keys: keyParts(l.KeySchema, types),
    projection: l.Projection?.ProjectionType,
    itemCount: l.ItemCount,
  }));
  const billing = t?.BillingModeSummary?.BillingMode;
  const read = t?.ProvisionedThroughput?.ReadCapacityUnits;
  const write = t?.ProvisionedThroughput?.WriteCapacityUnits;
  // Some emulators omit BillingModeSummary for provisioned tables and report 0/0 throughput for on-demand ones.
  const billingMode =
    billing === 'PAY_PER_REQUEST' || (!billing && !read && !write) ? 'PAY_PER_REQUEST' : 'PROVISIONED';
  return {
    name,
    arn: t?.TableArn,
    status: t?.TableStatus ?? 'UNKNOWN',
    keys: keyParts(t?.KeySchema, types),
    indexes: [...gsis, ...lsis],
    itemCount: t?.ItemCount,
    sizeBytes: t?.TableSizeBytes,
    billingMode,
    readCapacity: billingMode === 'PROVISIONED' ? read : undefined,
    writeCapacity: billingMode === 'PROVISIONED' ? write : undefined,
    streamViewType: t?.StreamSpecification?.StreamEnabled ? t.StreamSpecification.StreamViewType : undefined,
    ...(t?.LatestStreamArn ? { latestStreamArn: t.LatestStreamArn } : {}),
  };
}

/**
 * Name and ARN of the first `max` tables. Only the first table is described: the others' ARNs share its prefix
 * (same account and region), so 500 tables cost a handful of calls.
 */
export async function tableArns(
  clients: AwsClients,
  max: number,
  s?: Signal,
): Promise<{ name: string; arn: string }[]> {
  const names = await listTableNames(clients, max, s?.signal);
  if (!names.length) return [];
  const first = (await describeTable(clients, names[0]!, s)).arn ?? '';
  const prefix = first.slice(0, first.length - names[0]!.length);
  if (!prefix.endsWith(':table/')) throw new Error(`unexpected table ARN "${first}"`);
  return names.map((name) => ({ name, arn: `${prefix}${name}` }));
}

/** One page of tables, each described (4 at a time). */
export async function listTables(
  clients: AwsClients,
  page: { cursor?: string; pageSize: number } & Signal,
): Promise<{ tables: TableRecord[]; next?: string }> {
  const out = await clients
    .dynamodb()
    .send(
      new ListTablesCommand({ Limit: Math.min(page.pageSize, 100), ExclusiveStartTableName: page.cursor }),
      opts(page),
    );
  const names = out.TableNames ?? [];
  const tables = await mapLimit(names, 4, async (name): Promise<TableRecord> => {
    try {
      return await describeTable(clients, name, page);
    } catch (err) {
      // A dead emulator fails the whole listing; other errors only mark the one row.
      if (page.signal?.aborted || isConnectionError(err)) throw err;
      return {
        name,
        status: 'UNKNOWN',
        keys: [],
        indexes: [],
        billingMode: 'PAY_PER_REQUEST',
        describeError: String(err),
      };
    }
  });
  return { tables, next: out.LastEvaluatedTableName || undefined };
}

/**
 * The partition key value of each of the first `limit` items, as DynamoDB JSON text (e.g. `{"S":"u1"}`), so equal
 * values compare equal whatever their type.
 */
export async function partitionKeyValues(
  clients: AwsClients,
  table: string,
  partitionKey: string,
  limit: number,
  s?: Signal,
): Promise<string[]> {
  const out = await clients.dynamodb().send(
    new ScanCommand({
      TableName: table,
      Limit: limit,
      ProjectionExpression: '#pk',
      ExpressionAttributeNames: { '#pk': partitionKey },
    }),
    opts(s),
  );
  return (out.Items ?? []).map((item) => JSON.stringify(item[partitionKey]));
}

export async function tableTags(clients: AwsClients, tableArn: string, s?: Signal): Promise<Record<string, string>> {
  const out = await clients.dynamodb().send(new ListTagsOfResourceCommand({ ResourceArn: tableArn }), opts(s));
  return Object.fromEntries((out.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
}

/** The table's time-to-live setting: its status (ENABLED, DISABLED, …) and the attribute items expire by. */
export async function timeToLive(
  clients: AwsClients,
  table: string,
  s?: Signal,
): Promise<{ status?: string; attribute?: string }> {
  const out = await clients.dynamodb().send(new DescribeTimeToLiveCommand({ TableName: table }), opts(s));
  const d = out.TimeToLiveDescription;
  return {
    ...(d?.TimeToLiveStatus ? { status: d.TimeToLiveStatus } : {}),
    ...(d?.AttributeName ? { attribute: d.AttributeName } : {}),
  };
}

const CREATE_KEYS = new Set([
  'TableName',
  'AttributeDefinitions',
  'KeySchema',
  'LocalSecondaryIndexes',
  'GlobalSecondaryIndexes',
  'BillingMode',
  'ProvisionedThroughput',
  'StreamSpecification',
  'SSESpecification',
  'Tags',
  'TableClass',
  'DeletionProtectionEnabled',
  'OnDemandThroughput',
  'WarmThroughput',
]);

export type TableInputResult =
  | { readonly ok: true; readonly input: CreateTableCommandInput; readonly ignored: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads a CreateTable request from JSON text: the `aws dynamodb create-table --cli-input-json` shape, a
 * describe-table output (`{"Table": …}`), or a CloudFormation template with exactly one AWS::DynamoDB::Table.
 * Unknown keys are dropped and reported, so a describe-table output can be replayed.
 */
export function tableInputFromJson(text: string, overrideName?: string): TableInputResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `the file is not valid JSON (${(err as Error).message})` };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { ok: false, reason: 'expected a JSON object' };
  let obj = doc as Record<string, unknown>;
  if (obj.Table && typeof obj.Table === 'object') obj = obj.Table as Record<string, unknown>;
  if (obj.Resources && typeof obj.Resources === 'object') {
    const tables = Object.entries(obj.Resources as Record<string, { Type?: unknown; Properties?: unknown }>).filter(
      ([, r]) => r && r.Type === 'AWS::DynamoDB::Table',
    );
    if (tables.length !== 1) {
      return {
        ok: false,
        reason: `the template has ${tables.length} AWS::DynamoDB::Table resources; expected exactly one`,
      };
    }
    const [logicalId, resource] = tables[0] as [string, { Properties?: Record<string, unknown> }];
    obj = { TableName: logicalId, ...(resource.Properties ?? {}) };
  }
  const input: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (CREATE_KEYS.has(k)) input[k] = v;
    else ignored.push(k);
  }
  if (overrideName) input.TableName = overrideName;
  if (typeof input.TableName !== 'string' || !input.TableName) return { ok: false, reason: 'TableName is missing' };
  if (!Array.isArray(input.KeySchema) || input.KeySchema.length === 0)
    return { ok: false, reason: 'KeySchema is missing' };
  if (!Array.isArray(input.AttributeDefinitions)) return { ok: false, reason: 'AttributeDefinitions is missing' };
  // describe-table output carries read-only fields inside indexes and throughput; strip them.
  const cleanThroughput = (t: unknown) => {
    if (!t || typeof t !== 'object') return undefined;
    const { ReadCapacityUnits, WriteCapacityUnits } = t as Record<string, unknown>;
    return ReadCapacityUnits || WriteCapacityUnits ? { ReadCapacityUnits, WriteCapacityUnits } : undefined;
  };
  const cleanIndex = (ix: unknown, withThroughput: boolean) => {
    const { IndexName, KeySchema, Projection, ProvisionedThroughput } = (ix ?? {}) as Record<string, unknown>;
    const t = withThroughput ? cleanThroughput(ProvisionedThroughput) : undefined;
    return { IndexName, KeySchema, Projection, ...(t ? { ProvisionedThroughput: t } : {}) };
  };
  if (Array.isArray(input.GlobalSecondaryIndexes)) {
    input.GlobalSecondaryIndexes = input.GlobalSecondaryIndexes.map((g) => cleanIndex(g, true));
  }
  if (Array.isArray(input.LocalSecondaryIndexes)) {
    input.LocalSecondaryIndexes = input.LocalSecondaryIndexes.map((l) => cleanIndex(l, false));
  }
  if (input.ProvisionedThroughput) input.ProvisionedThroughput = cleanThroughput(input.ProvisionedThroughput);
  if (!input.BillingMode && !input.ProvisionedThroughput) input.BillingMode = 'PAY_PER_REQUEST';
  if (input.BillingMode === 'PAY_PER_REQUEST') {
    delete input.ProvisionedThroughput;
    if (Array.isArray(input.GlobalSecondaryIndexes)) {
      input.GlobalSecondaryIndexes = input.GlobalSecondaryIndexes.map((g: Record<string, unknown>) => {
        const { ProvisionedThroughput: _p, ...rest } = g;
        return rest;
      });
    }
  }
  return { ok: true, input: input as unknown as CreateTableCommandInput, ignored };
}

export async function createTable(clients: AwsClients, input: CreateTableCommandInput, s?: Signal): Promise<string> {
  const out = await clients.dynamodb().send(new CreateTableCommand(input), opts(s));
  return out.TableDescription?.TableName ?? input.TableName ?? '';
}

export async function deleteTable(clients: AwsClients, name: string, s?: Signal): Promise<void> {
  await clients.dynamodb().send(new DeleteTableCommand({ TableName: name }), opts(s));
}
