// Wires the explorer into the editor: connection monitor, status bar, tree view, documents, and the S3, SQS,
// Kinesis, DynamoDB and IAM commands. Returns what other features need (the live AWS clients, the monitor).
import * as vscode from 'vscode';
import { backendLabel, resetEmulator, type BackendInfo } from '../aws/backend';
import { describeError } from '../aws/errors';
import type { AwsClients } from '../aws/clients';
import { registerApiGatewayCommands } from '../commands/apigateway';
import { registerDynamoDbCommands } from '../commands/dynamodb';
import { registerEc2Commands } from '../commands/ec2';
import { registerIamCommands } from '../commands/iam';
import { registerKinesisCommands } from '../commands/kinesis';
import { registerLogsCommands } from '../commands/logs';
import { registerS3Commands } from '../commands/s3';
import { registerSqsCommands } from '../commands/sqs';
import { ModalConfirm, type CommandContext } from '../commands/ui';
import { ReadOnlyDocuments, VIEW_SCHEME } from '../commands/views';
import { registerWorkflowCommands } from '../commands/workflows';
import { ConnectionMonitor } from '../connection/monitor';
import { registerTerminalEnvironment, type TerminalRoute } from '../connection/terminalEnv';
import { EmulatorProcess } from '../connection/emulatorProcess';
import { startEmulator } from '../connection/startEmulator';
import { confirmRemoteEndpoint, ConnectionStatus, readConnectionSettings } from '../connection/status';
import {
  BucketSettingsFileSystem,
  IAM_SCHEME,
  IamDocumentProvider,
  S3_SCHEME,
  S3_SETTINGS_SCHEME,
  S3FileSystem,
} from './documents';
import type { ExplorerNode } from './model';
import { ExplorerTree } from './model/tree';
import { ExplorerProvider } from './provider';
import { createServiceRegistry } from './services';

export const EXPLORER_VIEW_ID = 'localCloudLab.explorer';

export interface ExplorerApi {
  readonly monitor: ConnectionMonitor;
  /** Live clients for the current emulator, or undefined when not connected. Starts connecting if idle. */
  clients(): AwsClients | undefined;
  /** Resolves with live clients once connected (or undefined if the connection is not usable). */
  whenConnected(): Promise<AwsClients | undefined>;
  /** What the emulator is (kind, services, whether LocalStack's SQS peek exists), when connected. */
  backend(): BackendInfo | undefined;
  /** Reloads a service's rows (e.g. 'sqs' after sending a message), or the whole tree. */
  refresh(serviceId?: string): void;
  /** Shows a row in the explorer, selected and focused (the architecture view's "reveal"). */
  reveal(node: ExplorerNode): Promise<void>;
  readonly tree: ExplorerTree;
}

function setting<T>(key: string, fallback: T): T {
  return vscode.workspace.getConfiguration('localCloudLab').get<T>(key) ?? fallback;
}

