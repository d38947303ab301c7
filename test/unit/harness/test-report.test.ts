// The npm test orchestrator's pure parts: flag parsing, TAP counters, layer verdicts and the summary line.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, test } from 'node:test';
import type * as Report from '../../../scripts/lib/test-report.mjs';

let r: typeof Report;
before(async () => {
  r = (await import(
    pathToFileURL(join(__dirname, '..', '..', '..', 'scripts', 'lib', 'test-report.mjs')).href
  )) as typeof Report;
});

describe('test orchestrator', () => {
  test('flags select layers in their fixed order; --no-lint drops lint', () => {
    assert.deepEqual(r.parseFlags([]).selected, ['typecheck', 'lint', 'unit', 'lsp', 'integration', 'vscode', 'e2e']);
    assert.deepEqual(r.parseFlags(['--layer', 'lsp,unit']).selected, ['unit', 'lsp']);
    assert.deepEqual(r.parseFlags(['--layer=e2e,lint', '--no-lint']).selected, ['e2e']);
    assert.deepEqual(r.parseFlags(['--no-lint', '--no-typecheck']).selected, [
      'unit',
      'lsp',
      'integration',
      'vscode',
      'e2e',
    ]);
    assert.throws(() => r.parseFlags(['--layer', 'unti']), /unknown layer\(s\): unti/);
    assert.throws(() => r.parseFlags(['--fast']), /unknown flag: --fast/);
    assert.throws(() => r.parseFlags(['--layer', '']), /needs a list/);
  });

  test('--backend: both by default; localstack alone runs the emulator layers; unknown backends refused', () => {
    assert.equal(r.parseFlags([]).backend, 'both');
    assert.deepEqual(r.parseFlags(['--backend', 'localstack']), {
      help: false,
      backend: 'localstack',
      selected: ['integration', 'vscode', 'e2e'],
    });
    assert.deepEqual(r.parseFlags(['--backend=localstack', '--layer', 'integration']).selected, ['integration']);
    assert.equal(r.parseFlags(['--backend', 'moto']).selected.length, 7);
    assert.throws(() => r.parseFlags(['--backend', 'floci']), /unknown backend: floci/);
  });

  test('skips are read from TAP with their reasons; on LocalStack a skip does not fail CI', () => {
    const tap = [
      'ok 1 - a',
      '    ok 2 - week04.asg: not done # SKIP LocalStack: community edition has no Auto Scaling or ELBv2 API',
      'ok 3 - Lambda \\# things # SKIP',
      'ok 4 - plain',
    ].join('\n');
    assert.deepEqual(r.parseTapSkips(tap), [
      { test: 'week04.asg: not done', reason: 'LocalStack: community edition has no Auto Scaling or ELBv2 API' },
      { test: 'Lambda # things', reason: '' },
    ]);
    const counts = { passed: 3, failed: 0, skipped: 1 };
    assert.equal(r.verdict(counts, { ci: true }).ok, false);
    assert.equal(r.verdict(counts, { ci: true, skipsAllowed: true }).ok, true);
  });

  test('TAP summary counters: cancelled counts as failed, todo as skipped', () => {
    const tap = [
      'TAP version 13',
      'ok 1 - a',
      '1..3',
      '# tests 7',
      '# suites 1',
      '# pass 3',
      '# fail 1',
      '# cancelled 1',
      '# skipped 1',
      '# todo 1',
      '# duration_ms 12.5',
    ].join('\n');
    assert.deepEqual(r.parseTap(tap), { passed: 3, failed: 2, skipped: 2 });
    assert.equal(r.parseTap('TAP version 13\nnot ok 1 - crashed\n'), undefined);
  });

  test('a layer fails on failures, on zero tests, on a bad exit, and on skips only in CI', () => {
    assert.equal(r.verdict({ passed: 5, failed: 0, skipped: 0 }).ok, true);
    assert.equal(r.verdict({ passed: 5, failed: 1, skipped: 0 }).ok, false);
    const none = r.verdict({ passed: 0, failed: 0, skipped: 0 });
    assert.equal(none.ok, false);
    assert.match(none.note, /ran 0 tests/);
    const crashed = r.verdict({ passed: 4, failed: 0, skipped: 0 }, { exitCode: 1 });
    assert.equal(crashed.ok, false);
    assert.equal(crashed.counts.failed, 1);
    assert.equal(r.verdict({ passed: 4, failed: 0, skipped: 1 }).ok, true);
    const ci = r.verdict({ passed: 4, failed: 0, skipped: 1 }, { ci: true });
    assert.equal(ci.ok, false);
    assert.match(ci.note, /skipped tests in CI/);
  });

  test('summary line and table', () => {
    assert.equal(r.summaryLine({ passed: 12, failed: 0, skipped: 0 }), '12 passed, 0 failed');
    assert.equal(r.summaryLine({ passed: 12, failed: 1, skipped: 2 }), '12 passed, 1 failed, 2 skipped');
    assert.equal(r.formatTime(1234), '1.2s');
    assert.equal(r.formatTime(125_000), '2m05s');
    const table = r.formatTable([
      { name: 'build', ok: true, ms: 900 },
      { name: 'unit', ok: false, ms: 3000, counts: { passed: 9, failed: 1, skipped: 0 }, note: 'x' },
    ]);
    const lines = table.split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[2]!, /^unit\s+FAIL\s+9\s+1\s+0\s+3\.0s {2}x$/);
  });
});
