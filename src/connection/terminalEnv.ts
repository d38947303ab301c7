// Terminals wired to the emulator: while the explorer is connected to a local endpoint, the integrated terminal gets
// AWS_ENDPOINT_URL (and each service's own endpoint), the region and the test credentials, so the curriculum's
// `aws …` and `awslocal …` commands reach the emulator as typed. Off with localCloudLab.terminal.environment.
// While "Record my calls" runs, every endpoint variable points at the recording proxy instead.
import * as vscode from 'vscode';
import { connectionEnvironment, describeConnection, routedThrough } from '../aws/connection';
import type { ConnectionMonitor, ConnectionState } from './monitor';

export const TERMINAL_ENV_SETTING = 'localCloudLab.terminal.environment';

/** Where terminals send their AWS calls instead of the emulator: the call recorder's proxy, while it records. */
export class TerminalRoute implements vscode.Disposable {
  private current: string | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  get proxyUrl(): string | undefined {
    return this.current;
  }

  set(proxyUrl: string | undefined): void {
    if (proxyUrl === this.current) return;
    this.current = proxyUrl;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerTerminalEnvironment(
  context: vscode.ExtensionContext,
  monitor: ConnectionMonitor,
  route: TerminalRoute,
): vscode.Disposable {
  const collection = context.environmentVariableCollection;
  // Only for this window's life: a variable left from yesterday's emulator would point terminals at nothing.
  collection.persistent = false;
  let applied = '';
  const apply = (s: ConnectionState): void => {
    const on = vscode.workspace.getConfiguration().get<boolean>(TERMINAL_ENV_SETTING, true);
    // Kept through short outages (the emulator restarting); dropped when the connection is no longer a local one.
    if (s.kind === 'unreachable' || s.kind === 'connecting') return;
    const c = s.kind === 'connected' && s.connection.loopback && on ? s.connection : undefined;
    const proxy = route.proxyUrl;
    const env = c ? connectionEnvironment(proxy ? routedThrough(c, proxy) : c) : {};
    const key = JSON.stringify(env);
    if (key === applied) return;
    applied = key;
    collection.clear();
    for (const [name, value] of Object.entries(env)) collection.replace(name, value);
    collection.description = !c
      ? undefined
      : proxy
        ? `Sends the AWS CLI's and SDKs' calls through the call recorder (${proxy}) to the emulator on ` +
          `${describeConnection(c)}. Stop with "Local Cloud Lab: Stop Recording My Calls".`
        : `Points the AWS CLI, SDKs and awslocal at the emulator on ${describeConnection(c)} (test credentials). ` +
          `Turn off with ${TERMINAL_ENV_SETTING}.`;
  };
  apply(monitor.state);
  return vscode.Disposable.from(
    monitor.onDidChange(apply),
    route.onDidChange(() => apply(monitor.state)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(TERMINAL_ENV_SETTING)) apply(monitor.state);
    }),
  );
}
