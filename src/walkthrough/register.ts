// Editor side of the curriculum: commands behind the walkthrough buttons, the exercise scheduler with its context
// keys and per-workspace progress, and the progress dashboard. `registerWalkthroughs` is the one call the
// composition root makes.
import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import { AwsClients } from '../aws/clients';
import { connectionEnvironment, resolveConnection, type ResolvedConnection } from '../aws/connection';
import { WebviewPanels, type PanelHost } from '../webviews/panel';
import type { DashboardToView } from '../webviews/protocol/dashboard';
import { DEFAULT_LOCAL_SERVICES, roundMemo, type CheckEnv, type LocalServices } from './checks/types';
import { LazyComputeClients } from './clients';
import { parseCurriculum, renderTerminalCommand, shortTitle, weekOf, type Curriculum } from './curriculum';
import { buildModel, dashboardKind, openWalkthrough } from './dashboard';
import { folderFiles } from './files';
import { realProbes } from './probes/tcp';
import { loadProgress, type ProgressData } from './progress';
import { MANUAL_STEPS, isWeekId } from './registry';
import { ExerciseScheduler } from './scheduler';
import { describeTables } from './checks/week02';

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
  /** The explorer's connection; without it the checks build clients from the settings (local endpoints only). */
  readonly explorer?: ConnectionSource;
  /** The extension's panel manager; a private one is made when none is passed. */
  readonly panels?: WebviewPanels;
}

/** What `checkNow` returns: the context keys the extension has set and their values (tests read this). */
export interface CheckSummary {
  readonly contexts: Readonly<Record<string, boolean>>;
  readonly progress: ProgressData;
}

