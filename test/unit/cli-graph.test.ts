// `node dist/cli.js graph` without an emulator (build first): usage errors, the endpoint safety check, a dead
// endpoint, and that `check` does not carry the AWS SDK (the graph is its own lazily loaded bundle). The graph it
// writes from a real wiring is checked in test/integration/wiring.test.ts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'graph', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli graph', () => {
  const cases: [string, string[], RegExp][] = [
    ['no endpoint', [], /^--endpoint is required/],
    [
      'an unknown format',
      ['--endpoint', 'http://localhost:4566', '--format', 'png'],
      /^--format must be json, mermaid, dot or svg/,
    ],
    ['an unknown option', ['--endpoint', 'http://localhost:4566', '--colour'], /^Unknown option "--colour"/],
    ['a bad URL', ['--endpoint', 'localhost:4566'], /must start with http/],
    ['a bad node limit', ['--endpoint', 'http://localhost:4566', '--max-nodes', '0'], /^--max-nodes must be/],
    ['a bad region', ['--endpoint', 'http://localhost:4566', '--region', 'moon'], /not an AWS region name/],
    [
      'a remote endpoint',
      ['--endpoint', 'https://sqs.us-east-1.amazonaws.com'],
      /not on this machine; pass --allow-remote/,
    ],
  ];
  for (const [what, args, message] of cases) {
    it(`refuses ${what} with one line and exit status 2`, () => {
      const r = run(...args);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    });
  }

  it('says the emulator is not answering, exit status 2, nothing on stdout', () => {
    const r = run('--endpoint', 'http://127.0.0.1:9');
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      'Read the wiring at http://127.0.0.1:9 failed: connection refused — is the emulator running?\n',
    );
  });

  it('prints its usage with --help', () => {
    const r = run('--help');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /--format json\|mermaid\|dot\|svg/);
  });

  it('keeps the AWS SDK out of the check bundle', () => {
    const text = readFileSync(CLI, 'utf8');
    assert.ok(!text.includes('SQSClient') && !text.includes('@aws-sdk/client-'), 'dist/cli.js bundles the SDK');
    assert.ok(readFileSync(join(__dirname, '..', '..', 'dist', 'graph-cli.js'), 'utf8').includes('SQSClient'));
  });
});
