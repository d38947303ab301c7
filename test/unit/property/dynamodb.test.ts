// Property tests for the DynamoDB analysis: it never throws (rules included), every finding, fix edit, hover
// and lens range lies inside the document, and the sample statistics stay in range.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyzeTables, createDynamoAnalyzer } from '../../../server/src/core/dynamodb/analyzer';
import { distribution, parseItems } from '../../../server/src/core/dynamodb/evidence/items';
import { parseDocument } from '../../../server/src/core/syntax/parse';
import type { Span } from '../../../server/src/core/types';

const NAMES = [
  'PK',
  'SK',
  'GSI1PK',
  'id',
  'customerId',
  'ticketStatus',
  'isActive',
  'created_day',
  'createdAt',
  'type',
  'order_id',
  '',
];
const TYPES = ['S', 'N', 'B', 'BOOL', 'M', ''];
const KEY_TYPES = ['HASH', 'RANGE', 'PARTITION', ''];

const keyEl = fc.record({ AttributeName: fc.constantFrom(...NAMES), KeyType: fc.constantFrom(...KEY_TYPES) });
const capacity = fc.record({
  ReadCapacityUnits: fc.integer({ min: 0, max: 100000 }),
  WriteCapacityUnits: fc.integer({ min: 0, max: 100000 }),
});
const table = fc.record(
  {
    TableName: fc.string({ maxLength: 8 }),
    KeySchema: fc.array(keyEl, { maxLength: 4 }),
    AttributeDefinitions: fc.array(
      fc.record({ AttributeName: fc.constantFrom(...NAMES), AttributeType: fc.constantFrom(...TYPES) }),
      { maxLength: 5 },
    ),
    BillingMode: fc.constantFrom('PROVISIONED', 'PAY_PER_REQUEST', 'OTHER'),
    ProvisionedThroughput: capacity,
    GlobalSecondaryIndexes: fc.array(
      fc.record(
        {
          IndexName: fc.constantFrom('G1', 'G2', 'G1'),
          KeySchema: fc.array(keyEl, { maxLength: 9 }),
          ProvisionedThroughput: capacity,
        },
        { requiredKeys: ['IndexName'] },
      ),
      { maxLength: 3 },
    ),
    LocalSecondaryIndexes: fc.array(
      fc.record({ IndexName: fc.string({ maxLength: 3 }), KeySchema: fc.array(keyEl, { maxLength: 3 }) }),
      { maxLength: 7 },
    ),
  },
  { requiredKeys: ['KeySchema'] },
);

const items = fc.array(
  fc.dictionary(
    fc.constantFrom(...NAMES),
    fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.record({ S: fc.string({ maxLength: 4 }) }),
    ),
  ),
  { maxLength: 40 },
);

function inBounds(span: Span, length: number): boolean {
  return span.start >= 0 && span.end <= length && span.start <= span.end;
}

function checkDoc(uri: string, text: string, companions: { uri: string; text: string }[] = []): void {
  const doc = parseDocument({ uri, text });
  const { findings } = analyzeTables(doc, { options: {}, companions: () => companions });
  // A rule that throws leaves an INTERNAL_ERROR finding (the rule engine catches it): none may appear.
  assert.deepEqual(
    findings.filter((f) => f.ruleId === 'INTERNAL_ERROR').map((f) => f.message),
    [],
  );
  for (const f of findings) {
    assert.ok(inBounds(f.span, text.length), `${f.ruleId} span`);
    for (const fix of f.fixes ?? []) {
      const sorted = [...fix.edits].sort((a, b) => a.span.start - b.span.start);
      sorted.forEach((e, i) => {
        assert.ok(inBounds(e.span, text.length), `${f.ruleId} fix edit in bounds`);
        if (i) assert.ok(e.span.start >= sorted[i - 1]!.span.end, `${f.ruleId} fix edits overlap`);
      });
    }
  }
  const a = createDynamoAnalyzer();
  const ctx = { iamData: () => ({}) as never, options: {}, companions: () => companions };
  for (const l of a.lenses!(doc, ctx)) assert.ok(inBounds(l.span, text.length), 'lens');
  for (const off of [0, Math.floor(text.length / 3), Math.floor(text.length / 2), text.length]) {
    const h = a.hover!(doc, off, ctx);
    if (h) assert.ok(inBounds(h.span, text.length), 'hover');
    for (const c of a.complete!(doc, off, ctx))
      if (c.replace) assert.ok(inBounds(c.replace, text.length), 'completion');
  }
}

test('random CreateTable documents (with random sample items) never throw and stay in bounds', () => {
  fc.assert(
    fc.property(table, items, fc.boolean(), (t, it, pretty) => {
      checkDoc('file:///w/t.json', JSON.stringify(t, null, pretty ? 2 : 0), [
        { uri: `file:///w/${t.TableName}.items.json`, text: JSON.stringify(it) },
      ]);
    }),
    { numRuns: 300 },
  );
});

const SEEDS: [string, string][] = [
  [
    'file:///w/t.yaml',
    'Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      KeySchema:\n        - AttributeName: status\n          KeyType: HASH\n      AttributeDefinitions:\n        - AttributeName: status\n          AttributeType: S\n        - AttributeName: x\n          AttributeType: BOOL\n      GlobalSecondaryIndexes:\n        - IndexName: G\n          KeySchema: [{AttributeName: isOpen, KeyType: HASH}]\n          ProvisionedThroughput: {ReadCapacityUnits: 1, WriteCapacityUnits: !Ref W}\n',
  ],
  [
    'file:///w/main.tf',
    'resource "aws_dynamodb_table" "t" {\n  name = "T"\n  hash_key = "status"\n  attribute {\n    name = "status"\n    type = "S"\n  }\n  attribute {\n    name = "y"\n    type = "S"\n  }\n  global_secondary_index {\n    name = "G"\n    hash_key = "is_open"\n    write_capacity = 1\n  }\n}\n',
  ],
  [
    'file:///w/t.json',
    '{"TableName":"Orders","KeySchema":[{"AttributeName":"customerId","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"a","AttributeType":"S"}]}',
  ],
];

test('mutated YAML, HCL and JSON definitions (truncated, spliced) never throw and stay in bounds', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...SEEDS),
      fc.nat(),
      fc.nat(),
      fc.string({ maxLength: 6 }),
      ([uri, seed], a, b, insert) => {
        const i = a % (seed.length + 1);
        const j = Math.min(seed.length, i + (b % 12));
        checkDoc(uri, seed.slice(0, i) + insert + seed.slice(j));
        checkDoc(uri, seed.slice(0, i));
      },
    ),
    { numRuns: 400 },
  );
});

test('sample statistics stay in range for any items', () => {
  fc.assert(
    fc.property(items, fc.constantFrom(...NAMES), (it, attr) => {
      const parsed = parseItems(JSON.stringify(it));
      const d = distribution(parsed.items, [attr], parsed.dynamoJson);
      assert.ok(d.topShare >= 0 && d.topShare <= 1);
      assert.ok(d.gini >= 0 && d.gini <= 1);
      assert.ok(d.distinct <= d.keyed && d.keyed + d.missing === parsed.items.length);
      assert.ok(d.timeBucketShare >= 0 && d.timeBucketShare <= 1);
    }),
    { numRuns: 300 },
  );
});

test('arbitrary text as an items file never throws', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (text) => {
      const p = parseItems(text);
      assert.ok(Array.isArray(p.items));
    }),
    { numRuns: 300 },
  );
});
