// Shared editor plumbing for commands: getting live clients, modal confirmations that name the target, cancellable
// progress, the one error message a failed command shows, and a modal that shows a value with a Copy button.
import * as vscode from 'vscode';
import type { AwsClients } from '../aws/clients';
import { describeError, isAbortError, OperationError } from '../aws/errors';
import type { ConnectionMonitor } from '../connection/monitor';
import type { ExplorerNode } from '../explorer/model';
import type { ExplorerTree } from '../explorer/model/tree';

export interface CommandContext {
  readonly monitor: ConnectionMonitor;
  readonly tree: ExplorerTree;
  readonly output: vscode.LogOutputChannel;
  /** A modal question naming the target; true only on an explicit yes. */
  readonly confirm: Confirm;
}

/** Live clients, or a message saying why there are none. */
export function requireClients(ctx: CommandContext): AwsClients | undefined {
  const clients = ctx.monitor.clients();
  if (!clients) {
    const s = ctx.monitor.state;
    const why =
      s.kind === 'unreachable'
        ? `the emulator at ${s.connection.endpoint} is not answering (${s.reason})`
        : s.kind === 'misconfigured'
          ? s.reason
          : 'not connected to an emulator yet';
    void vscode.window.showWarningMessage(`Local Cloud Lab: ${why}.`);
  }
  return clients;
}

/** A modal question naming the target; resolves true only on an explicit yes. */
export type Confirm = (message: string, detail: string, action: string) => Promise<boolean>;

/**
 * Modal confirmations, the one component every command and panel asks through. Extension-host tests cannot click a
 * modal, so in test mode they set the answer (a fixed one, or one per question) and read what was asked; the
 * override lives on the instance built at the composition root, never globally.
 */
export class ModalConfirm {
  private answer: boolean | ((message: string) => boolean) | undefined;
  readonly asked: string[] = [];

  readonly confirm: Confirm = async (message, detail, action) => {
    this.asked.push(message);
    if (this.asked.length > 50) this.asked.shift();
    if (typeof this.answer === 'function') return this.answer(message);
    if (this.answer !== undefined) return this.answer;
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
    return choice === action;
  };

  /** Test mode only: answer every confirmation with `answer` (undefined shows the modal again). */
  answerWith(answer: boolean | ((message: string) => boolean) | undefined): void {
    this.answer = answer;
  }
}

/** Runs `work` under a cancellable notification; failures become "<title> failed: <reason>". */
export async function withOperation<T>(
  title: string,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T | undefined> {
  try {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      async (_progress, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        try {
          return await work(abort.signal);
        } finally {
          sub.dispose();
        }
      },
    );
  } catch (err) {
    const reason = describeError(err);
    void vscode.window.showErrorMessage(reason === 'cancelled' ? `${title} cancelled` : `${title} failed: ${reason}`);
    return undefined;
  }
}

/** Shows a value in a modal with a Copy button (nothing is written to an editor, a file or the log). */
export async function showValue(title: string, value: string): Promise<void> {
  const shown = value.length > 2000 ? `${value.slice(0, 2000)}… (${value.length} characters; Copy takes all)` : value;
  const choice = await vscode.window.showInformationMessage(title, { modal: true, detail: shown }, 'Copy');
  if (choice === 'Copy') await vscode.env.clipboard.writeText(value);
}

export type Report = (message: string, increment?: number) => void;

/** Runs `fn` under a cancellable notification; cancelling aborts the signal handed to `fn`. */
export function withProgress<T>(title: string, fn: (report: Report, signal: AbortSignal) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    (progress, token) => {
      const aborter = new AbortController();
      const sub = token.onCancellationRequested(() => aborter.abort());
      const report: Report = (message, increment) => progress.report({ message, increment });
      return Promise.resolve(fn(report, aborter.signal)).finally(() => sub.dispose());
    },
  );
}

/**
 * Wraps a command body: any failure becomes one message "<Operation> failed: <reason>" (and is logged); a lost
 * emulator is reported to the connection monitor; cancellation is quiet.
 */
export function guarded<A extends unknown[]>(
  ctx: CommandContext,
  operation: string,
  body: (...args: A) => Promise<unknown>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await body(...args);
    } catch (err) {
      if (isAbortError(err) || (err instanceof OperationError && err.reason === 'cancelled')) {
        void vscode.window.showInformationMessage(`${operation} cancelled.`);
        return;
      }
      ctx.monitor.reportFailure(err instanceof OperationError ? err.cause : err);
      const message = err instanceof OperationError ? err.message : `${operation} failed: ${describeError(err)}`;
      ctx.output.error(message);
      void vscode.window.showErrorMessage(message);
    }
  };
}

/** `guarded` for a command whose result a caller (a test, another command) reads: undefined when it failed. */
export function guardedResult<A extends unknown[], T>(
  ctx: CommandContext,
  operation: string,
  body: (...args: A) => Promise<T>,
): (...args: A) => Promise<T | undefined> {
  return async (...args: A) => {
    let result: T | undefined;
    await guarded(ctx, operation, async (...a: A) => {
      result = await body(...a);
    })(...args);
    return result;
  };
}

/** Refreshes a row by id (or the whole tree when it is not on screen). */
export function refreshRow(ctx: CommandContext, id: string): void {
  const node = ctx.tree.nodeById(id);
  if (node) ctx.tree.refresh(node);
  else ctx.tree.refresh();
}

/** The nodes a command acts on: the multi-selection when the clicked node is part of it, else the clicked node. */
export function targets(
  node: ExplorerNode | undefined,
  selection: readonly ExplorerNode[] | undefined,
): ExplorerNode[] {
  if (selection && node && selection.some((n) => n.id === node.id)) return [...selection];
  return node ? [node] : [];
}
