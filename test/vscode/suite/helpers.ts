// Small helpers shared by the extension-host suites.
import * as vscode from 'vscode';

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
