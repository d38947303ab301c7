// What the panel hosts need from the rest of the extension, injected at the composition root.
import * as vscode from 'vscode';
import type { AwsClients } from '../aws/clients';

export interface BackendView {
  readonly kind: string;
  /** LocalStack's non-destructive SQS peek endpoint is there. */
  readonly sqsPeek: boolean;
}

export interface PanelDeps {
  /** Clients of the live connection once connected; undefined when nothing answers. */
  readonly clients: () => Promise<AwsClients | undefined>;
  /** What the connection monitor detected, when connected. */
  readonly backend: () => BackendView | undefined;
  /** Asks before a destructive or side-effecting action; resolves true only on an explicit yes. */
  readonly confirm: Confirm;
  /** Refreshes the explorer after a change (no-op when the explorer is not there). */
  readonly refreshExplorer: () => void;
}

export type Confirm = (message: string, detail: string, action: string) => Promise<boolean>;

/** The clients, or an error that reads well after "<operation> failed: ". */
export async function requireClients(deps: Pick<PanelDeps, 'clients'>): Promise<AwsClients> {
  const clients = await deps.clients();
  if (!clients) throw new Error('the emulator is not connected (see the Local Cloud Lab status bar item)');
  return clients;
}

/**
 * A modal confirmation. Tests replace the answer through `answerWith` (a real modal would block the test host);
 * the override is per instance, created at the composition root, never global.
 */
export class ModalConfirm {
  private override: ((message: string) => boolean) | undefined;
  readonly asked: string[] = [];

  readonly confirm: Confirm = async (message, detail, action) => {
    this.asked.push(message);
    if (this.asked.length > 50) this.asked.shift();
    if (this.override) return this.override(message);
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
    return choice === action;
  };

  /** For tests: answer every confirmation with `fn` instead of showing a modal (undefined restores the modal). */
  answerWith(fn: ((message: string) => boolean) | undefined): void {
    this.override = fn;
  }
}
