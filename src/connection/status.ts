// The editor face of the connection: status-bar item, context keys for the welcome view, the remote-endpoint
// confirmation, and the settings the monitor reads (workspace values are ignored in untrusted workspaces).
import * as vscode from 'vscode';
import { backendLabel } from '../aws/backend';
import { describeConnection, type ConnectionSettings, type ResolvedConnection } from '../aws/connection';
import type { ConnectionMonitor, ConnectionState } from './monitor';

export const CONNECTION_CONTEXT_KEY = 'localCloudLab.connection';
export const HAS_TREE_CONTEXT_KEY = 'localCloudLab.explorerHasContent';

/** Reads a setting; in an untrusted workspace only the user's own (global) value counts. */
function read<T>(key: string): T | undefined {
  const config = vscode.workspace.getConfiguration('localCloudLab');
  if (vscode.workspace.isTrusted) return config.get<T>(key);
  const i = config.inspect<T>(key);
  return i?.globalValue ?? i?.defaultValue;
}

export function readConnectionSettings(): ConnectionSettings {
  return {
    endpoint: read<string>('endpoint'),
    region: read<string>('region'),
    profile: read<string>('profile'),
    allowRemoteEndpoint: read<boolean>('allowRemoteEndpoint') === true,
    endpoints: read<Record<string, string>>('endpoints'),
  };
}

export async function confirmRemoteEndpoint(c: ResolvedConnection): Promise<boolean> {
  const use = 'Use this endpoint';
  const answer = await vscode.window.showWarningMessage(
    `Connect Local Cloud Lab to ${c.endpoint}?`,
    {
      modal: true,
      detail:
        `${c.endpoint} is not on this machine. If it is real AWS, explorer actions (delete bucket, purge queue…) ` +
        `change real resources in ${c.region}` +
        (c.credentials.kind === 'profile' ? ` with the credentials of profile "${c.credentials.profile}".` : '.'),
    },
    use,
  );
  return answer === use;
}

export class ConnectionStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'localCloudLab.connection',
    vscode.StatusBarAlignment.Left,
    50,
  );
  private readonly sub: { dispose(): void };
  private countdown: ReturnType<typeof setInterval> | undefined;

  constructor(
    monitor: ConnectionMonitor,
    private readonly hasTree: () => boolean,
  ) {
    this.item.name = 'Local Cloud Lab connection';
    this.item.command = 'localCloudLab.connection.menu';
    this.sub = monitor.onDidChange((s) => this.render(s));
    this.render(monitor.state);
  }

  private render(s: ConnectionState): void {
    void vscode.commands.executeCommand('setContext', CONNECTION_CONTEXT_KEY, s.kind);
    void vscode.commands.executeCommand('setContext', HAS_TREE_CONTEXT_KEY, this.hasTree());
    if (this.countdown) clearInterval(this.countdown);
    this.countdown = undefined;
    this.item.backgroundColor = undefined;
    switch (s.kind) {
      case 'idle':
        this.item.hide();
        return;
      case 'misconfigured':
        this.item.text = '$(error) Local Cloud Lab';
        this.item.tooltip = `Connection settings need attention: ${s.reason}`;
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        break;
      case 'needsConfirmation':
        this.item.text = '$(warning) Confirm remote endpoint';
        this.item.tooltip = `${s.connection.endpoint} is not on this machine and needs your confirmation.`;
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
      case 'connecting':
        this.item.text = `$(sync~spin) ${this.where(s.connection)}`;
        this.item.tooltip = `Looking for an emulator at ${s.connection.endpoint}…`;
        break;
      case 'connected':
        this.item.text = `$(${s.connection.loopback ? 'vm-running' : 'warning'}) ${backendLabel(s.backend)}${
          s.connection.loopback ? '' : ` · REMOTE ${new URL(s.connection.endpoint).host}`
        }`;
        this.item.tooltip = `Connected to ${backendLabel(s.backend)} at ${describeConnection(s.connection)}`;
        if (!s.connection.loopback)
          this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
      case 'unreachable': {
        const tick = () => {
          const secs = Math.max(0, Math.ceil((s.retryAt - Date.now()) / 1000));
          this.item.text = `$(debug-disconnect) Emulator offline · retry in ${secs}s`;
        };
        tick();
        this.countdown = setInterval(tick, 1000);
        this.item.tooltip = `Nothing answers at ${s.connection.endpoint}: ${s.reason}. Click for options.`;
        this.item.backgroundColor = s.connection.loopback
          ? undefined
          : new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
      }
    }
    this.item.show();
  }

  private where(c: ResolvedConnection): string {
    return c.loopback ? new URL(c.endpoint).host : `REMOTE ${new URL(c.endpoint).host}`;
  }

  dispose(): void {
    if (this.countdown) clearInterval(this.countdown);
    this.sub.dispose();
    this.item.dispose();
  }
}