export function registerExplorer(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
  terminalRoute: TerminalRoute,
): ExplorerApi {
  const monitor = new ConnectionMonitor({
    readSettings: readConnectionSettings,
    env: process.env,
    confirmRemote: confirmRemoteEndpoint,
  });
  const tree = new ExplorerTree(createServiceRegistry(), monitor, {
    pageSize: () => Math.min(1000, Math.max(5, setting('explorer.pageSize', 100))),
  });
  const provider = new ExplorerProvider(tree);
  const view = vscode.window.createTreeView(EXPLORER_VIEW_ID, {
    treeDataProvider: provider,
    canSelectMany: true,
    showCollapseAll: true,
  });
  const status = new ConnectionStatus(monitor, () => tree.hasContent());
  const prompt = new ModalConfirm();
  const ctx: CommandContext = { monitor, tree, output, confirm: prompt.confirm };
  const processes = new EmulatorProcess();
  const views = new ReadOnlyDocuments();
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    // Tests answer modal confirmations and read what was asked; these commands exist only in test mode.
    context.subscriptions.push(
      vscode.commands.registerCommand('localCloudLab.test.answerConfirmations', (answer?: boolean) =>
        prompt.answerWith(answer),
      ),
      vscode.commands.registerCommand('localCloudLab.test.confirmationsAsked', () => [...prompt.asked]),
      vscode.commands.registerCommand('localCloudLab.test.explorerSelection', () => view.selection.map((n) => n.id)),
      vscode.commands.registerCommand('localCloudLab.test.explorerChildren', async (id?: string) => {
        const node = id === undefined ? undefined : tree.nodeById(id);
        return tree.children(node);
      }),
    );
  }

  const logState = monitor.onDidChange((s) => {
    if (s.kind === 'connected') output.info(`Connected to ${s.backend.kind} at ${s.connection.endpoint}`);
    else if (s.kind === 'unreachable')
      output.info(`No emulator at ${s.connection.endpoint}: ${s.reason} (retry ${s.attempt})`);
    else if (s.kind === 'misconfigured') output.warn(`Connection settings: ${s.reason}`);
  });

  context.subscriptions.push(
    view,
    provider,
    status,
    { dispose: () => tree.dispose() },
    { dispose: () => monitor.dispose() },
    { dispose: () => logState.dispose() },
    registerTerminalEnvironment(context, monitor, terminalRoute),
    processes,
    // Collapsing drops the loaded pages below (memory follows the screen); expanding again lists afresh.
    view.onDidCollapseElement((e) => tree.refresh(e.element)),
    vscode.workspace.registerFileSystemProvider(
      S3_SCHEME,
      new S3FileSystem(monitor, () => setting('s3.maxOpenSizeMB', 10) * 1024 * 1024),
      { isCaseSensitive: true },
    ),
    vscode.workspace.registerFileSystemProvider(S3_SETTINGS_SCHEME, new BucketSettingsFileSystem(monitor), {
      isCaseSensitive: true,
    }),
    vscode.workspace.registerTextDocumentContentProvider(IAM_SCHEME, new IamDocumentProvider(monitor)),
    views,
    vscode.workspace.registerTextDocumentContentProvider(VIEW_SCHEME, views),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (
        ['endpoint', 'endpoints', 'region', 'profile', 'allowRemoteEndpoint'].some((k) =>
          e.affectsConfiguration(`localCloudLab.${k}`),
        ) &&
        monitor.state.kind !== 'idle'
      ) {
        void monitor.start();
      }
      if (e.affectsConfiguration('localCloudLab.explorer.pageSize')) tree.refresh();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => monitor.state.kind !== 'idle' && void monitor.start()),
    vscode.commands.registerCommand('localCloudLab.explorer.refresh', (node?: ExplorerNode) => tree.refresh(node)),
    vscode.commands.registerCommand('localCloudLab.explorer.loadMore', async (parentId: string) => {
      const error = await tree.loadMore(parentId);
      if (error) void vscode.window.showErrorMessage(error);
    }),
    vscode.commands.registerCommand('localCloudLab.explorer.stopSearch', (parentId: string) =>
      tree.stopSearch(parentId),
    ),
    vscode.commands.registerCommand('localCloudLab.reconnect', () => monitor.retry()),
    vscode.commands.registerCommand('localCloudLab.startEmulator', () => startEmulator(monitor, processes)),
    vscode.commands.registerCommand('localCloudLab.stopEmulator', () => stopEmulatorCommand(ctx, processes)),
    vscode.commands.registerCommand('localCloudLab.resetEmulator', () => resetEmulatorCommand(ctx)),
    vscode.commands.registerCommand('localCloudLab.connection.menu', async () => {
      const items = [
        { label: '$(refresh) Reconnect now', run: () => monitor.retry() },
        { label: '$(play) Start emulator…', run: () => startEmulator(monitor, processes) },
        { label: '$(debug-stop) Stop emulator…', run: () => stopEmulatorCommand(ctx, processes) },
        { label: '$(trash) Reset emulator…', run: () => resetEmulatorCommand(ctx) },
        {
          label: '$(gear) Connection settings',
          run: () => vscode.commands.executeCommand('workbench.action.openSettings', 'localCloudLab'),
        },
        { label: '$(list-tree) Show explorer', run: () => vscode.commands.executeCommand(`${EXPLORER_VIEW_ID}.focus`) },
        { label: '$(output) Show log', run: async () => output.show(true) },
      ];
      const pick = await vscode.window.showQuickPick(items, { title: 'Local Cloud Lab connection' });
      await pick?.run();
    }),
    vscode.commands.registerCommand('localCloudLab.copyNodeText', async (node?: ExplorerNode) => {
      if (node) await vscode.env.clipboard.writeText(node.label);
    }),
    ...registerS3Commands(ctx),
    ...registerSqsCommands(ctx),
    ...registerKinesisCommands(ctx),
    ...registerDynamoDbCommands(ctx, views),
    ...registerIamCommands(ctx),
    ...registerApiGatewayCommands(ctx, views),
    ...registerLogsCommands(ctx, views),
    ...registerEc2Commands(ctx, views),
    ...registerWorkflowCommands(ctx, views),
  );

  const whenConnected = async (): Promise<AwsClients | undefined> => {
    if (monitor.state.kind === 'idle') void monitor.start();
    const now = monitor.clients();
    if (now) return now;
    return new Promise((resolve) => {
      const sub = monitor.onDidChange((s) => {
        if (s.kind === 'connected' || s.kind === 'misconfigured' || s.kind === 'unreachable') {
          sub.dispose();
          resolve(s.kind === 'connected' ? s.clients : undefined);
        }
      });
    });
  };

  return {
    monitor,
    tree,
    clients: () => {
      if (monitor.state.kind === 'idle') void monitor.start();
      return monitor.clients();
    },
    whenConnected,
    backend: () => (monitor.state.kind === 'connected' ? monitor.state.backend : undefined),
    refresh: (serviceId?: string) => {
      const node = serviceId ? tree.nodeById(`${serviceId}:`) : undefined;
      tree.refresh(node);
    },
    reveal: async (node: ExplorerNode) => {
      await view.reveal(node, { select: true, focus: true, expand: false });
    },
  };
}