/** Settings of the connection, read the way the explorer reads them (user values only in untrusted workspaces). */
function settingsConnection(): ResolvedConnection | undefined {
  const config = vscode.workspace.getConfiguration('localCloudLab');
  const read = <T>(key: string): T | undefined => {
    if (vscode.workspace.isTrusted) return config.get<T>(key);
    const i = config.inspect<T>(key);
    return i?.globalValue ?? i?.defaultValue;
  };
  const r = resolveConnection(
    {
      endpoint: read<string>('endpoint'),
      region: read<string>('region'),
      profile: read<string>('profile'),
      allowRemoteEndpoint: read<boolean>('allowRemoteEndpoint') === true,
      endpoints: read<Record<string, string>>('endpoints'),
    },
    process.env,
  );
  return r.ok ? r.connection : undefined;
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

export function registerWalkthroughs(context: vscode.ExtensionContext, deps: WalkthroughDeps): void {
  const extensionId = context.extension.id;
  const panels = deps.panels ?? new WebviewPanels(context.extensionUri, deps.output);
  if (!deps.panels) context.subscriptions.push(panels);

  // ---- the connection the checks use -------------------------------------------------------------------------
  let ownClients: AwsClients | undefined;
  let compute: LazyComputeClients | undefined;
  const clients = (): AwsClients | undefined => {
    if (deps.explorer) return deps.explorer.clients();
    // No shared monitor: use the settings directly, but only for an endpoint on this machine.
    const c = settingsConnection();
    if (!c || !c.loopback) return undefined;
    if (!ownClients || ownClients.connection.endpoint !== c.endpoint || ownClients.connection.region !== c.region) {
      ownClients?.dispose();
      ownClients = new AwsClients(c);
    }
    return ownClients;
  };
  const connection = (): ResolvedConnection | undefined =>
    deps.explorer?.monitor.state.connection ?? clients()?.connection ?? settingsConnection();
  const reportFailure = (err: unknown): void => deps.explorer?.monitor.reportFailure(err);
  const env = (): CheckEnv => {
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
      compute: {
        autoScaling: () => computeFor().autoScaling(),
        elbv2: () => computeFor().elbv2(),
      },
      probes: realProbes,
      local: localServices(),
      files: folderFiles(folders),
    };
  };
  const computeFor = (): LazyComputeClients => {
    const c = clients();
    if (!c) throw new NotConnectedError();
    if (!compute || compute.connectionOf() !== c.connection) {
      compute?.dispose();
      compute = new LazyComputeClients(c.connection);
    }
    return compute;
  };
  context.subscriptions.push({ dispose: () => (ownClients?.dispose(), compute?.dispose()) });

  // ---- curriculum, progress, scheduler -----------------------------------------------------------------------
  let curriculumPromise: Promise<Curriculum> | undefined;
  const curriculum = (): Promise<Curriculum> =>
    (curriculumPromise ??= readFile(
      vscode.Uri.joinPath(context.extensionUri, 'walkthroughs', 'curriculum.json').fsPath,
      'utf8',
    )
      .then((text) => parseCurriculum(JSON.parse(text)))
      .catch((err: unknown) => {
        curriculumPromise = undefined;
        throw new Error(`Load curriculum failed: ${(err as Error).message}`);
      }));

  const contexts = new Map<string, boolean>();
  let scheduler: ExerciseScheduler | undefined;
  const schedulerReady = curriculum().then((c) => {
    scheduler = new ExerciseScheduler({
      curriculum: c,
      store: {
        read: () => loadProgress(context.workspaceState.get(PROGRESS_KEY)),
        write: async (data) => context.workspaceState.update(PROGRESS_KEY, data),
      },
      env,
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
        if (first)
          deps.output.debug(`Exercise checks: ${errors.length} failed, first: ${String((first as Error).message)}`);
      },
      canRun: (source) => source !== 'emulator' || clients() !== undefined,
    });
    context.subscriptions.push(scheduler);
    return scheduler;
  });
  const ready = (): Promise<ExerciseScheduler> => schedulerReady;
  // Ticks of completed steps survive restarts: set their context keys as soon as the curriculum is read.
  void schedulerReady
    .then(async (s) => {
      await s.restore();
      watchWalkthroughTabs(s);
    })
    .catch((err: unknown) => deps.output.error(String((err as Error).message)));

  const watchWalkthroughTabs = (s: ExerciseScheduler): void => {
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
  };

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
    resetWeek: (week) => resetWeek(week),
    markManual: async (week, step) => (await ready()).markManual(week, step),
    openStep: (week, step) => openWalkthrough(extensionId, week, step),
    setActive: (active) => void ready().then((s) => s.setActive('dashboard', active)),
    isPeriodic: () => scheduler?.isPeriodic ?? false,
    isConnected: () => clients() !== undefined,
  });
  context.subscriptions.push(panels.register(kind));

  const showDashboard = async (focus?: string): Promise<PanelHost<DashboardToView>> => {
    const host = panels.show(kind, focus ? { focus } : {});
    if (focus) {
      const s = await ready();
      host.post({
        type: 'model',
        model: buildModel(await curriculum(), s.progress, {
          periodic: s.isPeriodic,
          connected: clients() !== undefined,
          checking: false,
        }),
        focus,
      });
    }
    return host;
  };

  // ---- commands ----------------------------------------------------------------------------------------------
  const pickWeek = async (placeHolder: string): Promise<string | undefined> => {
    const c = await curriculum();
    const pick = await vscode.window.showQuickPick(
      c.weeks.map((w) => ({ label: w.title, description: w.id, week: w.id })),
      { placeHolder },
    );
    return pick?.week;
  };

  const resetWeek = async (week: string): Promise<void> => {
    const w = weekOf(await curriculum(), week);
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
    await (await ready()).resetWeek(week);
  };

  const typeCommand = async (week?: unknown, id?: unknown): Promise<void> => {
    const c = await curriculum();
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
    const conn = connection();
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
      const env = connectionEnvironment(conn);
      const cwd = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri;
      terminal = vscode.window.createTerminal({ name: terminalName, env, ...(cwd ? { cwd } : {}) });
    }
    terminal.show();
    // Typed, not run: the learner reads it and presses Enter.
    terminal.sendText(text, false);
  };

  const insertSnippet = async (name?: unknown): Promise<void> => {
    const c = await curriculum();
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
    const file = JSON.parse(
      await readFile(vscode.Uri.joinPath(context.extensionUri, ref.file).fsPath, 'utf8'),
    ) as Record<string, { body: string | string[] }>;
    const body = file[key]?.body;
    if (body === undefined) throw new Error(`Open snippet failed: ${key} is not in ${ref.file}`);
    const doc = await vscode.workspace.openTextDocument({ language: ref.language, content: '' });
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    await editor.insertSnippet(new vscode.SnippetString(Array.isArray(body) ? body.join('\n') : body));
  };

  const showTableDesigns = async (week?: unknown): Promise<void> => {
    const aws = clients();
    if (!aws) {
      void vscode.window.showErrorMessage('Show table designs failed: the emulator is not connected');
      return;
    }
    let tables;
    try {
      tables = (await describeTables(aws.dynamodb())).slice(0, 10);
    } catch (err) {
      reportFailure(err);
      void vscode.window.showErrorMessage(`Show table designs failed: ${(err as Error).message}`);
      return;
    }
    if (tables.length === 0) {
      void vscode.window.showInformationMessage('There are no DynamoDB tables in the emulator yet.');
      return;
    }
    for (const t of tables) {
      // DescribeTable's own shape: the DynamoDB analyser reads describe-table output as it reads CreateTable input.
      const doc = await vscode.workspace.openTextDocument({
        language: 'json',
        content: JSON.stringify({ Table: t }, null, 2),
      });
      await vscode.window.showTextDocument(doc, { preview: false });
    }
    const w = typeof week === 'string' && isWeekId(week) ? week : 'week12';
    if (MANUAL_STEPS[w].includes('key-design')) await (await ready()).markManual(w, 'key-design');
  };

  const markDone = async (week?: unknown, step?: unknown): Promise<void> => {
    if (typeof week !== 'string' || !isWeekId(week) || typeof step !== 'string' || !MANUAL_STEPS[week].includes(step)) {
      void vscode.window.showErrorMessage(
        `Mark as done failed: ${String(week)}/${String(step)} is not a step you mark yourself`,
      );
      return;
    }
    await (await ready()).markManual(week, step);
    vscode.window.setStatusBarMessage('$(check) Marked as done', 4000);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('localCloudLab.walkthrough.openDashboard', async () => {
      await showDashboard();
    }),
    vscode.commands.registerCommand(
      'localCloudLab.walkthrough.checkNow',
      async (week?: unknown): Promise<CheckSummary> => {
        const s = await ready();
        const weeks = typeof week === 'string' && isWeekId(week) ? [week] : undefined;
        await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Window, title: weeks ? `Checking ${weeks[0]}` : 'Checking exercises' },
          () => s.checkNow(weeks ? { weeks } : {}),
        );
        if (weeks) {
          const w = weekOf(await curriculum(), weeks[0]!)!;
          const done = w.steps.filter((x) =>
            contexts.get(
              x.kind === 'check' ? `localCloudLab.ex.${w.id}.${x.id}` : `localCloudLab.done.${w.id}.${x.id}`,
            ),
          ).length;
          vscode.window.setStatusBarMessage(`$(checklist) ${w.title}: ${done} of ${w.steps.length} steps done`, 6000);
        }
        return { contexts: Object.fromEntries(contexts), progress: s.progress };
      },
    ),
    vscode.commands.registerCommand('localCloudLab.walkthrough.typeCommand', typeCommand),
    vscode.commands.registerCommand('localCloudLab.walkthrough.insertSnippet', insertSnippet),
    vscode.commands.registerCommand('localCloudLab.walkthrough.openDrill', async (week?: unknown) => {
      const w = typeof week === 'string' && isWeekId(week) ? week : await pickWeek('Week to drill');
      if (w) await showDashboard(w);
    }),
    vscode.commands.registerCommand('localCloudLab.walkthrough.markDone', markDone),
    vscode.commands.registerCommand('localCloudLab.walkthrough.resetWeek', async (week?: unknown) => {
      const w = typeof week === 'string' && isWeekId(week) ? week : await pickWeek('Week whose progress to reset');
      if (w) await resetWeek(w);
    }),
    vscode.commands.registerCommand('localCloudLab.walkthrough.showTableDesigns', showTableDesigns),
  );
}
