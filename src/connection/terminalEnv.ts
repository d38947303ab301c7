// Terminals wired to the emulator: while the explorer is connected to a local endpoint, the integrated terminal gets
// AWS_ENDPOINT_URL (and each service's own endpoint), the region and the test credentials, so the curriculum's
// `aws …` and `awslocal …` commands reach the emulator as typed. Off with localCloudLab.terminal.environment.
import * as vscode from 'vscode';
import { connectionEnvironment, describeConnection } from '../aws/connection';
import type { ConnectionMonitor, ConnectionState } from './monitor';

export const TERMINAL_ENV_SETTING = 'localCloudLab.terminal.environment';

export function registerTerminalEnvironment(
  context: vscode.ExtensionContext,
  monitor: ConnectionMonitor,
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
    const env = c ? connectionEnvironment(c) : {};
    const key = JSON.stringify(env);
    if (key === applied) return;
    applied = key;
    collection.clear();
    for (const [name, value] of Object.entries(env)) collection.replace(name, value);
    collection.description = c
      ? `Points the AWS CLI, SDKs and awslocal at the emulator on ${describeConnection(c)} (test credentials). ` +
        `Turn off with ${TERMINAL_ENV_SETTING}.`
      : undefined;
  };
  apply(monitor.state);
  return vscode.Disposable.from(
    monitor.onDidChange(apply),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(TERMINAL_ENV_SETTING)) apply(monitor.state);
    }),
  );
}