/**
 * "Reset Emulator": empties every service of the main emulator through its own reset path (moto, Floci), after a
 * modal that names it. LocalStack community has no such path: say so rather than delete resources one by one.
 */
async function resetEmulatorCommand(ctx: CommandContext): Promise<void> {
  const s = ctx.monitor.state;
  if (s.kind !== 'connected') {
    void vscode.window.showWarningMessage('Reset emulator: not connected to an emulator.');
    return;
  }
  const label = `${backendLabel(s.backend)} at ${s.connection.endpoint}`;
  if (!s.backend.resetPath) {
    void vscode.window.showInformationMessage(
      `${label} has no reset endpoint (LocalStack community keeps its state in memory: restart it to start afresh).`,
    );
    return;
  }
  const elsewhere = Object.keys(s.connection.serviceEndpoints);
  const ok = await ctx.confirm(
    `Delete every resource in ${label}?`,
    'Every bucket, queue, topic, stream, table, role, function, secret and key of this emulator goes at once; ' +
      'this cannot be undone.' +
      (elsewhere.length
        ? ` Services served by their own endpoint (${elsewhere.join(', ')}) are left as they are.`
        : ''),
    'Reset emulator',
  );
  if (!ok) return;
  try {
    await resetEmulator(s.connection.endpoint, s.backend);
  } catch (err) {
    void vscode.window.showErrorMessage(`Reset emulator failed: ${describeError(err)}`);
    return;
  }
  ctx.tree.refresh();
  void vscode.window.showInformationMessage(`${label} is empty.`);
}

/** "Stop Emulator": stops the emulator this extension started (after asking, naming it), and nothing else. */
async function stopEmulatorCommand(ctx: CommandContext, processes: EmulatorProcess): Promise<void> {
  const what = processes.describe();
  if (!what) {
    void vscode.window.showInformationMessage(
      'Local Cloud Lab has not started an emulator in this window; stop yours where it runs.',
    );
    return;
  }
  if (!(await ctx.confirm(`Stop ${what}?`, 'Its in-memory state is lost.', 'Stop emulator'))) return;
  await processes.stop();
  void ctx.monitor.retry();
}
