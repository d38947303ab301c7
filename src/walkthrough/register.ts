// Editor side of the curriculum: the exercise scheduler with its context keys and per-workspace progress, the
// progress dashboard, and the table of walkthrough commands (src/commands/walkthrough.ts). `registerWalkthroughs` is
// the one call the composition root makes.
import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import type { AwsClients } from '../aws/clients';
import type { ResolvedConnection } from '../aws/connection';
import { resetWeek, WALKTHROUGH_COMMANDS, type WalkthroughCommandDeps } from '../commands/walkthrough';
import { WebviewPanels, type PanelHost } from '../webviews/panel';
import type { DashboardToView } from '../webviews/protocol/dashboard';
import { DEFAULT_LOCAL_SERVICES, roundMemo, type CheckEnv, type LocalServices } from './checks/types';
import { parseCurriculum, type Curriculum } from './curriculum';
import { buildModel, dashboardKind, openWalkthrough } from './dashboard';
import { folderFiles } from './files';
import { realProbes } from './probes/tcp';
import { loadProgress } from './progress';
import { ExerciseScheduler } from './scheduler';

export type { CheckSummary } from '../commands/walkthrough';

export const PROGRESS_KEY = 'localCloudLab.walkthrough.progress';

/** The part of the explorer's API the curriculum uses (ExplorerApi from src/explorer/register.ts fits). */
export interface ConnectionSource {
  /** Live clients for the current emulator, or undefined when not connected. */
  clients(): AwsClients | undefined;
  readonly monitor: {
    readonly state: { readonly kind: string; readonly connection?: ResolvedConnection };
    reportFailure(err: unknown): void;
  };
}

export interface WalkthroughDeps {
  readonly output: vscode.LogOutputChannel;
  /** The extension's one connection: the checks use its clients, terminals its endpoint and credentials. */
  readonly explorer: ConnectionSource;
  /** The extension's panel manager; a private one is made when none is passed. */
  readonly panels?: WebviewPanels;
}

function localServices(): LocalServices {
  const raw = vscode.workspace
    .getConfiguration('localCloudLab.walkthrough')
    .get<Partial<LocalServices>>('localServices');
  const out: Record<string, string | number> = { ...DEFAULT_LOCAL_SERVICES };
  for (const [k, v] of Object.entries(raw ?? {})) {
    if (k === 'host' && typeof v === 'string' && v.trim()) out.host = v.trim();
    else if (k in DEFAULT_LOCAL_SERVICES && typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 65536)
      out[k] = v;
  }
  return out as unknown as LocalServices;
}

/** True for the editor tab of an open walkthrough (VS Code gives it no typed input; its label names it). */
export function isWalkthroughTab(tab: { input: unknown; label: string }): boolean {
  return tab.input === undefined && /walkthrough|welcome|get started/i.test(tab.label);
}

class NotConnectedError extends Error {
  constructor() {
    super('the emulator is not connected (see the Local Cloud Lab status bar item)');
    this.name = 'NotConnected';
  }
}

/** Reads curriculum.json once (again after a failure). */
function curriculumLoader(extensionUri: vscode.Uri): () => Promise<Curriculum> {
  let loading: Promise<Curriculum> | undefined;
  return () =>
    (loading ??= readFile(vscode.Uri.joinPath(extensionUri, 'walkthroughs', 'curriculum.json').fsPath, 'utf8')
      .then((text) => parseCurriculum(JSON.parse(text)))
      .catch((err: unknown) => {
        loading = undefined;
        throw new Error(`Load curriculum failed: ${(err as Error).message}`);
      }));
}

/** What one round of checks sees: the explorer's clients, local probes and the workspace folders on disk. */
function checkEnv(clients: () => AwsClients | undefined): CheckEnv {
  const folders = (vscode.workspace.workspaceFolders ?? [])
    .filter((f) => f.uri.scheme === 'file')
    .map((f) => f.uri.fsPath);
  return {
    memo: roundMemo(),
    get aws(): AwsClients {
      const c = clients();
      if (!c) throw new NotConnectedError();
      return c;
    },
    probes: realProbes,
    local: localServices(),
    files: folderFiles(folders),
  };
}

interface SchedulerParts {
  readonly curriculum: Curriculum;
  readonly clients: () => AwsClients | undefined;
  /** Filled with every context key the scheduler sets. */
  readonly contexts: Map<string, boolean>;
}

