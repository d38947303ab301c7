// Progress records and the exercise scheduler: which context keys are set, what survives a restart, what a reset
// forgets, how periodic rounds start and stop, and how failed checks are reported.
import { WEEK_IDS } from '../../src/walkthrough/registry';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Curriculum } from '../../src/walkthrough/curriculum';
import { parseCurriculum, renderTerminalCommand } from '../../src/walkthrough/curriculum';
import {
  EMPTY_PROGRESS,
  contextValues,
  loadProgress,
  markManual,
  nextStep,
  recordOutcome,
  resetWeek,
  type ProgressData,
} from '../../src/walkthrough/progress';
import { ExerciseScheduler, failureReason, type SchedulerDeps } from '../../src/walkthrough/scheduler';
import type { Check, CheckEnv } from '../../src/walkthrough/checks/types';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const curriculum: Curriculum = parseCurriculum({
  weeks: [
    {
      id: 'week01',
      folder: 'walkthroughs/week-01-s3',
      title: 'Week 1 · S3',
      description: '',
      terminal: { mb: 'aws --endpoint-url {endpoint} s3 mb s3://x --region {region}' },
      interview: [{ q: 'Q', a: 'A' }],
      steps: [
        { id: 'bucket', title: 'Bucket', kind: 'check', source: 'emulator' },
        { id: 'versioning', title: 'Versioning', kind: 'check', source: 'emulator' },
        { id: 'interview', title: 'Drill', kind: 'manual' },
      ],
    },
    {
      id: 'week02',
      folder: 'walkthroughs/week-02-x',
      title: 'Week 2 · Tables',
      description: '',
      terminal: {},
      interview: [],
      steps: [{ id: 'table', title: 'Table', kind: 'check', source: 'emulator' }],
    },
  ],
  snippets: {},
});

describe('progress records', () => {
  test('a check that once saw the work keeps the step completed when the resource later goes away', () => {
    let p = recordOutcome(EMPTY_PROGRESS, 'week01', 'bucket', { done: true, detail: 'Buckets: a' }, 1000);
    p = recordOutcome(p, 'week01', 'bucket', { done: false, detail: 'No bucket yet' }, 2000);
    assert.equal(p.exercises['week01.bucket']?.status, 'pending');
    assert.equal(p.exercises['week01.bucket']?.completedAt, 1000);
    assert.equal(new Map(contextValues(curriculum, p)).get('localCloudLab.ex.week01.bucket'), true);
  });

  test('errors are recorded without losing completion', () => {
    let p = recordOutcome(EMPTY_PROGRESS, 'week01', 'bucket', { done: true, detail: '' }, 1);
    p = recordOutcome(p, 'week01', 'bucket', { error: 'Check failed: boom' }, 2);
    assert.equal(p.exercises['week01.bucket']?.status, 'error');
    assert.equal(p.exercises['week01.bucket']?.completedAt, 1);
  });

  test('reset forgets one week only', () => {
    let p = recordOutcome(EMPTY_PROGRESS, 'week01', 'bucket', { done: true, detail: '' }, 1);
    p = markManual(p, 'week01', 'interview', 2);
    p = recordOutcome(p, 'week02', 'table', { done: true, detail: '' }, 3);
    const r = resetWeek(p, 'week01');
    assert.deepEqual(Object.keys(r.exercises), ['week02.table']);
    assert.deepEqual(r.manual, {});
  });

  test('the next step is the first incomplete one in curriculum order', () => {
    let p: ProgressData = EMPTY_PROGRESS;
    assert.equal(nextStep(curriculum, p)?.step.id, 'bucket');
    p = recordOutcome(p, 'week01', 'bucket', { done: true, detail: '' }, 1);
    p = recordOutcome(p, 'week01', 'versioning', { done: true, detail: '' }, 1);
    assert.equal(nextStep(curriculum, p)?.step.id, 'interview');
    p = markManual(p, 'week01', 'interview', 1);
    assert.deepEqual([nextStep(curriculum, p)?.week.id, nextStep(curriculum, p)?.step.id], ['week02', 'table']);
  });

  test('stored data that is not progress becomes empty progress', () => {
    assert.deepEqual(loadProgress(undefined), EMPTY_PROGRESS);
    assert.deepEqual(loadProgress({ version: 2 }), EMPTY_PROGRESS);
    const p = loadProgress({
      version: 1,
      exercises: { 'week01.bucket': { status: 'weird', checkedAt: 1 } },
      manual: 7,
    });
    assert.deepEqual(p, EMPTY_PROGRESS);
  });

  test('terminal commands get the endpoint and region filled in, nothing else', () => {
    const t = curriculum.weeks[0]!.terminal.mb!;
    assert.equal(
      renderTerminalCommand(t + ' ${HOME}', { endpoint: 'http://localhost:4566', region: 'eu-west-1' }),
      'aws --endpoint-url http://localhost:4566 s3 mb s3://x --region eu-west-1 ${HOME}',
    );
  });

  test('a damaged curriculum file is one clear error', () => {
    assert.throws(
      () => parseCurriculum({ weeks: [{ id: 'week13' }] }),
      /weeks\[0\]\.id should be week01 … week12 or a lab id/,
    );
    assert.throws(() => parseCurriculum([]), /curriculum\.json: the file should be/);
  });

  test('the shipped curriculum.json parses', () => {
    const text = readFileSync(join(resolve(__dirname, '..', '..'), 'walkthroughs', 'curriculum.json'), 'utf8');
    const c = parseCurriculum(JSON.parse(text));
    assert.equal(c.weeks.length, WEEK_IDS.length);
  });
});

