// The analysis state of each open document: the last result per version, debounced re-analysis, and the
// companion documents (DynamoDB evidence files) the analyzers may consult.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { URI } from 'vscode-uri';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SourceDocument } from '../core/analyzer';

/** Evidence files live beside the definition they describe (see docs/dynamodb-evidence.md). */
const companionPattern = /\.(items|access-patterns)\.(json|jsonl|ndjson|ya?ml)$/i;
const maxCompanionBytes = 5 * 1024 * 1024;
const maxCompanions = 20;

export class Debouncer {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  schedule(key: string, delayMs: number, run: () => void): void {
    this.cancel(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        run();
      }, delayMs),
    );
  }

  cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

export function toSource(doc: TextDocument): SourceDocument {
  return { uri: doc.uri, text: doc.getText(), languageId: doc.languageId };
}

/**
 * Evidence documents for `uri`: open documents whose names follow the companion convention, then files of that
 * name beside it on disk (open ones win, so unsaved edits count). Bounded in count and size.
 */
export function findCompanions(uri: string, open: readonly TextDocument[]): SourceDocument[] {
  const result = new Map<string, SourceDocument>();
  const folderOf = (u: string): string | undefined => {
    try {
      const parsed = URI.parse(u);
      return parsed.scheme === 'file' ? dirname(parsed.fsPath) : undefined;
    } catch {
      return undefined;
    }
  };
  const folder = folderOf(uri);
  for (const doc of open) {
    if (doc.uri !== uri && companionPattern.test(doc.uri) && folderOf(doc.uri) === folder)
      result.set(doc.uri, toSource(doc));
  }
  if (folder) {
    let names: string[] = [];
    try {
      names = readdirSync(folder);
    } catch {
      names = [];
    }
    for (const name of names) {
      if (result.size >= maxCompanions) break;
      if (!companionPattern.test(name)) continue;
      const path = join(folder, name);
      const fileUri = URI.file(path).toString();
      if (result.has(fileUri) || fileUri === uri) continue;
      try {
        if (statSync(path).size > maxCompanionBytes) continue;
        result.set(fileUri, { uri: fileUri, text: readFileSync(path, 'utf8'), languageId: languageOf(name) });
      } catch {
        // An unreadable evidence file is simply not evidence.
      }
    }
  }
  return [...result.values()];
}

function languageOf(name: string): string {
  return /\.ya?ml$/i.test(name) ? 'yaml' : 'json';
}

/** The workspace-relative path used to match override globs; the file name alone outside any folder. */
export function relativePathOf(uri: string, folders: readonly string[]): string {
  let parsed: URI;
  try {
    parsed = URI.parse(uri);
  } catch {
    return uri;
  }
  const path = parsed.path;
  const folder = folders
    .map((f) => URI.parse(f).path.replace(/\/$/, ''))
    .filter((f) => path.startsWith(`${f}/`))
    .sort((a, b) => b.length - a.length)[0];
  return folder ? path.slice(folder.length + 1) : basename(path);
}
