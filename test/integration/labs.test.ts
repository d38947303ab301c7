// The labs (issue 13) against a real emulator: each lab's setup.sh builds the starting point with the AWS CLI, and
// none of its walkthrough steps ticks; its solution.sh does the tasks, and then the live graph holds every edge of
// expected.json and every step ticks, through the checks the extension runs. Every lab creates Lambda functions.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readWiring } from '../../src/aws/wiring';
import { describeEdge, expectedSteps, missingEdges } from '../../src/graph/expected';
import { LAB_IDS, LAB_WIRING } from '../../src/walkthrough/checks/labs';
import { DEFAULT_LOCAL_SERVICES, roundMemo, type CheckEnv } from '../../src/walkthrough/checks/types';
import { folderFiles } from '../../src/walkthrough/files';
import { CHECKS } from '../../src/walkthrough/registry';
import { skipOnLocalStack } from '../support/emulator';
import { useLab } from '../support/fixtures';
import { repoRoot } from '../support/moto';

/** Runs a lab script with the AWS CLI pointed at the emulator; fails the test with the script's output. */
function run(slug: string, script: 'setup.sh' | 'solution.sh', endpoint: string): void {
  const r = spawnSync('bash', [join(repoRoot, 'labs', slug, script)], {
    env: { ...process.env, AWS_ENDPOINT_URL: endpoint, AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-east-1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(r.status, 0, `${slug}/${script} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
}

const noProbes: CheckEnv['probes'] = {
  postgres: () => Promise.reject(new Error('not used by lab checks')),
  redis: () => Promise.reject(new Error('not used by lab checks')),
  httpStatus: () => Promise.reject(new Error('not used by lab checks')),
};

describe('labs: setup, then the reference solution, checked through the live graph', () => {
  const lab = useLab();
  const envOf = (): CheckEnv => ({
    aws: lab.clients,
    memo: roundMemo(),
    probes: noProbes,
    local: DEFAULT_LOCAL_SERVICES,
    files: folderFiles([]),
  });
  /** Every step's check result, in one round (one graph read), as the scheduler runs them. */
  const checkAll = async (id: (typeof LAB_IDS)[number]) => {
    const env = envOf();
    return Promise.all(Object.entries(CHECKS[id]).map(async ([step, check]) => ({ step, ...(await check(env)) })));
  };

  for (const id of LAB_IDS) {
    const expected = LAB_WIRING[id];
    it(
      `${expected.lab}: no step ticks after setup.sh; every expected edge and step after solution.sh`,
      skipOnLocalStack('4.14 on the host has no container runtime: new Lambda functions stay Pending'),
      async () => {
        assert.deepEqual(Object.keys(CHECKS[id]), expectedSteps(expected), 'one check per step of expected.json');
        const endpoint = lab.emulator.endpoint;

        run(expected.lab, 'setup.sh', endpoint);
        const before = await readWiring(lab.clients);
        assert.deepEqual(before.failures, []);
        assert.deepEqual(missingEdges(before, expected).map(describeEdge), expected.edges.map(describeEdge));
        for (const r of await checkAll(id))
          assert.equal(r.done, false, `${id}.${r.step} ticked after setup: ${r.detail}`);

        run(expected.lab, 'solution.sh', endpoint);
        const after = await readWiring(lab.clients);
        assert.deepEqual(after.failures, []);
        assert.deepEqual(missingEdges(after, expected).map(describeEdge), []);
        for (const r of await checkAll(id)) assert.equal(r.done, true, `${id}.${r.step}: ${r.detail}`);
      },
    );
  }
});
