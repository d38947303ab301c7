// DynamoDB benchmarks (`npm run bench dynamodb`): print figures, never fail on them.
//  (a) a 100,000-item sample analysed (target <= 2 s): from JSON Lines text through the analysis driver (the CLI's
//      `check --items` path: parse + rules), and from in-memory items through the live-sample analysis;
//  (b) 1,000 table definitions: 1,000 separate documents (CreateTable JSON, CloudFormation YAML, Terraform) and
//      one CloudFormation template holding 1,000 tables.
// Run alone: node --import tsx bench/dynamodb.bench.ts
import { analyzeDocument } from '../server/src/core/analyze';
import type { AnalysisContext, SourceDocument } from '../server/src/core/analyzer';
import { analyzeLiveSample } from '../server/src/core/dynamodb/live';

const ms = (n: number) => `${n.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const out = fn();
  return [out, performance.now() - t];
}

const ctx = (companions: readonly SourceDocument[] = []): AnalysisContext => ({
  iamData: () => {
    throw new Error('the DynamoDB bench needs no IAM data');
  },
  options: {},
  companions: () => companions,
});

const definition = JSON.stringify(
  {
    TableName: 'Orders',
    KeySchema: [
      { AttributeName: 'customerId', KeyType: 'HASH' },
      { AttributeName: 'orderId', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'customerId', AttributeType: 'S' },
      { AttributeName: 'orderId', AttributeType: 'S' },
      { AttributeName: 'status', AttributeType: 'S' },
      { AttributeName: 'day', AttributeType: 'S' },
    ],
    BillingMode: 'PROVISIONED',
    ProvisionedThroughput: { ReadCapacityUnits: 6000, WriteCapacityUnits: 8000 },
    GlobalSecondaryIndexes: [
      {
        IndexName: 'ByStatus',
        KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'KEYS_ONLY' },
        ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 8000 },
      },
      {
        IndexName: 'ByDay',
        KeySchema: [{ AttributeName: 'day', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'KEYS_ONLY' },
        ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 8000 },
      },
    ],
  },
  null,
  2,
);

/** 100,000 DynamoDB-JSON items: a Zipf-like customer skew, 4 statuses, 30 days, a ~300-byte body. */
function items(n: number): Record<string, Record<string, unknown>>[] {
  const out: Record<string, Record<string, unknown>>[] = [];
  const statuses = ['OPEN', 'PAID', 'SHIPPED', 'CLOSED'];
  for (let i = 0; i < n; i++) {
    const customer = Math.floor(20_000 / (1 + (i % 997))) + (i % 13);
    out.push({
      customerId: { S: `customer-${customer}` },
      orderId: { S: `order-${i.toString(36).padStart(8, '0')}` },
      status: { S: statuses[i % 4]! },
      day: { S: `2026-11-${String((i % 30) + 1).padStart(2, '0')}` },
      total: { N: String((i * 7) % 100_000) },
      lines: { L: [{ M: { sku: { S: `sku-${i % 500}` }, qty: { N: String((i % 5) + 1) } } }] },
      note: { S: 'x'.repeat(200 + (i % 100)) },
    });
  }
  return out;
}

function benchSample(): void {
  const N = 100_000;
  const [sample, genMs] = time(() => items(N));
  const jsonl = sample.map((i) => JSON.stringify(i)).join('\n');
  console.log(
    `(a) generated ${N.toLocaleString('en-US')} items (${(jsonl.length / 1024 / 1024).toFixed(1)} MB of JSON Lines) in ${ms(genMs)}`,
  );
  const doc = { uri: 'file:///bench/orders.json', text: definition };
  const companions = [{ uri: 'file:///bench/Orders.items.jsonl', text: jsonl }];
  const textRuns: number[] = [];
  let findings: string[] = [];
  for (let r = 0; r < 5; r++) {
    const [res, t] = time(() => analyzeDocument(doc, ctx(companions)));
    textRuns.push(t);
    findings = res.findings.map((f) => f.ruleId);
  }
  console.log(
    `(a) 100,000-item JSON Lines sample through analyzeDocument (parse + all rules): median ${ms(median(textRuns))}, best ${ms(Math.min(...textRuns))} (target <= 2000 ms); findings: ${[...new Set(findings)].sort().join(', ')}`,
  );
  const liveRuns: number[] = [];
  let distinct = 0;
  for (let r = 0; r < 5; r++) {
    const [res, t] = time(() => analyzeLiveSample(JSON.stringify({ Table: JSON.parse(definition) }), sample));
    liveRuns.push(t);
    distinct = res.histograms[0]?.distinct ?? 0;
  }
  console.log(
    `(a) 100,000 in-memory items through analyzeLiveSample (histograms + sample rules): median ${ms(median(liveRuns))}, best ${ms(Math.min(...liveRuns))} (target <= 2000 ms); ${distinct} distinct customers`,
  );
}

function tableJson(i: number): string {
  return JSON.stringify({
    TableName: `t${i}`,
    KeySchema: [{ AttributeName: i % 3 ? 'id' : 'status', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: i % 3 ? 'id' : 'status', AttributeType: 'S' }],
    BillingMode: 'PAY_PER_REQUEST',
  });
}
function tableYaml(i: number, indent = ''): string {
  return [
    `${indent}T${i}:`,
    `${indent}  Type: AWS::DynamoDB::Table`,
    `${indent}  Properties:`,
    `${indent}    TableName: !Sub 't${i}-\${Stage}'`,
    `${indent}    BillingMode: PROVISIONED`,
    `${indent}    ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 10 }`,
    `${indent}    KeySchema:`,
    `${indent}      - { AttributeName: customerId, KeyType: HASH }`,
    `${indent}      - { AttributeName: orderId, KeyType: RANGE }`,
    `${indent}    AttributeDefinitions:`,
    `${indent}      - { AttributeName: customerId, AttributeType: S }`,
    `${indent}      - { AttributeName: orderId, AttributeType: S }`,
    `${indent}      - { AttributeName: isOpen, AttributeType: S }`,
    `${indent}    GlobalSecondaryIndexes:`,
    `${indent}      - IndexName: Open`,
    `${indent}        KeySchema: [{ AttributeName: isOpen, KeyType: HASH }]`,
    `${indent}        Projection: { ProjectionType: KEYS_ONLY }`,
    `${indent}        ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 }`,
  ].join('\n');
}
function tableHcl(i: number): string {
  return `resource "aws_dynamodb_table" "t${i}" {
  name           = "t${i}"
  billing_mode   = "PROVISIONED"
  read_capacity  = 20
  write_capacity = 20
  hash_key       = "created_day"
  attribute {
    name = "created_day"
    type = "S"
  }
  attribute {
    name = "unused"
    type = "S"
  }
}
`;
}

function benchDefinitions(): void {
  const docs: SourceDocument[] = [];
  for (let i = 0; i < 1000; i++) {
    if (i % 3 === 0) docs.push({ uri: `file:///bench/t${i}.json`, text: tableJson(i) });
    else if (i % 3 === 1) docs.push({ uri: `file:///bench/t${i}.yaml`, text: `Resources:\n${tableYaml(i, '  ')}\n` });
    else docs.push({ uri: `file:///bench/t${i}.tf`, text: tableHcl(i) });
  }
  for (const d of docs.slice(0, 30)) analyzeDocument(d, ctx()); // warm-up
  const runs: number[] = [];
  let count = 0;
  for (let r = 0; r < 3; r++) {
    const [n, t] = time(() => docs.reduce((acc, d) => acc + analyzeDocument(d, ctx()).findings.length, 0));
    runs.push(t);
    count = n;
  }
  console.log(
    `(b) 1,000 table definitions as 1,000 documents (334 JSON, 333 YAML, 333 Terraform): median ${ms(median(runs))}, best ${ms(Math.min(...runs))}; ${count} findings`,
  );
  const template = `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${Array.from({ length: 1000 }, (_, i) => tableYaml(i, '  ')).join('\n')}\n`;
  const big = { uri: 'file:///bench/template.yaml', text: template };
  const bigRuns: number[] = [];
  for (let r = 0; r < 3; r++) {
    const [res, t] = time(() => analyzeDocument(big, ctx()));
    bigRuns.push(t);
    count = res.findings.length;
  }
  console.log(
    `(b) one CloudFormation template with 1,000 tables (${(template.length / 1024).toFixed(0)} KB): median ${ms(median(bigRuns))}, best ${ms(Math.min(...bigRuns))}; ${count} findings`,
  );
}

benchSample();
benchDefinitions();
