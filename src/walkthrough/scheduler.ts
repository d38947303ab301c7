// Runs the exercise checks: on demand ("check now"), and periodically while someone is looking (a walkthrough or the
// dashboard is open). Results go into the progress record, which is saved and turned into context keys.
// No editor API: the extension injects storage, setContext, timers and the check environment.
import type { Curriculum } from './curriculum';
import type { CheckEnv, Check } from './checks/types';
import { CHECKS, exerciseKey, manualKey, type WeekId } from './registry';
import {
  contextValues,
  isComplete,
  markManual,
  recordOutcome,
  resetWeek,
  type CheckOutcome,
  type ProgressData,
} from './progress';

export interface ProgressStore {
  read(): ProgressData;
  write(data: ProgressData): Promise<void>;
}

export interface Timers {
  setInterval(fn: () => void, ms: number): { cancel(): void };
}

export interface SchedulerDeps {
  readonly curriculum: Curriculum;
  readonly store: ProgressStore;
  /** The environment the checks run in; emulator checks fail with a readable reason while it is not connected. */
  readonly env: () => CheckEnv;
  readonly setContext: (key: string, value: boolean) => Promise<void>;
  readonly now: () => number;
  readonly timers: Timers;
  /** Milliseconds between periodic rounds. */
  readonly intervalMs: () => number;
  /**
   * Told once per round about the checks that failed, so the connection monitor can notice a vanished emulator
   * (once, not once per check: a burst of reports would make the connection flap).
   */
  readonly onRoundErrors?: (errors: readonly unknown[]) => void;
  /** Whether checks of a kind can run now; emulator checks are skipped (keeping their last result) while offline. */
  readonly canRun?: (source: 'emulator' | 'local-service' | 'workspace') => boolean;
  /** Checks to run; the registry's by default (tests narrow it). */
  readonly checks?: Readonly<Record<string, Readonly<Record<string, Check>>>>;
  /** How many checks run at the same time. */
  readonly concurrency?: number;
}

export interface CheckRequest {
  /** Weeks to check; all when omitted. */
  readonly weeks?: readonly string[];
  /** Only steps not completed yet (periodic rounds), or every checked step (explicit "check now"). */
  readonly onlyPending?: boolean;
}

type Listener = (data: ProgressData) => void;

/** Readable reason of a failed check, shaped "Check failed: <reason>". */
export function failureReason(err: unknown): string {
  if (err instanceof Error) {
    const name = err.name && err.name !== 'Error' ? `${err.name}: ` : '';
    return `Check failed: ${name}${err.message}`.trim();
  }
  return `Check failed: ${String(err)}`;
}

export class ExerciseScheduler {
  private readonly listeners = new Set<Listener>();
  private readonly active = new Set<string>();
  private timer: { cancel(): void } | undefined;
  private running: Promise<void> | undefined;
  private queued: CheckRequest | undefined;
  private disposed = false;
  /** Context values last sent, so only changes are sent again. */
  private readonly sent = new Map<string, boolean>();

  constructor(private readonly deps: SchedulerDeps) {}

  get progress(): ProgressData {
    return this.deps.store.read();
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Sets the context keys from stored progress (called on activation, so ticks survive restarts). */
  async restore(): Promise<void> {
    await this.publish(this.progress);
  }

  /**
   * Runs checks now. Overlapping calls are merged: while a round runs, the next request waits and runs once after
   * it (wider requests win), so a burst of clicks costs at most two rounds.
   */
  checkNow(request: CheckRequest = {}): Promise<void> {
    if (this.running) {
      this.queued = mergeRequests(this.queued, request);
      return this.running;
    }
    this.running = this.round(request).finally(() => {
      this.running = undefined;
      const next = this.queued;
      this.queued = undefined;
      if (next && !this.disposed) void this.checkNow(next);
    });
    return this.running;
  }

  /** Marks a reason to check periodically (a walkthrough tab, the dashboard); the timer runs while any is set. */
  setActive(reason: string, on: boolean): void {
    if (on) this.active.add(reason);
    else this.active.delete(reason);
    this.updateTimer();
  }

  get isPeriodic(): boolean {
    return this.timer !== undefined;
  }

  /** Re-reads the interval (after a settings change). */
  restartTimer(): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.updateTimer();
  }