/** A controllable world for the scheduler: checks answer what the test says, timers fire when the test says. */
function harness(answers: Record<string, () => Promise<{ done: boolean; detail: string }>>) {
  let stored: ProgressData = EMPTY_PROGRESS;
  const contexts: [string, boolean][] = [];
  const calls: string[] = [];
  const intervals: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  const checks: Record<string, Record<string, Check>> = {};
  for (const [key, answer] of Object.entries(answers)) {
    const [week, step] = key.split('.') as [string, string];
    (checks[week] ??= {})[step] = async () => {
      calls.push(key);
      return answer();
    };
  }
  const deps: SchedulerDeps = {
    curriculum,
    checks,
    store: {
      read: () => stored,
      write: async (d) => {
        stored = d;
      },
    },
    env: () => ({}) as CheckEnv,
    setContext: async (k, v) => {
      contexts.push([k, v]);
    },
    now: () => 42,
    timers: {
      setInterval: (fn, ms) => {
        const t = { fn, ms, cancelled: false };
        intervals.push(t);
        return { cancel: () => (t.cancelled = true) };
      },
    },
    intervalMs: () => 15_000,
  };
  return { deps, contexts, calls, intervals, stored: () => stored, set: (d: ProgressData) => (stored = d) };
}

describe('exercise scheduler', () => {
  test('check now records results and sets the context keys of completed steps', async () => {
    const h = harness({
      'week01.bucket': async () => ({ done: true, detail: 'Buckets: lab' }),
      'week01.versioning': async () => ({ done: false, detail: 'No bucket has versioning enabled yet' }),
      'week02.table': async () => ({ done: false, detail: 'none' }),
    });
    const s = new ExerciseScheduler(h.deps);
    await s.checkNow();
    assert.equal(h.stored().exercises['week01.bucket']?.status, 'done');
    assert.equal(h.stored().exercises['week01.versioning']?.detail, 'No bucket has versioning enabled yet');
    assert.deepEqual(
      h.contexts.filter(([, v]) => v).map(([k]) => k),
      ['localCloudLab.ex.week01.bucket'],
    );
  });

  test('restore sets the keys of stored progress (ticks survive a restart)', async () => {
    const h = harness({});
    h.set(
      markManual(
        recordOutcome(EMPTY_PROGRESS, 'week02', 'table', { done: true, detail: '' }, 1),
        'week01',
        'interview',
        1,
      ),
    );
    await new ExerciseScheduler(h.deps).restore();
    const on = h.contexts.filter(([, v]) => v).map(([k]) => k);
    assert.deepEqual(on.sort(), ['localCloudLab.done.week01.interview', 'localCloudLab.ex.week02.table']);
  });

  test('a throwing check is recorded as an error with its reason and reported', async () => {
    const reported: unknown[] = [];
    const h = harness({
      'week01.bucket': async () => {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { name: 'TimeoutError' });
      },
    });
    const s = new ExerciseScheduler({ ...h.deps, onRoundErrors: (e) => reported.push(...e) });
    await s.checkNow({ weeks: ['week01'] });
    assert.equal(h.stored().exercises['week01.bucket']?.status, 'error');
    assert.equal(
      h.stored().exercises['week01.bucket']?.detail,
      'Check failed: TimeoutError: connect ECONNREFUSED 127.0.0.1:4566',
    );
    assert.equal(reported.length, 1);
    assert.equal(failureReason('plain'), 'Check failed: plain');
  });

  test('periodic rounds run while something is open, only for pending steps, and stop when all close', async () => {
    const h = harness({
      'week01.bucket': async () => ({ done: true, detail: 'ok' }),
      'week01.versioning': async () => ({ done: false, detail: 'not yet' }),
    });
    const s = new ExerciseScheduler(h.deps);
    s.setActive('dashboard', true);
    assert.equal(h.intervals.length, 1);
    assert.equal(h.intervals[0]!.ms, 15_000);
    await s.checkNow({ onlyPending: true }); // joins the first round started by setActive
    h.calls.length = 0;
    h.intervals[0]!.fn();
    await s.checkNow({ onlyPending: true });
    assert.ok(!h.calls.includes('week01.bucket'), 'completed steps are not re-checked periodically');
    assert.ok(h.calls.includes('week01.versioning'));
    s.setActive('walkthrough', true);
    s.setActive('dashboard', false);
    assert.equal(h.intervals[0]!.cancelled, false, 'still active for the walkthrough');
    s.setActive('walkthrough', false);
    assert.equal(h.intervals[0]!.cancelled, true);
    assert.equal(s.isPeriodic, false);
  });

  test('overlapping requests are merged into one extra round', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let runs = 0;
    const h = harness({
      'week01.bucket': async () => {
        runs++;
        await gate;
        return { done: false, detail: '' };
      },
    });
    const s = new ExerciseScheduler(h.deps);
    let saves = 0;
    const twoRounds = new Promise<void>((r) => s.onDidChange(() => ++saves === 2 && r()));
    const first = s.checkNow();
    void s.checkNow();
    void s.checkNow();
    release();
    await first;
    // The merged follow-up round runs once after the first.
    await twoRounds;
    assert.equal(runs, 2);
  });

  test('checks that cannot run now are skipped and keep their last result', async () => {
    const h = harness({ 'week01.bucket': async () => ({ done: true, detail: 'Buckets: a' }) });
    h.set(recordOutcome(EMPTY_PROGRESS, 'week01', 'bucket', { done: false, detail: 'No bucket yet' }, 1));
    const s = new ExerciseScheduler({ ...h.deps, canRun: (source) => source !== 'emulator' });
    await s.checkNow();
    assert.deepEqual(h.calls, []);
    assert.equal(h.stored().exercises['week01.bucket']?.detail, 'No bucket yet');
  });

  test('reset clears a week and turns its keys off', async () => {
    const h = harness({ 'week01.bucket': async () => ({ done: true, detail: '' }) });
    const s = new ExerciseScheduler(h.deps);
    await s.checkNow();
    await s.resetWeek('week01');
    assert.deepEqual(h.contexts.at(-1), ['localCloudLab.ex.week01.bucket', false]);
    assert.deepEqual(h.stored().exercises, {});
  });
});
