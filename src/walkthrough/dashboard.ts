// Host side of the progress dashboard: builds the model (all weeks, each exercise as last checked, the next step,
// the drill's questions) from the curriculum and progress, and handles the view's requests.
import * as vscode from 'vscode';
import type { Curriculum } from './curriculum';
import { isComplete, nextStep, statusOf, weekCounts, type ProgressData } from './progress';
import type { PanelHost, PanelKind } from '../webviews/panel';
import {
  dashboardFromView,
  dashboardTarget,
  type DashboardFromView,
  type DashboardModel,
  type DashboardTarget,
  type DashboardToView,
} from '../webviews/protocol/dashboard';

export const DASHBOARD_VIEW_TYPE = 'localCloudLab.dashboard';

/** What the dashboard needs from the rest of the walkthrough feature. */
export interface DashboardActions {
  readonly curriculum: () => Promise<Curriculum>;
  readonly progress: () => ProgressData;
  readonly onDidChange: (listener: () => void) => { dispose(): void };
  readonly checkNow: (week?: string) => Promise<void>;
  readonly resetWeek: (week: string) => Promise<void>;
  readonly markManual: (week: string, step: string) => Promise<void>;
  readonly openStep: (week: string, step?: string) => Promise<void>;
  readonly setActive: (active: boolean) => void;
  readonly isPeriodic: () => boolean;
  readonly isConnected: () => boolean;
}

export function buildModel(
  curriculum: Curriculum,
  data: ProgressData,
  flags: { periodic: boolean; connected: boolean; checking: boolean },
): DashboardModel {
  const next = nextStep(curriculum, data);
  return {
    ...flags,
    weeks: curriculum.weeks.map((w) => {
      const counts = weekCounts(data, w);
      return {
        id: w.id,
        title: w.title,
        done: counts.done,
        total: counts.total,
        questions: w.interview.map((qa) => qa.q),
        steps: w.steps.map((s) => {
          const rec = data.exercises[`${w.id}.${s.id}`];
          const manual = data.manual[`${w.id}.${s.id}`];
          return {
            id: s.id,
            title: s.title,
            kind: s.kind,
            ...(s.source ? { source: s.source } : {}),
            status: statusOf(data, w.id, s),
            detail:
              s.kind === 'manual'
                ? manual
                  ? 'Marked as done'
                  : 'Completes when you mark it done'
                : (rec?.detail ?? ''),
            ...(rec?.checkedAt ? { checkedAt: rec.checkedAt } : {}),
            completed: isComplete(data, w.id, s),
          };
        }),
      };
    }),
    ...(next
      ? { next: { week: next.week.id, step: next.step.id, title: next.step.title, weekTitle: next.week.title } }
      : {}),
  };
}

export function dashboardKind(
  actions: DashboardActions,
): PanelKind<DashboardTarget, DashboardFromView, DashboardToView> {
  return {
    viewType: DASHBOARD_VIEW_TYPE,
    script: 'dashboard',
    title: () => 'Local Cloud Lab: Progress',
    key: () => 'dashboard',
    target: dashboardTarget,
    fromView: dashboardFromView,
    create: (host, target) => new DashboardController(host, target, actions),
  };
}

class DashboardController {
  private checking = false;
  private readonly sub: { dispose(): void };
  private focus: string | undefined;

  constructor(
    private readonly host: PanelHost<DashboardToView>,
    target: DashboardTarget,
    private readonly actions: DashboardActions,
  ) {
    this.focus = target.focus;
    this.sub = actions.onDidChange(() => void this.send());
    actions.setActive(host.visible);
  }

  async onReady(): Promise<void> {
    await this.send(this.focus);
    this.focus = undefined;
  }

  onVisibility(visible: boolean): void {
    this.actions.setActive(visible);
  }

  async onMessage(m: DashboardFromView): Promise<void> {
    switch (m.type) {
      case 'checkNow':
        await this.host.run(0, m.week ? `Checking ${m.week}` : 'Checking every exercise', async () => {
          this.checking = true;
          await this.send();
          try {
            await this.actions.checkNow(m.week);
          } finally {
            this.checking = false;
            await this.send();
          }
        });
        return;
      case 'resetWeek':
        await this.actions.resetWeek(m.week);
        return;
      case 'revealAnswer': {
        const week = (await this.actions.curriculum()).weeks.find((w) => w.id === m.week);
        const qa = week?.interview[m.index];
        if (!qa) throw new Error(`${m.week} has no question ${m.index + 1}`);
        this.host.post({ type: 'answer', week: m.week, index: m.index, text: qa.a });
        return;
      }
      case 'drillDone':
        await this.actions.markManual(m.week, 'interview');
        return;
      case 'openStep':
        await this.actions.openStep(m.week, m.step);
        return;
    }
  }

  private async send(focus?: string): Promise<void> {
    const model = buildModel(await this.actions.curriculum(), this.actions.progress(), {
      periodic: this.actions.isPeriodic(),
      connected: this.actions.isConnected(),
      checking: this.checking,
    });
    this.host.post({ type: 'model', model, ...(focus ? { focus } : {}) });
  }

  dispose(): void {
    this.sub.dispose();
    this.actions.setActive(false);
  }
}

/** The walkthrough id VS Code knows a week by: `<publisher>.<name>#<week>`. */
export function walkthroughId(extensionId: string, week: string): string {
  return `${extensionId}#${week}`;
}

/** Opens a week's walkthrough, on a given step when one is named. */
export async function openWalkthrough(extensionId: string, week: string, step?: string): Promise<void> {
  const category = walkthroughId(extensionId, week);
  await vscode.commands.executeCommand(
    'workbench.action.openWalkthrough',
    // VS Code joins category and step itself (`<category>#<step>`).
    step ? { category, step } : category,
    false,
  );
}
