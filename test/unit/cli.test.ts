// The CLI as CI runs it: `node dist/cli.js` (build first) on temporary files; exit codes, JSON and SARIF shapes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tieringFlag } from '../../server/src/cli/tiering';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(cwd: string, ...args: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonFinding {
  file: string;
  ruleId: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

const BROKEN =
  '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject",}\n  ]\n}\n';
const DENY =
  '{"Version": "2012-10-17", "Statement": [{"Sid": "NoDelete", "Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::my-bucket"}]}\n';

describe('cli check', () => {
  let dir: string;
  const write = (rel: string, text: string): void => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };

  before(() => {
    assert.ok(existsSync(CLI), `${CLI} is missing: run npm run build first`);
    dir = mkdtempSync(join(tmpdir(), 'lcl-cli-'));
    write('policies/broken.json', BROKEN);
    write('policies/deny.json', DENY);
    write(
      'policies/nested/trust.yaml',
      'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Principal: { Service: lambda.amazonaws.com }\n    Action: sts:AssumeRole\n',
    );
    write(
      'policies/main.tf',
      'resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Statement = [{ Effect = "Deny", Action = "s3:*" }] }\n}\n',
    );
    write('policies/node_modules/x/policy.json', BROKEN);
    write('policies/.git/policy.json', BROKEN);
    write('policies/package.json', '{"name": "unrelated", "version": "1.0.0"}\n');
    write('policies/notes.txt', BROKEN);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the fixed JSON shape with 0-based ranges and exits 1 on an error finding', () => {
    const r = run(dir, 'check', '--format', 'json', 'policies/broken.json');
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { findings: JsonFinding[] };
    assert.deepEqual(Object.keys(out), ['findings']);
    const syntax = out.findings.filter((f) => f.ruleId === 'JSON_SYNTAX_ERROR');
    assert.deepEqual(syntax, [
      {
        file: 'policies/broken.json',
        ruleId: 'JSON_SYNTAX_ERROR',
        severity: 'error',
        message: 'Trailing comma is not allowed in JSON',
        range: { start: { line: 3, character: 48 }, end: { line: 3, character: 49 } },
      },
    ]);
    for (const f of out.findings) {
      assert.deepEqual(Object.keys(f), ['file', 'ruleId', 'severity', 'message', 'range']);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(f.severity));
    }
  });

  it('exits 0 exactly when no finding is an error', () => {
    const r = run(dir, 'check', '--format', 'json', 'policies/deny.json');
    const out = JSON.parse(r.stdout) as { findings: JsonFinding[] };
    assert.equal(r.status, out.findings.some((f) => f.severity === 'error') ? 1 : 0);
    assert.ok(!out.findings.some((f) => f.severity === 'error'), JSON.stringify(out.findings));
    assert.equal(r.status, 0);
  });

  it('searches folders recursively, skips node_modules and .git and unrelated files, prints paths as given', () => {
    const r = run(dir, 'check', '--format', 'json', 'policies');
    const files = new Set((JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings.map((f) => f.file));
    assert.ok(files.has('policies/broken.json'));
    assert.ok(files.has('policies/main.tf'), 'HCL syntax error reported');
    for (const f of files) {
      assert.ok(
        !f.includes('node_modules') && !f.includes('.git/') && !f.endsWith('package.json') && !f.endsWith('.txt'),
        f,
      );
    }
    assert.equal(r.status, 1);
  });

  it('prints each file as it was named, whether named alone, inside a named folder or both', () => {
    // Many names at once (as CI passes them from `git ls-files`), one of them also inside a folder named first.
    const names = Array.from({ length: 300 }, (_, i) => `many/p${i}.json`);
    for (const n of names) write(n, BROKEN);
    const r = run(dir, 'check', '--format', 'json', 'many/', ...names, './many/p7.json', 'policies/deny.json');
    const shown = new Set((JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings.map((f) => f.file));
    // Found through the folder argument `many/` first: joined with it, not as named later.
    assert.ok(shown.has('many/p0.json') && shown.has('many/p299.json') && shown.has('many/p7.json'), [...shown].join());
    assert.ok(![...shown].some((f) => f.startsWith('./') || f.includes('//')), [...shown].join());
    const alone = run(dir, 'check', '--format', 'json', './many/p7.json', 'many/p8.json');
    const files = (JSON.parse(alone.stdout) as { findings: JsonFinding[] }).findings.map((f) => f.file);
    assert.deepEqual([...new Set(files)].sort(), ['./many/p7.json', 'many/p8.json']);
  });

  it('raises the TurboFan threshold with a flag the running V8 knows, so nothing is printed on stderr', () => {
    assert.equal(tieringFlag('11.3.244.8-node.38'), '--interrupt-budget=675840');
    assert.equal(tieringFlag('12.4.254.21-node.33'), '--invocation-count-for-turbofan=30000');
    assert.equal(tieringFlag('13.6.233.17-node.53'), '--invocation-count-for-turbofan=30000');
    const name = tieringFlag(process.versions.v8).split('=')[0]!;
    const known = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    assert.ok(known.includes(`  ${name} `), `${name} is not a flag of V8 ${process.versions.v8}`);
    const r = run(dir, 'check', 'policies/deny.json');
    assert.equal(r.stderr, '');
  });

  it('prints text with 1-based positions and a summary', () => {
    const r = run(dir, 'check', 'policies/broken.json');
    assert.match(
      r.stdout,
      /^policies\/broken\.json:4:49: error JSON_SYNTAX_ERROR: Trailing comma is not allowed in JSON$/m,
    );
    assert.match(r.stdout, /\d+ errors?, \d+ warnings?, \d+ info in 1 file\n$/);
  });

  it('writes SARIF 2.1.0 with the structure GitHub code scanning requires', () => {
    const r = run(dir, 'check', '--format', 'sarif', 'policies');
    assert.equal(r.status, 1);
    const sarif = JSON.parse(r.stdout) as {
      version: string;
      $schema: string;
      runs: {
        tool: {
          driver: {
            name: string;
            version: string;
            rules: { id: string; shortDescription: { text: string }; helpUri: string }[];
          };
        };
        results: {
          ruleId: string;
          ruleIndex?: number;
          level: string;
          message: { text: string };
          locations: {
            physicalLocation: {
              artifactLocation: { uri: string; uriBaseId?: string };
              region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
            };
          }[];
        }[];
      }[];
    };
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    assert.equal(sarif.runs.length, 1);
    const { driver } = sarif.runs[0]!.tool;
    assert.equal(driver.name, 'local-cloud-lab');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    const ids = driver.rules.map((x) => x.id);
    assert.equal(new Set(ids).size, ids.length, 'rule ids unique');
    for (const rule of driver.rules) {
      assert.ok(rule.shortDescription.text.length > 0);
      assert.ok(rule.helpUri.endsWith(`/docs/rules/${rule.id}.md`), rule.helpUri);
      assert.doesNotThrow(() => new URL(rule.helpUri));
    }
    const results = sarif.runs[0]!.results;
    assert.ok(results.length > 0);
    for (const res of results) {
      assert.ok(ids.includes(res.ruleId));
      if (res.ruleIndex !== undefined) assert.equal(driver.rules[res.ruleIndex]!.id, res.ruleId);
      assert.ok(['error', 'warning', 'note', 'none'].includes(res.level));
      assert.ok(res.message.text.length > 0);
      const loc = res.locations[0]!.physicalLocation;
      assert.ok(!loc.artifactLocation.uri.startsWith('/') && !loc.artifactLocation.uri.includes('..'));
      assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
      assert.ok(
        loc.region.endLine > loc.region.startLine ||
          (loc.region.endLine === loc.region.startLine && loc.region.endColumn >= loc.region.startColumn),
      );
    }
    const trailing = results.find((x) => x.ruleId === 'JSON_SYNTAX_ERROR')!;
    assert.deepEqual(trailing.locations[0]!.physicalLocation, {
      artifactLocation: { uri: 'policies/broken.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4, startColumn: 49, endLine: 4, endColumn: 50 },
    });
  });

  it('reports an unreadable path, still checks the others, and exits 2', () => {
    const r = run(dir, 'check', '--format', 'json', 'policies/missing.json', 'policies/broken.json');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /Read policies\/missing\.json failed: no such file or folder/);
    const out = JSON.parse(r.stdout) as { findings: JsonFinding[] };
    assert.ok(out.findings.some((f) => f.file === 'policies/broken.json'));
  });

  it('exits 2 on usage errors', () => {
    for (const args of [['lint'], ['check', '--format', 'xml'], ['check', '--bogus'], ['check', '--config']]) {
      const r = run(dir, ...args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /Usage: local-cloud-lab check/);
    }
  });

  it('applies a --config file and rejects a bad one', () => {
    write('off.json', JSON.stringify({ rules: { JSON_SYNTAX_ERROR: 'off' } }));
    write(
      'warn.json',
      JSON.stringify({ overrides: [{ files: 'policies/**', rules: { JSON_SYNTAX_ERROR: 'warning' } }] }),
    );
    write('bad.json', JSON.stringify({ rules: { NO_SUCH_RULE: 'off' } }));
    const off = run(dir, 'check', '--format', 'json', '--config', 'off.json', 'policies/broken.json');
    assert.ok(
      !(JSON.parse(off.stdout) as { findings: JsonFinding[] }).findings.some((f) => f.ruleId === 'JSON_SYNTAX_ERROR'),
    );
    const warn = run(dir, 'check', '--format', 'json', '--config', 'warn.json', 'policies/broken.json');
    const w = (JSON.parse(warn.stdout) as { findings: JsonFinding[] }).findings.find(
      (f) => f.ruleId === 'JSON_SYNTAX_ERROR',
    );
    assert.equal(w?.severity, 'warning');
    const bad = run(dir, 'check', '--config', 'bad.json', 'policies/broken.json');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /NO_SUCH_RULE: no rule has this id/);
  });

  it('prints the version and the IAM data date', () => {
    const r = run(dir, '--version');
    assert.equal(r.status, 0);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.match(
      r.stdout,
      new RegExp(`^local-cloud-lab ${pkg.version.replace(/\./g, '\\.')}, IAM data \\d{4}-\\d{2}-\\d{2} `),
    );
  });
});
