// Messages between the progress dashboard (webviews/dashboard) and its host (src/walkthrough/dashboard.ts).
// Host → view: DashboardToView. View → host: DashboardFromView, validated by `dashboardFromView` before use.
import { int, literal, obj, optional, str, tagged } from './validate';

// A week (week01 … week12) or a lab (lab-<slug>): the walkthrough ids of src/walkthrough/registry.ts.
const weekId = str({ pattern: /^(week(0[1-9]|1[0-2])|lab-[a-z0-9-]{1,40})$/ });
const stepId = str({ max: 64, pattern: /^[a-z0-9-]+$/ });

export type DashboardStatus = 'done' | 'pending' | 'error' | 'unchecked';

export interface DashboardStep {
  readonly id: string;
  readonly title: string;
  readonly kind: 'check' | 'manual';
  /** What a check looks at (emulator, local service, workspace). */
  readonly source?: string;
  /** What the last check saw. */
  readonly status: DashboardStatus;
  readonly detail: string;
  /** Epoch ms of the last check. */
  readonly checkedAt?: number;
  /** The step counts as completed (a check saw it once, or it was marked). */
  readonly completed: boolean;
}

export interface DashboardWeek {
  readonly id: string;
  readonly title: string;
  readonly done: number;
  readonly total: number;
  readonly steps: readonly DashboardStep[];
  /** Questions of the drill; answers are sent one at a time on request. */
  readonly questions: readonly string[];
}

export interface DashboardModel {
  readonly weeks: readonly DashboardWeek[];
  readonly next?: { readonly week: string; readonly step: string; readonly title: string; readonly weekTitle: string };
  /** Checks run periodically while the dashboard or a walkthrough is open. */
  readonly periodic: boolean;
  /** The emulator answers (emulator checks can run). */
  readonly connected: boolean;
  readonly checking: boolean;
}

export type DashboardToView =
  | { type: 'model'; model: DashboardModel; focus?: string }
  | { type: 'answer'; week: string; index: number; text: string };

export const dashboardFromView = tagged({
  checkNow: obj({ type: literal('checkNow'), week: optional(weekId) }),
  resetWeek: obj({ type: literal('resetWeek'), week: weekId }),
  revealAnswer: obj({ type: literal('revealAnswer'), week: weekId, index: int({ min: 0, max: 99 }) }),
  drillDone: obj({ type: literal('drillDone'), week: weekId }),
  openStep: obj({ type: literal('openStep'), week: weekId, step: optional(stepId) }),
});
export type DashboardFromView = ReturnType<typeof dashboardFromView>;

/** What the panel shows: the whole curriculum, optionally scrolled to one week's drill. */
export interface DashboardTarget {
  readonly focus?: string;
}
export const dashboardTarget = obj({ focus: optional(weekId) });
