// Which files `check` reads: paths as given, folders searched recursively for the formats we analyze.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const EXTENSIONS: ReadonlySet<string> = new Set(['.json', '.yaml', '.yml', '.template', '.tf']);
const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', '.terraform']);

export interface Candidate {
  /** The path as the user would read it: as given, or the given folder joined with the relative path. */
  readonly path: string;
  /** Named explicitly (always analyzed) or found in a folder (analyzed when its content is relevant). */
  readonly explicit: boolean;
}

export interface Collected {
  readonly files: Candidate[];
  /** Paths that do not exist or could not be listed, with the reason. */
  readonly failures: { readonly path: string; readonly reason: string }[];
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

export function collectFiles(paths: readonly string[]): Collected {
  const files: Candidate[] = [];
  const failures: { path: string; reason: string }[] = [];
  const seen = new Set<string>();
  const add = (c: Candidate): void => {
    if (!seen.has(c.path)) {
      seen.add(c.path);
      files.push(c);
    }
  };
  const walkDir = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      failures.push({ path: dir, reason: reasonOf(e) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      // Symbolic links are not followed: they can loop.
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name)) walkDir(p);
      } else if (e.isFile() && EXTENSIONS.has(extensionOf(e.name))) {
        add({ path: p, explicit: false });
      }
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      failures.push({ path: p, reason: reasonOf(e) });
      continue;
    }
    if (st.isDirectory()) walkDir(p);
    else add({ path: p, explicit: true });
  }
  return { files, failures };
}

export function reasonOf(e: unknown): string {
  const err = e as { code?: string; message?: string };
  if (err?.code === 'ENOENT') return 'no such file or folder';
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return 'permission denied';
  if (err?.code === 'EISDIR') return 'is a folder';
  return err?.message ?? String(e);
}
