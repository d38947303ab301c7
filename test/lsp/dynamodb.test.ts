// DynamoDB over the language server protocol: the real server bundle, a table definition on disk with a sample
// items file beside it (found by the companion convention), diagnostics, quick fixes, hover and code lenses.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { startServer, type LspSession } from '../support/lsp';

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };

const table = JSON.stringify(
  {
    TableName: 'Orders',
    KeySchema: [{ AttributeName: 'customerId', KeyType: 'HASH' }],
    AttributeDefinitions: [
      { AttributeName: 'customerId', AttributeType: 'S' },
      { AttributeName: 'status', AttributeType: 'S' },
    ],
    BillingMode: 'PROVISIONED',
    ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 4000 },
    GlobalSecondaryIndexes: [
      {
        IndexName: 'ByStatus',
        KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'KEYS_ONLY' },
        ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 4000 },
      },
    ],
  },
  null,
  2,
);

describe('language server protocol: DynamoDB', () => {
  let server: LspSession;
  let dir: string;
  let uri: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lcl-ddb-lsp-'));
    // 70% of the sample belongs to one customer; statuses cycle through three values.
    const lines = Array.from({ length: 300 }, (_, i) =>
      JSON.stringify({ customerId: { S: i % 10 < 7 ? 'whale' : `c${i}` }, status: { S: ['A', 'B', 'C'][i % 3] } }),
    );
    writeFileSync(join(dir, 'Orders.items.jsonl'), lines.join('\n'));
    uri = pathToFileURL(join(dir, 'orders.json')).toString();
    writeFileSync(join(dir, 'orders.json'), table);
    server = await startServer({ workspaceFolder: pathToFileURL(dir).toString() });
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('diagnostics come from the schema and from the sample items beside the file', async () => {
    const diagnostics = await server.open(uri, table);
    const codes = diagnostics.map((d) => String(d.code)).sort();
    assert.ok(codes.includes('DDB_GSI_PK_LOW_CARDINALITY'), codes.join());
    assert.ok(codes.includes('DDB_NO_SORT_KEY_ONE_TO_MANY'), codes.join());
    const skew = diagnostics.filter((d) => d.code === 'DDB_SAMPLE_SKEW');
    assert.equal(skew.length, 2, codes.join());
    assert.ok(skew.some((d) => /"whale" holds 70%/.test(d.message)));
    const cap = diagnostics.find((d) => d.code === 'DDB_CAPACITY_UNREACHABLE');
    assert.ok(cap, codes.join());
    assert.match(cap.message, /3 distinct values × 1,000 WCU = 3,000 WCU usable of 4,000 provisioned/);
    assert.equal(cap.severity, 1, 'evidence-backed: an error');
  });

  test('a quick fix adds the sort key and the re-analysis drops the finding', async () => {
    const diagnostics = await server.open(uri, table);
    const d = diagnostics.find((x) => x.code === 'DDB_NO_SORT_KEY_ONE_TO_MANY');
    assert.ok(d);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as { title: string; edit?: { changes: Record<string, { range: Range; newText: string }[]> } }[];
    const fix = actions.find((a) => a.edit && /sort key "orderId"/.test(a.title));
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    const fixed = applyEdits(table, fix.edit!.changes[uri]!);
    assert.deepEqual(JSON.parse(fixed).KeySchema[1], { AttributeName: 'orderId', KeyType: 'RANGE' });
    const after = await server.change(uri, fixed);
    assert.ok(!after.some((x) => x.code === 'DDB_NO_SORT_KEY_ONE_TO_MANY'));
    assert.ok(!after.some((x) => x.code === 'DDB_ATTRIBUTE_DEFINITION_MISMATCH'));
  });

  test('hover on the partition key shows the partition arithmetic', async () => {
    await server.open(uri, table);
    const at = positionOf(table, '"customerId"');
    const hover = (await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: at.line, character: at.character + 3 },
    })) as { contents: { value: string } } | null;
    assert.ok(hover);
    assert.match(hover.contents.value, /partition key of table `Orders`/);
    assert.match(hover.contents.value, /at least \*\*4\*\* evenly used key values/);
    assert.match(hover.contents.value, /Sample: 300 items/);
  });

  test('code lens on the table: partitions and distinct values needed', async () => {
    await server.open(uri, table);
    const lenses = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as {
      range: Range;
      command?: { title: string };
    }[];
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(
      titles.some((t) => /Partitions for its capacity: ≥ 4 .*distinct key values needed: ≥ 4/.test(t)),
      JSON.stringify(titles),
    );
  });
});

function positionOf(text: string, needle: string): { line: number; character: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  }
  return out;
}
