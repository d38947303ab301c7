// "This edit widens access": CheckNoNewAccess of an open policy file against its committed (git HEAD) version, shown
// as warnings at the statements that grant the new access, so a learner sees what an edit adds before committing
// it. Runs in the extension host (the file's git history is here), with the core's check from the lazy bundle.
import { execFile } from 'node:child_process';
import { dirname, relative } from 'node:path';
import * as vscode from 'vscode';
import { lazyBundle } from '../lazy';
import type * as Runtime from './explainAccessRuntime';

const runtime = lazyBundle<typeof Runtime>('explain-access.js');

const LANGUAGES = new Set(['json', 'jsonc', 'yaml']);
const DELAY_MS = 400;

function git(args: readonly string[], cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, timeout: 5000, maxBuffer: 8 * 1024 * 1024 }, (err, stdout) =>
      resolve(err ? undefined : stdout),
    );
  });
}

/** The committed text of a file, or undefined (not in a repository, or never committed). */
async function committedText(path: string): Promise<string | undefined> {
  const top = (await git(['rev-parse', '--show-toplevel'], dirname(path)))?.trim();
  if (!top) return undefined;
  const rel = relative(top, path).replace(/\\/g, '/');
  return git(['show', `HEAD:${rel}`], top);
}

export function registerWidenedAccess(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
  const diagnostics = vscode.languages.createDiagnosticCollection('localCloudLab.widenedAccess');
  const timers = new Map<string, NodeJS.Timeout>();
  let check: ReturnType<typeof Runtime.createWidenedAccessCheck> | undefined;

  const enabled = (): boolean => vscode.workspace.getConfiguration('localCloudLab.analysis').get('enable', true);
  const relevant = (doc: vscode.TextDocument): boolean =>
    doc.uri.scheme === 'file' && LANGUAGES.has(doc.languageId) && /"?Statement"?\s*:/.test(doc.getText());

  const update = async (doc: vscode.TextDocument): Promise<void> => {
    if (!enabled() || !relevant(doc)) {
      diagnostics.delete(doc.uri);
      return;
    }
    const version = doc.version;
    const committed = await committedText(doc.uri.fsPath);
    if (doc.isClosed || doc.version !== version) return; // a newer edit is on its way
    if (committed === undefined) {
      diagnostics.delete(doc.uri);
      return;
    }
    try {
      check ??= runtime().createWidenedAccessCheck();
      const found = check(vscode.workspace.asRelativePath(doc.uri, false), committed, doc.getText());
      diagnostics.set(
        doc.uri,
        found.map((f) => {
          const line = Math.min(f.line, doc.lineCount - 1);
          const d = new vscode.Diagnostic(doc.lineAt(line).range, f.message, vscode.DiagnosticSeverity.Warning);
          d.source = 'Local Cloud Lab';
          d.code = 'CheckNoNewAccess';
          return d;
        }),
      );
    } catch (e) {
      output.warn(`CheckNoNewAccess for ${doc.uri.fsPath} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const schedule = (doc: vscode.TextDocument): void => {
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        void update(doc);
      }, DELAY_MS),
    );
  };

  context.subscriptions.push(
    diagnostics,
    vscode.workspace.onDidOpenTextDocument(schedule),
    vscode.workspace.onDidChangeTextDocument((e) => schedule(e.document)),
    vscode.workspace.onDidSaveTextDocument(schedule),
    vscode.workspace.onDidCloseTextDocument((doc) => diagnostics.delete(doc.uri)),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  for (const doc of vscode.workspace.textDocuments) schedule(doc);
}
