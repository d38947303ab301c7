// `check` over DynamoDB definitions with explicit evidence: --items and --patterns, text / JSON / SARIF.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from '../../../server/src/cli/check';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'lcl-ddb-cli-'));
  writeFileSync(
    join(dir, 'tickets.yaml'),
    [
      'Resources:',
      '  Tickets:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      TableName: Tickets',
      '      ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 10000 }',
      '      KeySchema:',
      '        - AttributeName: ticketStatus',
      '          KeyType: HASH',
      '        - AttributeName: ticketId',
      '          KeyType: RANGE',
      '      AttributeDefinitions:',
      '        - AttributeName: ticketStatus',
      '          AttributeType: S',
      '        - AttributeName: ticketId',
      '          AttributeType: S',
      '',
    ].join('\n'),
  );
  const lines = Array.from({ length: 300 }, (_, i) =>
    JSON.stringify({ ticketStatus: { S: ['OPEN', 'CLOSED', 'PENDING'][i % 3] }, ticketId: { S: `t${i}` } }),
  );
  writeFileSync(join(dir, 'sample.jsonl'), lines.join('\n'));
  writeFileSync(
    join(dir, 'patterns.yaml'),
    'patterns:\n  - name: all tickets\n    operation: Scan\n  - name: open tickets\n    operation: Query\n    keyCondition: ticketStatus = "OPEN"\n    readsPerSecond: 9000\n',
  );
});
after(() => rmSync(dir, { recursive: true, force: true }));

function run(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    cwd: dir,
    version: '0.0.0-test',
    repositoryUrl: 'https://example.invalid/lcl',
    loadIamData: () => {
      throw new Error('no IAM data needed');
    },
  });
  return { code, out, err };
}

test('without evidence: the name heuristic only (a warning, exit 0 or findings)', () => {
  const r = run('check', 'tickets.yaml', '--format', 'json');
  const ids = (JSON.parse(r.out) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
  assert.deepEqual(ids, ['DDB_PK_LOW_CARDINALITY']);
});

test('--items and --patterns turn the heuristic into arithmetic and errors', () => {
  const r = run('check', 'tickets.yaml', '--items', 'sample.jsonl', '--patterns', 'patterns.yaml', '--format', 'json');
  assert.equal(r.code, 1, r.err);
  const findings = (JSON.parse(r.out) as { findings: { ruleId: string; severity: string; message: string }[] })
    .findings;
  const byId = (id: string) => findings.filter((f) => f.ruleId === id);
  assert.equal(byId('DDB_CAPACITY_UNREACHABLE')[0]?.severity, 'error');
  assert.match(
    byId('DDB_CAPACITY_UNREACHABLE')[0]!.message,
    /3 distinct values × 1,000 WCU = 3,000 WCU usable of 10,000/,
  );
  assert.equal(byId('DDB_SAMPLE_SKEW').length, 1);
  assert.equal(byId('DDB_AP_SCAN').length, 1);
  assert.match(byId('DDB_AP_HOT_KEY')[0]!.message, /9,000 reads\/s/);
});

test('SARIF carries the DynamoDB rules and locations', () => {
  const r = run('check', 'tickets.yaml', '--items', 'sample.jsonl', '--format', 'sarif');
  const sarif = JSON.parse(r.out) as {
    runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; locations: unknown[] }[] }[];
  };
  const run0 = sarif.runs[0]!;
  assert.ok(run0.tool.driver.rules.some((x) => x.id === 'DDB_SAMPLE_SKEW'));
  const skew = run0.results.find((x) => x.ruleId === 'DDB_SAMPLE_SKEW');
  assert.ok(skew && skew.locations.length === 1);
});

test('a missing evidence file is a clear error, not a crash', () => {
  const r = run('check', 'tickets.yaml', '--items', 'nope.jsonl');
  assert.notEqual(r.code, 0);
  assert.match(r.err, /nope\.jsonl/);
});
