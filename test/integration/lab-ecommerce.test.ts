// The serverless e-commerce lab (labs/serverless-ecommerce) against the emulator: setup.sh builds the skeleton with
// the AWS CLI, check.mjs ticks none of the seven tasks; after solution.sh it ticks all of them and the architecture
// graph equals expected-graph.json. Needs `npm run build` (check.mjs runs dist/cli.js graph) and the AWS CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { onLocalStack } from '../support/emulator';
import { useLab } from '../support/fixtures';
import { repoRoot } from '../support/moto';

const LAB = join(repoRoot, 'labs', 'serverless-ecommerce');
const hasAwsCli = spawnSync('aws', ['--version'], { encoding: 'utf8' }).status === 0;

function run(command: string, args: string[]) {
  const r = spawnSync(command, args, {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe(
  'lab: serverless e-commerce',
  {
    skip: onLocalStack
      ? 'LocalStack: 4.14 on the host has no container runtime: new Lambda functions stay Pending'
      : hasAwsCli
        ? false
        : 'the AWS CLI is not installed (setup.sh and solution.sh are AWS CLI scripts)',
  },
  () => {
    const lab = useLab();

    it('the skeleton ticks no task; the solution ticks all seven and the graph equals the target', async () => {
      const endpoint = lab.emulator.endpoint;
      const setup = run('bash', [join(LAB, 'setup.sh'), endpoint]);
      assert.equal(setup.status, 0, setup.stderr);
      const before = run(process.execPath, [join(LAB, 'check.mjs'), endpoint]);
      assert.equal(before.status, 1, before.stderr);
      assert.equal(before.stdout.match(/^· /gm)?.length, 7, before.stdout);
      assert.match(before.stdout, /7 of 7 tasks to go\./);

      const solution = run('bash', [join(LAB, 'solution.sh'), endpoint]);
      assert.equal(solution.status, 0, solution.stderr);
      const after = run(process.execPath, [join(LAB, 'check.mjs'), endpoint, '--diff']);
      assert.equal(after.stdout.match(/^✓ /gm)?.length, 7, after.stdout);
      assert.match(after.stdout, /The graph matches the target \(expected-graph\.json\)\./);
      assert.equal(after.status, 0, after.stdout + after.stderr);
    });

    it('refuses a remote endpoint before touching anything', () => {
      const r = run('bash', [join(LAB, 'setup.sh'), 'https://dynamodb.us-east-1.amazonaws.com']);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /is not on this machine/);
    });
  },
);
