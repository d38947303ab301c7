// The labs (issue 13) against a real emulator: each lab's setup.sh builds the starting point with the AWS CLI, and
// none of its walkthrough steps ticks; its solution.sh does the tasks, and then the live graph holds every edge of
// expected.json and every step ticks, through the checks the extension runs (a step that removes a problem, such as a
// role allowing `*`, ticks only once the graph's pattern checks no longer report it). Every lab creates Lambda
// functions. One lab: node --import tsx --test --test-name-pattern serverless-ecommerce test/integration/labs.test.ts
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readWiring } from '../../src/aws/wiring';
import { describeEdge, expectedSteps, missingEdges, presentProblems } from '../../src/graph/expected';
import { checkPatterns } from '../../src/graph/patterns';
import { LAB_IDS, LAB_WIRING } from '../../src/walkthrough/checks/labs';
import { DEFAULT_LOCAL_SERVICES, roundMemo, type CheckEnv } from '../../src/walkthrough/checks/types';
import { folderFiles } from '../../src/walkthrough/files';
import { CHECKS } from '../../src/walkthrough/registry';
import { skipOnLocalStack } from '../support/emulator';
import { useLab } from '../support/fixtures';
import { repoRoot } from '../support/moto';

/** Runs a lab script with the AWS CLI pointed at the emulator; fails the test with the script's output. */
function script(slug: string, name: 'setup.sh' | 'solution.sh', endpoint: string) {
  return spawnSync('bash', [join(repoRoot, 'labs', slug, name)], {
    env: { ...process.env, AWS_ENDPOINT_URL: endpoint, AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-east-1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

function run(slug: string, name: 'setup.sh' | 'solution.sh', endpoint: string): void {
  const r = script(slug, name, endpoint);
  assert.equal(r.status, 0, `${slug}/${name} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
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
        // Steps that remove a problem may find their edges already there (functions on their role): the problem is.
        const removing = new Set((expected.without ?? []).map((w) => w.step));
        const built = expected.edges.filter((e) => !removing.has(e.step)).map(describeEdge);
        const stillMissing = new Set(missingEdges(before, expected).map(describeEdge));
        assert.deepEqual(
          built.filter((e) => !stillMissing.has(e)),
          [],
        );
        for (const step of removing)
          assert.notDeepEqual(presentProblems(before, checkPatterns(before), expected, step), []);
        for (const r of await checkAll(id))
          assert.equal(r.done, false, `${id}.${r.step} ticked after setup: ${r.detail}`);

        run(expected.lab, 'solution.sh', endpoint);
        const after = await readWiring(lab.clients);
        assert.deepEqual(after.failures, []);
        assert.deepEqual(missingEdges(after, expected).map(describeEdge), []);
        assert.deepEqual(presentProblems(after, checkPatterns(after), expected), []);
        for (const r of await checkAll(id)) assert.equal(r.done, true, `${id}.${r.step}: ${r.detail}`);

        run(expected.lab, 'solution.sh', endpoint); // again: the scripts are safe to re-run
        run(expected.lab, 'setup.sh', endpoint);
      },
    );

    it(`${expected.lab}: refuses an endpoint off this machine before touching anything`, () => {
      const r = script(expected.lab, 'setup.sh', 'https://dynamodb.us-east-1.amazonaws.com');
      assert.equal(r.status, 2);
      assert.match(r.stderr, /is not on this machine/);
    });
  }
});
