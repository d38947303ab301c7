// Progress as plain data: what each check saw last, which steps were ever completed, and which manual steps the
// learner marked. Pure functions over an immutable record; the extension stores it per workspace (workspaceState).
import type { Curriculum, StepInfo, WeekInfo } from './curriculum';
import { exerciseKey, manualKey } from './registry';

export type ExerciseStatus = 'done' | 'pending' | 'error' | 'unchecked';

export interface ExerciseRecord {
  /** What the last check saw. */
  readonly status: Exclude<ExerciseStatus, 'unchecked'>;
  readonly detail: string;
  readonly checkedAt: number;
  /** When a check first saw the work done; kept when the resource later disappears (the walkthrough stays ticked). */
  readonly completedAt?: number;
}

export interface ProgressData {
  readonly version: 1;
  /** Keyed by `<week>.<step>`. */
  readonly exercises: Readonly<Record<string, ExerciseRecord>>;
  readonly manual: Readonly<Record<string, { readonly doneAt: number }>>;
}

export const EMPTY_PROGRESS: ProgressData = { version: 1, exercises: {}, manual: {} };

const id = (week: string, step: string): string => `${week}.${step}`;

/** Reads stored progress; anything unusable becomes empty progress (never an exception). */
export function loadProgress(raw: unknown): ProgressData {
  if (typeof raw !== 'object' || raw === null || (raw as { version?: unknown }).version !== 1) return EMPTY_PROGRESS;
  const r = raw as { exercises?: unknown; manual?: unknown };
  const exercises: Record<string, ExerciseRecord> = {};
  if (typeof r.exercises === 'object' && r.exercises !== null) {
    for (const [k, v] of Object.entries(r.exercises as Record<string, unknown>)) {
      const e = v as Partial<ExerciseRecord> | null;
      if (!e || !['done', 'pending', 'error'].includes(String(e.status)) || typeof e.checkedAt !== 'number') continue;
      exercises[k] = {
        status: e.status as ExerciseRecord['status'],
        detail: typeof e.detail === 'string' ? e.detail : '',
        checkedAt: e.checkedAt,
        ...(typeof e.completedAt === 'number' ? { completedAt: e.completedAt } : {}),
      };
    }
  }
  const manual: Record<string, { doneAt: number }> = {};
  if (typeof r.manual === 'object' && r.manual !== null) {
    for (const [k, v] of Object.entries(r.manual as Record<string, unknown>)) {
      const doneAt = (v as { doneAt?: unknown } | null)?.doneAt;
      if (typeof doneAt === 'number') manual[k] = { doneAt };
    }
  }
  return { version: 1, exercises, manual };
}

export type CheckOutcome = { readonly done: boolean; readonly detail: string } | { readonly error: string };

export function recordOutcome(
  data: ProgressData,
  week: string,
  step: string,
  outcome: CheckOutcome,
  now: number,
): ProgressData {
  const key = id(week, step);
  const before = data.exercises[key];
  const record: ExerciseRecord =
    'error' in outcome
      ? { status: 'error', detail: outcome.error, checkedAt: now, ...completed(before?.completedAt) }
      : {
          status: outcome.done ? 'done' : 'pending',
          detail: outcome.detail,
          checkedAt: now,
          ...completed(before?.completedAt ?? (outcome.done ? now : undefined)),
        };
  return { ...data, exercises: { ...data.exercises, [key]: record } };
}

function completed(at: number | undefined): { completedAt?: number } {
  return at === undefined ? {} : { completedAt: at };
}

export function markManual(data: ProgressData, week: string, step: string, now: number): ProgressData {
  const key = id(week, step);
  if (data.manual[key]) return data;
  return { ...data, manual: { ...data.manual, [key]: { doneAt: now } } };
}

/** Forgets everything recorded for one week (progress only: the learner's resources are untouched). */
export function resetWeek(data: ProgressData, week: string): ProgressData {
  const keep = <T>(rec: Readonly<Record<string, T>>): Record<string, T> =>
    Object.fromEntries(Object.entries(rec).filter(([k]) => !k.startsWith(`${week}.`)));
  return { version: 1, exercises: keep(data.exercises), manual: keep(data.manual) };
}

export function isComplete(data: ProgressData, week: string, step: StepInfo): boolean {
  const key = id(week, step.id);
  return step.kind === 'manual' ? data.manual[key] !== undefined : data.exercises[key]?.completedAt !== undefined;
}

export function statusOf(data: ProgressData, week: string, step: StepInfo): ExerciseStatus {
  if (step.kind === 'manual') return data.manual[id(week, step.id)] ? 'done' : 'pending';
  return data.exercises[id(week, step.id)]?.status ?? 'unchecked';
}

/** The first step, in curriculum order, that is not complete yet. */
export function nextStep(curriculum: Curriculum, data: ProgressData): { week: WeekInfo; step: StepInfo } | undefined {
  for (const week of curriculum.weeks) {
    const step = week.steps.find((s) => !isComplete(data, week.id, s));
    if (step) return { week, step };
  }
  return undefined;
}

export function weekCounts(data: ProgressData, week: WeekInfo): { done: number; total: number } {
  return { done: week.steps.filter((s) => isComplete(data, week.id, s)).length, total: week.steps.length };
}

/** The context keys and values that make VS Code tick completed steps. */
export function contextValues(curriculum: Curriculum, data: ProgressData): [string, boolean][] {
  return curriculum.weeks.flatMap((w) =>
    w.steps.map((s): [string, boolean] => [
      s.kind === 'check' ? exerciseKey(w.id, s.id) : manualKey(w.id, s.id),
      isComplete(data, w.id, s),
    ]),
  );
}
