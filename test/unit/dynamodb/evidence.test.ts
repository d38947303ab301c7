// Evidence parsing: sample-item files in every accepted shape, access-pattern files, and the statistics.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  parseKeyCondition,
  readAccessPatterns,
  unitsPerRequest,
} from '../../../server/src/core/dynamodb/evidence/accessPatterns';
import { evidenceKind, gatherEvidence } from '../../../server/src/core/dynamodb/evidence/bind';
import {
  distribution,
  gini,
  itemSize,
  looksLikeTimeBucket,
  parseItems,
} from '../../../server/src/core/dynamodb/evidence/items';
import { parseDocument } from '../../../server/src/core/syntax/parse';
import { analyze, createTable, tables } from './helpers';

test('items: JSON array, JSON Lines, scan output, batch-write file, table wrapper', () => {
  const cases: [string, number, boolean, string | undefined][] = [
    ['[{"a":"1"},{"a":"2"}]', 2, false, undefined],
    ['{"a":{"S":"1"}}\n{"a":{"S":"2"}}\n\n{"a":{"N":"3"}}', 3, true, undefined],
    ['{"Items":[{"a":{"S":"x"}}],"Count":1,"ScannedCount":1}', 1, true, undefined],
    ['{"Orders":[{"PutRequest":{"Item":{"a":{"S":"x"}}}}]}', 1, true, 'Orders'],
    ['{"table":"Orders","items":[{"a":"x"},{"a":"y"}]}', 2, false, 'Orders'],
  ];
  for (const [text, n, ddb, table] of cases) {
    const p = parseItems(text);
    assert.equal(p.items.length, n, text);
    assert.equal(p.dynamoJson, ddb, text);
    assert.equal(p.table, table, text);
    assert.deepEqual(p.problems, [], text);
  }
});

test('items: bad lines are reported and skipped, broken arrays are one clear problem', () => {
  const p = parseItems('{"a":"1"}\n{oops\n{"a":"2"}\n');
  assert.equal(p.items.length, 2);
  assert.equal(p.problems.length, 1);
  assert.match(p.problems[0]!, /^line 2: /);
  const q = parseItems('[{"a":1},');
  assert.equal(q.items.length, 0);
  assert.match(q.problems[0]!, /not valid JSON/);
  assert.deepEqual(parseItems('   ').problems, ['the file is empty']);
});

test('statistics: distinct values, top share, Gini, missing keys (sparse)', () => {
  const items = [...Array(6).fill({ k: 'hot' }), { k: 'a' }, { k: 'b' }, { other: 1 }];
  const d = distribution(items, ['k'], false);
  assert.equal(d.keyed, 8);
  assert.equal(d.missing, 1);
  assert.equal(d.distinct, 3);
  assert.equal(d.top[0]!.value, 'hot');
  assert.equal(d.topShare, 0.75);
  assert.equal(gini([1, 1, 1, 1]), 0);
  assert.ok(Math.abs(gini([0, 0, 0, 10]) - 0.75) < 1e-9);
  assert.ok(gini([6, 1, 1]) > 0.3);
  const multi = distribution([{ a: 'x', b: 1 }, { a: 'x', b: 2 }, { a: 'x' }], ['a', 'b'], false);
  assert.equal(multi.distinct, 2);
  assert.equal(multi.missing, 1);
});

test('sizes: names count, DynamoDB JSON and plain agree roughly', () => {
  assert.equal(itemSize({ ab: 'xyz' }, false), 5);
  assert.equal(itemSize({ ab: { S: 'xyz' } }, true), 5);
  assert.equal(itemSize({ é: 'é' }, false), 4);
  const plain = itemSize({ id: 'a', n: 12345, tags: ['x', 'y'], m: { k: true } }, false);
  const typed = itemSize(
    { id: { S: 'a' }, n: { N: '12345' }, tags: { L: [{ S: 'x' }, { S: 'y' }] }, m: { M: { k: { BOOL: true } } } },
    true,
  );
  assert.equal(plain, typed);
});

test('time buckets: dates and hours yes, full timestamps and ids no', () => {
  for (const v of ['2026-11-21', 'DAY#2026-11-21', '2026-11-21T10', '2026112110', '20261121', '2026-11'])
    assert.ok(looksLikeTimeBucket(v), v);
  for (const v of ['2026-11-21T10:15:07Z', 'c-2026', '1763719507', 'order-20261121-17'])
    assert.ok(!looksLikeTimeBucket(v), v);
});

test('key conditions: attributes and literal comparisons', () => {
  assert.deepEqual(parseKeyCondition('customerId = :c AND begins_with(sk, :p)'), {
    attributes: ['customerId', 'sk'],
    literal: [],
  });
  assert.deepEqual(parseKeyCondition("pk = 'COUNTER' and sk BETWEEN :a AND :b"), {
    attributes: ['pk', 'sk'],
    literal: ['pk'],
  });
});