  async markManual(week: string, step: string): Promise<void> {
    await this.save(markManual(this.progress, week, step, this.deps.now()));
  }

  /** Forgets a week's progress and clears its context keys; the learner's resources are not touched. */
  async resetWeek(week: string): Promise<void> {
    await this.save(resetWeek(this.progress, week));
  }

  dispose(): void {
    this.disposed = true;
    this.timer?.cancel();
    this.timer = undefined;
    this.listeners.clear();
  }

  private updateTimer(): void {
    if (this.disposed) return;
    if (this.active.size > 0 && !this.timer) {
      this.timer = this.deps.timers.setInterval(
        () => void this.checkNow({ onlyPending: true }),
        this.deps.intervalMs(),
      );
      void this.checkNow({ onlyPending: true });
    } else if (this.active.size === 0 && this.timer) {
      this.timer.cancel();
      this.timer = undefined;
    }
  }

  private async round(request: CheckRequest): Promise<void> {
    const checks = this.deps.checks ?? CHECKS;
    const start = this.progress;
    const jobs: { week: WeekId; step: string; check: Check }[] = [];
    for (const week of this.deps.curriculum.weeks) {
      if (request.weeks && !request.weeks.includes(week.id)) continue;
      for (const step of week.steps) {
        if (step.kind !== 'check') continue;
        const check = checks[week.id]?.[step.id];
        if (!check) continue;
        if (request.onlyPending && isComplete(start, week.id, step)) continue;
        if (this.deps.canRun && !this.deps.canRun(step.source ?? 'emulator')) continue;
        jobs.push({ week: week.id, step: step.id, check });
      }
    }
    if (jobs.length === 0) return;
    const env = this.deps.env();
    const outcomes = new Map<string, CheckOutcome>();
    const errors: unknown[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < jobs.length && !this.disposed) {
        const job = jobs[next++]!;
        let outcome: CheckOutcome;
        try {
          const r = await job.check(env);
          outcome = { done: r.done, detail: r.detail };
        } catch (err) {
          errors.push(err);
          outcome = { error: failureReason(err) };
        }
        outcomes.set(`${job.week}.${job.step}`, outcome);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.deps.concurrency ?? 3, jobs.length) }, () => worker()));
    if (errors.length > 0) this.deps.onRoundErrors?.(errors);
    if (this.disposed) return;
    // Re-read: a reset or a manual mark may have happened while the checks ran.
    let data = this.progress;
    const now = this.deps.now();
    for (const job of jobs) {
      const outcome = outcomes.get(`${job.week}.${job.step}`);
      if (outcome) data = recordOutcome(data, job.week, job.step, outcome, now);
    }
    await this.save(data);
  }

  private async save(data: ProgressData): Promise<void> {
    await this.deps.store.write(data);
    await this.publish(data);
    for (const l of [...this.listeners]) l(data);
  }

  private async publish(data: ProgressData): Promise<void> {
    const updates = contextValues(this.deps.curriculum, data).filter(([k, v]) => this.sent.get(k) !== v);
    for (const [key, value] of updates) {
      this.sent.set(key, value);
      await this.deps.setContext(key, value);
    }
  }
}

function mergeRequests(a: CheckRequest | undefined, b: CheckRequest): CheckRequest {
  if (!a) return b;
  const weeks = a.weeks && b.weeks ? [...new Set([...a.weeks, ...b.weeks])] : undefined;
  return { weeks, onlyPending: (a.onlyPending ?? false) && (b.onlyPending ?? false) };
}

/** The context key a step completes on (checked or manual). */
export function stepContextKey(week: string, step: { id: string; kind: 'check' | 'manual' }): string {
  return step.kind === 'check' ? exerciseKey(week, step.id) : manualKey(week, step.id);
}
