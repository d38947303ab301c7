// The curriculum's commands (the buttons in walkthrough steps and on the dashboard) as one table of command id →
// handler. Each handler gets the pieces registerWalkthroughs builds; none keeps state of its own.
import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import type { AwsClients } from '../aws/clients';
import { connectionEnvironment, type ResolvedConnection } from '../aws/connection';
import { describeTableJson, listTableNames } from '../aws/dynamodbSample';
import { renderTerminalCommand, shortTitle, weekOf, type Curriculum } from '../walkthrough/curriculum';
import type { ProgressData } from '../walkthrough/progress';
import { exerciseKey, isWeekId, manualKey, MANUAL_STEPS } from '../walkthrough/registry';
import type { ExerciseScheduler } from '../walkthrough/scheduler';

/** What the commands work with. */
export interface WalkthroughCommandDeps {
  readonly extensionUri: vscode.Uri;
  curriculum(): Promise<Curriculum>;
  /** The scheduler, once the curriculum is read. */
  ready(): Promise<ExerciseScheduler>;
  /** Live clients of the extension's connection, or undefined when not connected. */
  clients(): AwsClients | undefined;
  /** The resolved connection, even while the emulator is not answering; undefined when the settings are unusable. */
  connection(): ResolvedConnection | undefined;
  reportFailure(err: unknown): void;
  /** The context keys set so far, with their values. */
  readonly contexts: ReadonlyMap<string, boolean>;
  /** Opens the dashboard, on one week's drill when `focus` names it. */
  showDashboard(focus?: string): Promise<unknown>;
}

/** What `checkNow` returns: the context keys the extension has set and their values (tests read this). */
export interface CheckSummary {
  readonly contexts: Readonly<Record<string, boolean>>;
  readonly progress: ProgressData;
}

async function pickWeek(deps: WalkthroughCommandDeps, placeHolder: string): Promise<string | undefined> {
  const c = await deps.curriculum();
  const pick = await vscode.window.showQuickPick(
    c.weeks.map((w) => ({ label: w.title, description: w.id, week: w.id })),
    { placeHolder },
  );
  return pick?.week;
}

/** The week named by a command argument, or one the user picks. */
async function weekArg(deps: WalkthroughCommandDeps, week: unknown, placeHolder: string): Promise<string | undefined> {
  return typeof week === 'string' && isWeekId(week) ? week : pickWeek(deps, placeHolder);
}

/** Asks, then forgets one week's recorded progress (the dashboard's Reset button comes here too). */
export async function resetWeek(deps: WalkthroughCommandDeps, week: string): Promise<void> {
  const w = weekOf(await deps.curriculum(), week);
  if (!w) throw new Error(`Reset week failed: ${week} is not a week of the curriculum`);
  const reset = 'Reset progress';
  const answer = await vscode.window.showWarningMessage(
    `Reset your progress in ${w.title}?`,
    {
      modal: true,
      detail:
        'Only the recorded progress of this week is forgotten; the next check finds again whatever still exists. ' +
        'Your buckets, queues, tables and other resources are not touched. ' +
        'Ticks already shown in the walkthrough stay until you also run "Getting Started: Reset Progress".',
    },
    reset,
  );
  if (answer !== reset) return;
  await (await deps.ready()).resetWeek(week);
}

async function checkNow(deps: WalkthroughCommandDeps, week?: unknown): Promise<CheckSummary> {
  const s = await deps.ready();
  const weeks = typeof week === 'string' && isWeekId(week) ? [week] : undefined;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: weeks ? `Checking ${weeks[0]}` : 'Checking exercises' },
    () => s.checkNow(weeks ? { weeks } : {}),
  );
  if (weeks) {
    const w = weekOf(await deps.curriculum(), weeks[0]!)!;
    const done = w.steps.filter((x) =>
      deps.contexts.get(x.kind === 'check' ? exerciseKey(w.id, x.id) : manualKey(w.id, x.id)),
    ).length;
    vscode.window.setStatusBarMessage(`$(checklist) ${w.title}: ${done} of ${w.steps.length} steps done`, 6000);
  }
  return { contexts: Object.fromEntries(deps.contexts), progress: s.progress };
}

