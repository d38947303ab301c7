// A short, seeded run of the fuzz harness (`npm run fuzz` runs 100,000 documents), and the documents earlier runs
// crashed or stalled on, kept as regression cases.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeDocument } from '../../server/src/core/analyze';
import { globToRegExp } from '../../server/src/core/iam/catalog';
import { parseYaml } from '../../server/src/core/syntax/yaml';
import { loadIamData } from '../../server/src/iamData';
import { runFuzz, summaryLine } from '../support/fuzz';

const data = loadIamData(join(__dirname, '..', '..', 'dist', 'iam-data.json'));
const ctx = { iamData: () => data, options: {} };

test('3,000 generated and mutated documents: nothing escapes, no rule throws, every span is inside', () => {
  const report = runFuzz({ count: 3000, seed: 20261207, data });
  const failures = [...report.escaped, ...report.internal, ...report.outOfRange];
  assert.deepEqual(
    failures.map((f) => `#${f.index} ${f.kind}: ${f.what}`),
    [],
    summaryLine(report),
  );
  assert.equal(report.documents, 3000);
});

test('regression: an action pattern too long for a RegExp is matched without one', () => {
  // Found by the fuzzer: `s3:aaaa…*` over 30,000 characters made V8 refuse the RegExp ("Regular expression too
  // large") and INVALID_ACTION failed with INTERNAL_ERROR.
  const text = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: [`s3:${'a'.repeat(40_000)}*`, 's3:GetObject'], Resource: '*' }],
  });
  const { findings } = analyzeDocument({ uri: 'policy.json', text }, ctx);
  assert.deepEqual(
    findings.filter((f) => f.ruleId === 'INTERNAL_ERROR').map((f) => f.message),
    [],
  );
  assert.ok(findings.some((f) => f.ruleId === 'INVALID_ACTION' && f.message.includes('matches no s3 action')));
  const huge = globToRegExp(`s3:Get${'?'.repeat(3000)}*`);
  assert.equal(huge.test(`s3:Get${'x'.repeat(3000)}Object`), true);
  assert.equal(huge.test('s3:GetObject'), false);
  assert.equal(globToRegExp(`${'*'.repeat(2500)}:GET*`).test('s3:GetObject'), true);
  // Many stars, short pattern: matched without a backtracking RegExp, with the same answers.
  const stars = globToRegExp(`${'a*'.repeat(30)}b`);
  assert.equal(stars.test('a'.repeat(60)), false);
  assert.equal(stars.test(`${'a'.repeat(60)}b`), true);
  assert.equal(globToRegExp('s3:*Get*Object*').test('S3:xGETyObject'), true);
});

test('regression: deeply nested YAML flow collections are refused before the parser stalls on them', () => {
  // Found by the fuzzer: 20,000 nested `[` took the YAML library about half a second.
  const r = parseYaml(`${'['.repeat(20_000)}${']'.repeat(20_000)}`);
  assert.equal(r.root, undefined);
  assert.match(r.problems[0]?.message ?? '', /Nesting deeper than 1000 levels was not parsed/);
  // Brackets inside quotes and comments do not count.
  const quoted = parseYaml(`a: "${'['.repeat(2000)}"\n# ${'{'.repeat(2000)}\nb: [1, [2]]\n`);
  assert.deepEqual(quoted.problems, []);
});
