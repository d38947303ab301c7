// Week 2 — Lambda and DynamoDB: composite keys, query against scan, a GSI, streams, a function and its trigger.
import type { AwsClients } from '../../aws/clients';
import { listTables, partitionKeyValues, type TableRecord } from '../../aws/dynamodb';
import { listEventSourceMappings, listFunctions, type EventSourceMappingRecord } from '../../aws/lambda';
import { type Check, type CheckEnv, done, listNames, notYet, once, SCAN_LIMIT } from './types';

async function describeTables(aws: AwsClients): Promise<TableRecord[]> {
  return (await listTables(aws, { pageSize: SCAN_LIMIT })).tables.filter((t) => t.describeError === undefined);
}

/** Every table described, once per round. */
export const tables = (env: CheckEnv): Promise<TableRecord[]> =>
  once(env, 'dynamodb.tables', () => describeTables(env.aws));

export function keyOf(t: TableRecord, role: 'HASH' | 'RANGE'): string | undefined {
  return t.keys.find((k) => k.role === role)?.name;
}

export function isComposite(t: TableRecord): boolean {
  return keyOf(t, 'HASH') !== undefined && keyOf(t, 'RANGE') !== undefined;
}

export function globalIndexes(t: TableRecord): string[] {
  return t.indexes.filter((i) => i.type === 'GSI').map((i) => i.name);
}

export const functions = (env: CheckEnv): Promise<string[]> =>
  once(env, 'lambda.functions', async () =>
    (await listFunctions(env.aws, { pageSize: SCAN_LIMIT })).functions.map((f) => f.name).filter(Boolean),
  );
export const mappings = (env: CheckEnv): Promise<EventSourceMappingRecord[]> =>
  once(env, 'lambda.mappings', () => listEventSourceMappings(env.aws, SCAN_LIMIT));

const table: Check = async (env) => {
  const t = (await tables(env)).find(isComposite);
  return t
    ? done(`${t.name}: partition key ${keyOf(t, 'HASH')}, sort key ${keyOf(t, 'RANGE')}`)
    : notYet('No table with both a partition key and a sort key yet');
};

/** Reads at most this many items per table while counting items per partition key value. */
const ITEM_SCAN_LIMIT = 200;

const items: Check = async (env) => {
  for (const t of (await tables(env)).filter(isComposite)) {
    const pk = keyOf(t, 'HASH')!;
    const counts = new Map<string, number>();
    for (const value of await partitionKeyValues(env.aws, t.name, pk, ITEM_SCAN_LIMIT)) {
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best && best[1] >= 3) return done(`${t.name} holds ${best[1]} items under ${pk} = ${best[0]}`);
  }
  return notYet('No composite-key table has three items under one partition key yet');
};

const gsi: Check = async (env) => {
  const t = (await tables(env)).find((x) => globalIndexes(x).length > 0);
  return t
    ? done(`${t.name} has index ${listNames(globalIndexes(t))}`)
    : notYet('No table has a global secondary index yet');
};

const streams: Check = async (env) => {
  const t = (await tables(env)).find((x) => x.streamViewType !== undefined);
  return t ? done(`${t.name} streams ${t.streamViewType}`) : notYet('No table has a stream enabled yet');
};

const fn: Check = async (env) => {
  const names = await functions(env);
  return names.length > 0 ? done(`Functions: ${listNames(names)}`) : notYet('No Lambda function yet');
};

const trigger: Check = async (env) => {
  const m = (await mappings(env)).find((x) => x.source.includes(':dynamodb:'));
  return m
    ? done(`${m.fn.split(':').pop()} is triggered by ${m.source.split('/').slice(1, 2).join('')}'s stream`)
    : notYet('No function is triggered by a DynamoDB stream yet');
};

export const week02 = { table, items, gsi, streams, function: fn, trigger };
