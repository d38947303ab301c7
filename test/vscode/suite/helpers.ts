// Small helpers shared by the extension-host suites.
import * as vscode from 'vscode';
import { emulatorFromEnv, onLocalStack } from '../../support/emulator';

export const EXTENSION_ID = 'local-cloud-lab.local-cloud-lab';

/** Polls `check` until it returns a truthy value or the time runs out (then fails, naming what it waited for). */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      const reason = last instanceof Error ? `: ${last.message}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${reason}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The workspace folder the run opened (a temporary copy of test/vscode/workspace). */
export function workspaceUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder.uri;
}

/** The run's emulator (moto, or LocalStack with DynamoDB on moto): scripts/test.mjs describes it in the environment. */
export const emulator = emulatorFromEnv();

/** Points the extension at the run's emulator: the main endpoint and the per-service ones. */
export async function useEmulatorSettings(): Promise<void> {
  const config = vscode.workspace.getConfiguration('localCloudLab');
  await config.update('endpoint', emulator.endpoint, vscode.ConfigurationTarget.Global);
  await config.update(
    'endpoints',
    Object.keys(emulator.endpoints).length ? emulator.endpoints : undefined,
    vscode.ConfigurationTarget.Global,
  );
}

/** Points the extension at the run's emulator, opens its view (activating it) and connects. */
export async function connectToEmulator(): Promise<void> {
  await useEmulatorSettings();
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
  await vscode.commands.executeCommand('workbench.view.extension.localCloudLab');
  await waitFor('the extension to activate', () => ext.isActive);
  await vscode.commands.executeCommand('localCloudLab.reconnect');
}

/** The explorer's label for the run's backend node. */
export const BACKEND_LABEL = onLocalStack ? /^LocalStack/ : /^moto$/;

/** Skipped tests and the LocalStack limitation each meets; index.ts writes them into the result file. */
// Each test file is its own bundle with its own copy of this module: the list lives on the global object.
const skips = ((globalThis as { lclSkips?: { test: string; reason: string }[] }).lclSkips ??= []);

/** In a mocha test: skip on LocalStack, naming the limitation (listed in the run's summary). */
export function skipOnLocalStack(ctx: Mocha.Context, reason: string): void {
  if (!onLocalStack) return;
  skips.push({ test: ctx.test?.fullTitle() ?? '?', reason: `LocalStack: ${reason}` });
  ctx.skip();
}

/** An explorer row as the test-mode command hands it over (plain data). */
export interface TreeNode {
  id: string;
  label: string;
  description?: string;
  contextValue: string;
  ref: { kind: string } & Record<string, unknown>;
}

/** waitFor, typed for checks that return a value or undefined. */
export async function waitValue<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs?: number,
): Promise<T> {
  return (await waitFor(what, check, timeoutMs)) as T;
}

/** The explorer's children of a row (by id), or its roots. */
export async function treeChildren(id?: string): Promise<TreeNode[]> {
  return (await vscode.commands.executeCommand<TreeNode[]>('localCloudLab.test.explorerChildren', id)) ?? [];
}
