// Progress dashboard (browser side): all twelve weeks with each exercise as last checked, "check now", the next
// step, "reset week", and the interview drill that reveals one answer at a time.
import '../shared/nonce';
import '../shared/elements';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import { html, nothing, render, type TemplateResult } from 'lit';
import { connect } from '../shared/host';
import { addBaseStyles, addStyles } from '../shared/styles';
import { RequestStatus } from '../shared/ui';
import type {
  DashboardFromView,
  DashboardModel,
  DashboardStep,
  DashboardTarget,
  DashboardToView,
  DashboardWeek,
} from '../../src/webviews/protocol/dashboard';
import type { HostCommon } from '../../src/webviews/protocol/common';

interface Drill {
  /** Index of the question on screen. */
  index: number;
  /** Answers received so far, by question index. */
  answers: Record<number, string>;
}

interface ViewState {
  open: string[];
  drills: Record<string, Drill>;
}

const host = connect<DashboardToView | HostCommon, DashboardFromView, DashboardTarget, ViewState>();
const restored = host.restore();
const view: ViewState = (restored?.view as ViewState | undefined) ?? { open: [], drills: {} };
let model: DashboardModel | undefined;
const status = new RequestStatus();
let scrollTo: string | undefined;

addBaseStyles();
addStyles(`
  .summary { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin: 8px 0 12px; }
  .next { border: 1px solid var(--vscode-focusBorder); border-radius: 4px; padding: 8px 12px; margin: 8px 0 16px; }
  .steps { list-style: none; padding: 0; margin: 4px 0 8px; }
  .steps li { display: grid; grid-template-columns: 1.6em 1fr auto; gap: 2px 8px; padding: 4px 0; border-bottom: 1px solid var(--vscode-widget-border, transparent); }
  .steps .icon { font-weight: bold; }
  .steps .detail { grid-column: 2 / 4; color: var(--vscode-descriptionForeground); font-size: 0.92em; }
  .done .icon { color: var(--vscode-testing-iconPassed, #3c9); }
  .error .icon { color: var(--vscode-errorForeground); }
  .pending .icon, .unchecked .icon { color: var(--vscode-descriptionForeground); }
  .when { color: var(--vscode-descriptionForeground); font-size: 0.85em; white-space: nowrap; }
  .drill { margin: 8px 0 4px; padding: 8px 12px; background: var(--vscode-textBlockQuote-background); border-left: 3px solid var(--vscode-textBlockQuote-border); }
  .drill .q { font-weight: 600; margin: 4px 0 8px; }
  .drill .a { margin: 8px 0; white-space: pre-wrap; }
  .week-actions { display: flex; gap: 6px; flex-wrap: wrap; margin: 6px 0; }
  vscode-collapsible { margin: 6px 0; }
`);

function save(): void {
  host.save({}, view);
}

function send(message: DashboardFromView): void {
  status.error = undefined;
  host.post(message);
  draw();
}

function icon(step: DashboardStep): string {
  if (step.status === 'done') return '✓';
  if (step.status === 'error') return '!';
  if (step.completed) return '✓';
  return step.status === 'pending' ? '○' : '·';
}

function when(ms: number | undefined): TemplateResult | typeof nothing {
  if (!ms) return nothing;
  const d = new Date(ms);
  return html`<span class="when" title=${d.toISOString()}>checked ${d.toLocaleTimeString()}</span>`;
}

function stepLine(week: DashboardWeek, step: DashboardStep): TemplateResult {
  const label =
    step.kind === 'manual'
      ? 'completes when marked'
      : step.source === 'local-service'
        ? 'checked on this machine'
        : step.source === 'workspace'
          ? 'checked in the workspace'
          : 'checked in the emulator';
  const note =
    step.completed && step.status !== 'done' && step.kind === 'check'
      ? ' (completed earlier; the last check did not find it)'
      : '';
  return html`<li class=${step.completed ? 'done' : step.status} data-step=${`${week.id}.${step.id}`}>
    <span class="icon" aria-hidden="true">${icon(step)}</span>
    <span
      ><a
        href="#"
        @click=${(e: Event) => (e.preventDefault(), send({ type: 'openStep', week: week.id, step: step.id }))}
        >${step.title}</a
      >
      <span class="when">· ${label}</span></span
    >
    ${when(step.checkedAt)}
    <span class="detail"
      >${step.detail ? `${step.detail}${note}` : step.kind === 'check' ? 'Not checked yet' : ''}</span
    >
  </li>`;
}