test('access-pattern file: fields, rates, units, problems', () => {
  const parsed = parseDocument({
    uri: 'file:///work/x.access-patterns.yaml',
    text: `table: Orders
attributes:
  status: { distinctValues: 3 }
patterns:
  - name: recent orders
    operation: query
    key: [customerId]
    rates: { reads: 100 }
    itemsPerKey: 10
    itemSizeKB: 1
  - name: broken
  - name: bump
    operation: TransactWriteItems
    writesPerSecond: 10
    itemSizeKB: 1.5
`,
  });
  const f = readAccessPatterns(parsed.parse.root);
  assert.equal(f.table, 'Orders');
  assert.equal(f.distinctValues.get('status'), 3);
  assert.equal(f.patterns.length, 2);
  assert.equal(f.patterns[0]!.operation, 'Query');
  assert.equal(f.patterns[0]!.readsPerSecond, 100);
  assert.deepEqual(unitsPerRequest(f.patterns[0]!), { rcu: 1.5, wcu: 1 });
  assert.deepEqual(unitsPerRequest(f.patterns[1]!), { rcu: 1, wcu: 4 });
  assert.match(f.problems[0]!, /broken: no operation/);
});

test('Workbench access patterns are read loosely', () => {
  const parsed = parseDocument({
    uri: 'file:///work/model.json',
    text: JSON.stringify({
      DataModel: [
        {
          TableName: 'Orders',
          AccessPatterns: [
            { Name: 'all', Type: 'Scan' },
            { Name: 'one', Type: 'GetItem', KeyConditionExpression: 'id = :id' },
          ],
        },
      ],
    }),
  });
  const f = readAccessPatterns(parsed.parse.root);
  assert.deepEqual(
    f.patterns.map((p) => [p.name, p.operation, p.table]),
    [
      ['all', 'Scan', 'Orders'],
      ['one', 'GetItem', 'Orders'],
    ],
  );
});

test('binding: by file name, by table field, single-table fallback, never a lone object', () => {
  assert.deepEqual(evidenceKind('file:///a/b/Orders.items.jsonl'), { kind: 'items', table: 'Orders' });
  assert.deepEqual(evidenceKind('C:\\x\\orders.access-patterns.yml'), { kind: 'patterns', table: 'orders' });
  const ts = tables(createTable({ name: 'Orders', hash: 'id' }));
  const doc = { uri: 'file:///work/table.json' };
  const ev = (companions: { uri: string; text: string }[]) => gatherEvidence(doc, ts, companions).get(ts[0]!)!;
  assert.equal(ev([{ uri: 'file:///work/orders.items.json', text: '[{"id":"1"}]' }]).items[0]!.items.length, 1);
  assert.equal(
    ev([{ uri: 'file:///work/sample.json', text: '[{"id":"1"},{"id":"2"}]' }]).items[0]!.items.length,
    2,
    'unnamed file, one table',
  );
  assert.equal(
    ev([{ uri: 'file:///work/other.json', text: '{"id":"1"}' }]).items.length,
    0,
    'a lone object is not a sample',
  );
  assert.equal(ev([{ uri: 'file:///work/Customers.items.json', text: '[{"id":"1"}]' }]).items.length, 0, 'other table');
  const bad = ev([{ uri: 'file:///work/Orders.items.jsonl', text: '{"id":"1"}\nnope\n' }]);
  assert.equal(bad.items[0]!.items.length, 1);
  assert.match(bad.problems[0]!.message, /line 2/);
});

test('unreadable evidence becomes one warning on the table, the rest of the sample is used', () => {
  const found = analyze({
    text: createTable({ name: 'Orders', hash: 'id' }),
    companions: [
      { uri: 'file:///work/Orders.items.jsonl', text: '{"id":"1"}\n{broken\n' },
      { uri: 'file:///work/Orders.access-patterns.yaml', text: 'patterns:\n  - name: x\n' },
    ],
  });
  const msgs = found
    .filter((f) => f.ruleId.endsWith('_SYNTAX_ERROR'))
    .map((f) => `${f.ruleId} ${f.severity} ${f.message}`);
  assert.equal(msgs.length, 2, msgs.join('\n'));
  assert.match(msgs[0]!, /^JSON_SYNTAX_ERROR warning Evidence file Orders\.items\.jsonl for table "Orders": line 2: /);
  assert.match(msgs[1]!, /^YAML_SYNTAX_ERROR warning Evidence file Orders\.access-patterns\.yaml .*x: no operation/);
});

test('CLI-style companions: the language id names the evidence kind', () => {
  const ts = tables(createTable({ name: 'Orders', hash: 'id' }));
  const ev = gatherEvidence({ uri: 'file:///work/table.json' }, ts, [
    { uri: '/tmp/sample.json', text: '{"id":"1"}', languageId: 'items' },
    { uri: '/tmp/ap.yaml', text: 'patterns:\n  - name: all\n    operation: Scan\n', languageId: 'patterns' },
  ]).get(ts[0]!)!;
  assert.equal(ev.items[0]!.items.length, 1, 'an explicit --items file may hold one object');
  assert.equal(ev.patterns.length, 1);
});