async function typeCommand(deps: WalkthroughCommandDeps, week?: unknown, id?: unknown): Promise<void> {
  const c = await deps.curriculum();
  let w = typeof week === 'string' ? weekOf(c, week) : undefined;
  let name = typeof id === 'string' ? id : undefined;
  if (!w || !name || !(name in w.terminal)) {
    const picks = c.weeks.flatMap((x) =>
      Object.entries(x.terminal).map(([k, v]) => ({
        label: k,
        description: shortTitle(x),
        detail: v,
        week: x,
        name: k,
      })),
    );
    const pick = await vscode.window.showQuickPick(picks, {
      placeHolder: 'Command to type in a terminal',
      matchOnDetail: true,
    });
    if (!pick) return;
    w = pick.week;
    name = pick.name;
  }
  const conn = deps.connection();
  if (!conn) {
    void vscode.window.showErrorMessage(
      'Type command failed: the connection settings are not usable (check localCloudLab.endpoint and localCloudLab.region)',
    );
    return;
  }
  const text = renderTerminalCommand(w.terminal[name]!, conn);
  const terminalName = `Local Cloud Lab · ${w.id}`;
  let terminal = vscode.window.terminals.find((t) => t.name === terminalName && t.exitStatus === undefined);
  if (!terminal) {
    const cwd = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri;
    // Endpoints (per service too), region and credentials, so the AWS CLI in it reaches the emulator.
    terminal = vscode.window.createTerminal({
      name: terminalName,
      env: connectionEnvironment(conn),
      ...(cwd ? { cwd } : {}),
    });
  }
  terminal.show();
  // Typed, not run: the learner reads it and presses Enter.
  terminal.sendText(text, false);
}

async function insertSnippet(deps: WalkthroughCommandDeps, name?: unknown): Promise<void> {
  const c = await deps.curriculum();
  let key = typeof name === 'string' && c.snippets[name] ? name : undefined;
  if (!key) {
    const pick = await vscode.window.showQuickPick(
      Object.entries(c.snippets).map(([k, s]) => ({ label: k, description: s.language })),
      { placeHolder: 'Snippet to open' },
    );
    if (!pick) return;
    key = pick.label;
  }
  const ref = c.snippets[key]!;
  const file = JSON.parse(await readFile(vscode.Uri.joinPath(deps.extensionUri, ref.file).fsPath, 'utf8')) as Record<
    string,
    { body: string | string[] }
  >;
  const body = file[key]?.body;
  if (body === undefined) throw new Error(`Open snippet failed: ${key} is not in ${ref.file}`);
  const doc = await vscode.workspace.openTextDocument({ language: ref.language, content: '' });
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  await editor.insertSnippet(new vscode.SnippetString(Array.isArray(body) ? body.join('\n') : body));
}

/** The most tables opened at once. */
const DESIGNS_SHOWN = 10;

async function showTableDesigns(deps: WalkthroughCommandDeps, week?: unknown): Promise<void> {
  const aws = deps.clients();
  if (!aws) {
    void vscode.window.showErrorMessage('Show table designs failed: the emulator is not connected');
    return;
  }
  let designs: string[];
  try {
    const names = await listTableNames(aws, DESIGNS_SHOWN);
    designs = [];
    for (const name of names) designs.push(await describeTableJson(aws, name));
  } catch (err) {
    deps.reportFailure(err);
    void vscode.window.showErrorMessage(`Show table designs failed: ${(err as Error).message}`);
    return;
  }
  if (designs.length === 0) {
    void vscode.window.showInformationMessage('There are no DynamoDB tables in the emulator yet.');
    return;
  }
  for (const content of designs) {
    // DescribeTable's own shape: the DynamoDB analyzer reads describe-table output as it reads CreateTable input.
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content });
    await vscode.window.showTextDocument(doc, { preview: false });
  }
  const w = typeof week === 'string' && isWeekId(week) ? week : 'week12';
  if (MANUAL_STEPS[w].includes('key-design')) await (await deps.ready()).markManual(w, 'key-design');
}

async function markDone(deps: WalkthroughCommandDeps, week?: unknown, step?: unknown): Promise<void> {
  if (typeof week !== 'string' || !isWeekId(week) || typeof step !== 'string' || !MANUAL_STEPS[week].includes(step)) {
    void vscode.window.showErrorMessage(
      `Mark as done failed: ${String(week)}/${String(step)} is not a step you mark yourself`,
    );
    return;
  }
  await (await deps.ready()).markManual(week, step);
  vscode.window.setStatusBarMessage('$(check) Marked as done', 4000);
}

type Handler = (deps: WalkthroughCommandDeps, ...args: unknown[]) => Promise<unknown>;

/** Every walkthrough command. The ids are permanent: walkthrough steps link to them. */
export const WALKTHROUGH_COMMANDS: Readonly<Record<string, Handler>> = {
  'localCloudLab.walkthrough.openDashboard': async (deps) => {
    await deps.showDashboard();
  },
  'localCloudLab.walkthrough.checkNow': checkNow,
  'localCloudLab.walkthrough.typeCommand': typeCommand,
  'localCloudLab.walkthrough.insertSnippet': insertSnippet,
  'localCloudLab.walkthrough.openDrill': async (deps, week) => {
    const w = await weekArg(deps, week, 'Week to drill');
    if (w) await deps.showDashboard(w);
  },
  'localCloudLab.walkthrough.markDone': markDone,
  'localCloudLab.walkthrough.resetWeek': async (deps, week) => {
    const w = await weekArg(deps, week, 'Week whose progress to reset');
    if (w) await resetWeek(deps, w);
  },
  'localCloudLab.walkthrough.showTableDesigns': showTableDesigns,
};