function drill(week: DashboardWeek): TemplateResult {
  const d = view.drills[week.id] ?? { index: 0, answers: {} };
  const total = week.questions.length;
  if (total === 0) return html``;
  const i = Math.min(d.index, total - 1);
  const answer = d.answers[i];
  const last = i === total - 1;
  return html`<div class="drill" id=${`drill-${week.id}`}>
    <div class="sub">Interview drill · question ${i + 1} of ${total}</div>
    <div class="q">${week.questions[i]}</div>
    ${
      answer === undefined
        ? html`<vscode-button
            @click=${() => send({ type: 'revealAnswer', week: week.id, index: i })}
            aria-label=${`Show the answer to question ${i + 1}`}
            >Show our answer</vscode-button
          >`
        : html`<div class="a" role="region" aria-label="Our answer">${answer}</div>
            ${
              last
                ? html`<vscode-button @click=${() => send({ type: 'drillDone', week: week.id })}
                    >I have practised this drill</vscode-button
                  >`
                : html`<vscode-button
                    @click=${() => {
                      view.drills[week.id] = { ...d, index: i + 1 };
                      save();
                      draw();
                    }}
                    >Next question</vscode-button
                  >`
            }`
    }
    ${
      i > 0
        ? html`<vscode-button
            secondary
            @click=${() => {
              view.drills[week.id] = { ...d, index: i - 1 };
              save();
              draw();
            }}
            >Previous</vscode-button
          >`
        : nothing
    }
  </div>`;
}

function weekSection(week: DashboardWeek): TemplateResult {
  const open = view.open.includes(week.id);
  return html`<vscode-collapsible
    id=${`week-${week.id}`}
    title=${week.title}
    description=${`${week.done} of ${week.total}`}
    ?open=${open}
    @vsc-collapsible-toggle=${(e: CustomEvent<{ open: boolean }>) => {
      view.open = e.detail.open ? [...new Set([...view.open, week.id])] : view.open.filter((x) => x !== week.id);
      save();
    }}
  >
    <div>
      <div class="week-actions">
        <vscode-button @click=${() => send({ type: 'checkNow', week: week.id })}>Check this week</vscode-button>
        <vscode-button secondary @click=${() => send({ type: 'openStep', week: week.id })}
          >Open walkthrough</vscode-button
        >
        <vscode-button secondary @click=${() => send({ type: 'resetWeek', week: week.id })}>Reset week…</vscode-button>
      </div>
      <ul class="steps">
        ${week.steps.map((s) => stepLine(week, s))}
      </ul>
      ${drill(week)}
    </div>
  </vscode-collapsible>`;
}

function draw(): void {
  const app = document.getElementById('app')!;
  if (!model) {
    render(
      html`<h1>Progress</h1>
        <vscode-progress-ring></vscode-progress-ring>`,
      app,
    );
    return;
  }
  const done = model.weeks.reduce((n, w) => n + w.done, 0);
  const total = model.weeks.reduce((n, w) => n + w.total, 0);
  const next = model.next;
  const labs = model.weeks.filter((w) => w.id.startsWith('lab-')).length;
  const across = `${model.weeks.length - labs} weeks` + (labs ? ` and ${labs} lab${labs === 1 ? '' : 's'}` : '');
  render(
    html`<h1>Progress</h1>
      <div class="summary">
        <vscode-badge>${done} / ${total}</vscode-badge>
        <span>steps done across ${across}</span>
        <vscode-button ?disabled=${model.checking} @click=${() => send({ type: 'checkNow' })}>Check now</vscode-button>
        <span class="sub"
          >${model.connected ? 'Emulator connected' : 'Emulator not connected: emulator exercises cannot be checked'} ·
          ${model.periodic ? 'checking periodically while open' : 'checks on demand'}</span
        >
      </div>
      ${status.lines(host.post)}
      ${
        next
          ? html`<div class="next">
              <div class="sub">Next step</div>
              <strong>${next.weekTitle}</strong> — ${next.title}
              <vscode-button @click=${() => send({ type: 'openStep', week: next.week, step: next.step })}
                >Open step</vscode-button
              >
            </div>`
          : html`<div class="next">Every step of every week is done.</div>`
      }
      ${model.weeks.map(weekSection)}`,
    app,
  );
  if (scrollTo) {
    document.getElementById(`drill-${scrollTo}`)?.scrollIntoView({ block: 'center' });
    scrollTo = undefined;
  }
}

host.start((m) => {
  switch (m.type) {
    case 'model':
      model = m.model;
      if (m.focus) {
        view.open = [...new Set([...view.open, m.focus])];
        scrollTo = m.focus;
        save();
      }
      break;
    case 'answer': {
      const d = view.drills[m.week] ?? { index: m.index, answers: {} };
      view.drills[m.week] = { ...d, answers: { ...d.answers, [m.index]: m.text } };
      save();
      break;
    }
    default:
      status.take(m);
  }
  draw();
});
draw();