function makeScheduler(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, parts: SchedulerParts) {
  const { clients, contexts } = parts;
  const scheduler = new ExerciseScheduler({
    curriculum: parts.curriculum,
    store: {
      read: () => loadProgress(context.workspaceState.get(PROGRESS_KEY)),
      write: async (data) => context.workspaceState.update(PROGRESS_KEY, data),
    },
    env: () => checkEnv(clients),
    setContext: async (key, value) => {
      contexts.set(key, value);
      await vscode.commands.executeCommand('setContext', key, value);
    },
    now: () => Date.now(),
    timers: {
      setInterval: (fn, ms) => {
        const t = setInterval(fn, ms);
        return { cancel: () => clearInterval(t) };
      },
    },
    intervalMs: () =>
      Math.max(
        5,
        vscode.workspace.getConfiguration('localCloudLab.walkthrough').get<number>('checkIntervalSeconds') ?? 15,
      ) * 1000,
    // Failed checks are recorded, not reported to the monitor: the explorer watches the connection itself, and
    // reports from periodic rounds on a busy machine made the connection flap (seen in the UI tests).
    onRoundErrors: (errors) => {
      const first = errors.find((e) => !(e instanceof NotConnectedError));
      if (first) output.debug(`Exercise checks: ${errors.length} failed, first: ${String((first as Error).message)}`);
    },
    canRun: (source) => source !== 'emulator' || clients() !== undefined,
  });
  context.subscriptions.push(scheduler);
  return scheduler;
}

/** Keeps the scheduler told whether a walkthrough tab is open, and its timer in step with the interval setting. */
function watchWalkthroughTabs(context: vscode.ExtensionContext, s: ExerciseScheduler): void {
  const update = (): void =>
    s.setActive(
      'walkthrough',
      vscode.window.tabGroups.all.some((g) => g.tabs.some(isWalkthroughTab)),
    );
  update();
  context.subscriptions.push(
    vscode.window.tabGroups.onDidChangeTabs(update),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('localCloudLab.walkthrough.checkIntervalSeconds')) s.restartTimer();
    }),
  );
}

export function registerWalkthroughs(context: vscode.ExtensionContext, deps: WalkthroughDeps): void {
  const panels = deps.panels ?? new WebviewPanels(context.extensionUri, deps.output);
  if (!deps.panels) context.subscriptions.push(panels);
  const clients = (): AwsClients | undefined => deps.explorer.clients();
  const curriculum = curriculumLoader(context.extensionUri);

  // ---- scheduler: checks → context keys, progress per workspace -----------------------------------------------
  const contexts = new Map<string, boolean>();
  let scheduler: ExerciseScheduler | undefined;
  const schedulerReady = curriculum().then(
    (c) => (scheduler = makeScheduler(context, deps.output, { curriculum: c, clients, contexts })),
  );
  const ready = (): Promise<ExerciseScheduler> => schedulerReady;
  // Ticks of completed steps survive restarts: set their context keys as soon as the curriculum is read.
  void schedulerReady
    .then(async (s) => {
      await s.restore();
      watchWalkthroughTabs(context, s);
    })
    .catch((err: unknown) => deps.output.error(String((err as Error).message)));

  // ---- dashboard ---------------------------------------------------------------------------------------------
  const listeners = new Set<() => void>();
  void schedulerReady.then((s) => s.onDidChange(() => listeners.forEach((l) => l())));
  const kind = dashboardKind({
    curriculum,
    progress: () => scheduler?.progress ?? loadProgress(context.workspaceState.get(PROGRESS_KEY)),
    onDidChange: (l) => {
      listeners.add(l);
      return { dispose: () => listeners.delete(l) };
    },
    checkNow: async (week) => (await ready()).checkNow(week ? { weeks: [week] } : {}),
    resetWeek: (week) => resetWeek(commands, week),
    markManual: async (week, step) => (await ready()).markManual(week, step),
    openStep: (week, step) => openWalkthrough(context.extension.id, week, step),
    setActive: (active) => void ready().then((s) => s.setActive('dashboard', active)),
    isPeriodic: () => scheduler?.isPeriodic ?? false,
    isConnected: () => clients() !== undefined,
  });
  context.subscriptions.push(panels.register(kind));

  const showDashboard = async (focus?: string): Promise<PanelHost<DashboardToView>> => {
    const host = panels.show(kind, focus ? { focus } : {});
    if (focus) {
      const s = await ready();
      const status = { periodic: s.isPeriodic, connected: clients() !== undefined, checking: false };
      host.post({ type: 'model', model: buildModel(await curriculum(), s.progress, status), focus });
    }
    return host;
  };

  // ---- commands: one table, registered here --------------------------------------------------------------------
  const commands: WalkthroughCommandDeps = {
    extensionUri: context.extensionUri,
    curriculum,
    ready,
    clients,
    connection: () => deps.explorer.monitor.state.connection,
    reportFailure: (err) => deps.explorer.monitor.reportFailure(err),
    contexts,
    showDashboard,
  };
  for (const [id, run] of Object.entries(WALKTHROUGH_COMMANDS)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => run(commands, ...args)));
  }
}
