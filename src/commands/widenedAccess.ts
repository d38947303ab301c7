// "This edit widens access": the language server checks an open policy file against its committed (git HEAD)
// version (CheckNoNewAccess) and reports each access the edit adds at the statement that grants it. The server has
// no git: this side reads the committed text when a policy file opens and after each save, and sends it over
// (protocol.ts, baseTextNotification).
import { execFile } from 'node:child_process';
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import { type AnalysisClient, isRelevant } from '../lsp/client';

function git(args: readonly string[], cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, timeout: 5000, maxBuffer: 8 * 1024 * 1024 }, (err, stdout) =>
      resolve(err ? undefined : stdout),
    );
  });
}

/**
 * The committed text of a file, or null (not in a repository, or never committed). One git call: `HEAD:./name` is
 * the file's path relative to the working directory, so git finds the repository itself.
 */
async function committedText(path: string): Promise<string | null> {
  return (await git(['show', `HEAD:./${basename(path)}`], dirname(path))) ?? null;
}

export function registerBaseTexts(
  context: vscode.ExtensionContext,
  analysis: AnalysisClient,
  output: vscode.LogOutputChannel,
): void {
  // What the server was last told per open document, so a save that changes nothing in git sends nothing.
  const sent = new Map<string, string | null>();

  const wanted = (doc: vscode.TextDocument): boolean =>
    doc.uri.scheme === 'file' &&
    vscode.workspace.getConfiguration('localCloudLab.analysis', doc.uri).get<boolean>('checkNoNewAccess', true) &&
    isRelevant(doc);

  const update = async (doc: vscode.TextDocument): Promise<void> => {
    if (!wanted(doc)) return;
    const key = doc.uri.toString();
    const text = await committedText(doc.uri.fsPath);
    if (doc.isClosed || sent.get(key) === text) return;
    try {
      await analysis.sendBaseText({ uri: key, text });
      sent.set(key, text);
    } catch (e) {
      output.warn(`Sending the committed version of ${doc.uri.fsPath} failed: ${String(e)}`);
    }
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => void update(doc)),
    vscode.workspace.onDidSaveTextDocument((doc) => void update(doc)),
    vscode.workspace.onDidCloseTextDocument((doc) => sent.delete(doc.uri.toString())),
    // Turned back on: documents opened meanwhile have not been sent.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('localCloudLab.analysis.checkNoNewAccess')) return;
      for (const doc of vscode.workspace.textDocuments) void update(doc);
    }),
    // On the first start (documents already open) and after a restart (the server forgot every base text).
    analysis.onDidStart(() => {
      sent.clear();
      for (const doc of vscode.workspace.textDocuments) void update(doc);
    }),
  );
}
