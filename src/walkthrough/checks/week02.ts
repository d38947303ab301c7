// Week 2 — Lambda and DynamoDB: composite keys, query against scan, a GSI, streams, a function and its trigger.
import {
  DescribeTableCommand,
  ListTablesCommand,
  ScanCommand,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { ListEventSourceMappingsCommand, ListFunctionsCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { type Check, type CheckEnv, done, listNames, notYet, once, SCAN_LIMIT } from './types';

export async function describeTables(ddb: DynamoDBClient): Promise<TableDescription[]> {
  const list = await ddb.send(new ListTablesCommand({ Limit: SCAN_LIMIT }));
  const out: TableDescription[] = [];
  for (const name of list.TableNames ?? []) {
    const d = await ddb.send(new DescribeTableCommand({ TableName: name }));
    if (d.Table) out.push(d.Table);
  }
  return out;
}

/** Every table described, once per round. */
export const tables = (env: CheckEnv): Promise<TableDescription[]> =>
  once(env, 'dynamodb.tables', () => describeTables(env.aws.dynamodb()));

export function keyOf(t: TableDescription, type: 'HASH' | 'RANGE'): string | undefined {
  return t.KeySchema?.find((k) => k.KeyType === type)?.AttributeName;
}

export function isComposite(t: TableDescription): boolean {
  return keyOf(t, 'HASH') !== undefined && keyOf(t, 'RANGE') !== undefined;
}

export async function functionNames(lambda: LambdaClient): Promise<string[]> {
  const out = await lambda.send(new ListFunctionsCommand({ MaxItems: SCAN_LIMIT }));
  return (out.Functions ?? []).map((f) => f.FunctionName ?? '').filter(Boolean);
}

export async function eventSourceMappings(lambda: LambdaClient) {
  const out = await lambda.send(new ListEventSourceMappingsCommand({ MaxItems: SCAN_LIMIT }));
  return (out.EventSourceMappings ?? []).map((m) => ({
    source: m.EventSourceArn ?? '',
    fn: m.FunctionArn ?? '',
    state: m.State ?? '',
  }));
}

export const functions = (env: CheckEnv): Promise<string[]> =>
  once(env, 'lambda.functions', () => functionNames(env.aws.lambda()));
export const mappings = (env: CheckEnv) => once(env, 'lambda.mappings', () => eventSourceMappings(env.aws.lambda()));

const table: Check = async (env) => {
  const t = (await tables(env)).find(isComposite);
  return t
    ? done(`${t.TableName}: partition key ${keyOf(t, 'HASH')}, sort key ${keyOf(t, 'RANGE')}`)
    : notYet('No table with both a partition key and a sort key yet');
};

/** Reads at most this many items per table while counting items per partition key value. */
const ITEM_SCAN_LIMIT = 200;

const items: Check = async (env) => {
  const { aws } = env;
  const ddb = aws.dynamodb();
  for (const t of (await tables(env)).filter(isComposite)) {
    const pk = keyOf(t, 'HASH')!;
    const out = await ddb.send(
      new ScanCommand({
        TableName: t.TableName,
        Limit: ITEM_SCAN_LIMIT,
        ProjectionExpression: '#pk',
        ExpressionAttributeNames: { '#pk': pk },
      }),
    );
    const counts = new Map<string, number>();
    for (const item of out.Items ?? []) {
      const value = JSON.stringify(item[pk]);
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best && best[1] >= 3) return done(`${t.TableName} holds ${best[1]} items under ${pk} = ${best[0]}`);
  }
  return notYet('No composite-key table has three items under one partition key yet');
};

const gsi: Check = async (env) => {
  const t = (await tables(env)).find((x) => (x.GlobalSecondaryIndexes?.length ?? 0) > 0);
  return t
    ? done(`${t.TableName} has index ${listNames((t.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName ?? ''))}`)
    : notYet('No table has a global secondary index yet');
};

const streams: Check = async (env) => {
  const t = (await tables(env)).find((x) => x.StreamSpecification?.StreamEnabled === true);
  return t
    ? done(`${t.TableName} streams ${t.StreamSpecification?.StreamViewType ?? 'changes'}`)
    : notYet('No table has a stream enabled yet');
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
