// Workspace file access for the checks that look at the learner's files (pg_dump backups, Terraform), over Node's
// file system: bounded in files visited, files returned and bytes read, and blind to node_modules and dot folders.
import { open, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { WorkspaceFile, WorkspaceFiles } from './checks/types';

/** Bytes read from each matching file: checks look at headers and a few blocks, not whole dumps. */
export const READ_BYTES = 64 * 1024;
/** Directory entries visited per search, so a huge workspace cannot stall the checks. */
export const VISIT_LIMIT = 20_000;
const SKIP = new Set(['node_modules', '.git', '.terraform', 'dist', 'out', '.venv']);

/** Turns the small glob dialect the checks use (`**∕*.tf`, `**∕*.{sql,dump}`) into a file-name test. */
export function extensionsOf(glob: string): string[] {
  const m = /^\*\*\/\*\.(?:\{([\w,]+)\}|(\w+))$/.exec(glob);
  if (!m) throw new Error(`Unsupported pattern ${glob}: use **/*.ext or **/*.{a,b}`);
  return (m[1] ?? m[2]!).split(',').map((e) => `.${e}`);
}

async function head(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(READ_BYTES);
    const { bytesRead } = await fh.read(buf, 0, READ_BYTES, 0);
    return buf.toString('utf8', 0, bytesRead);
  } finally {
    await fh.close();
  }
}

/**
 * Files of the given folders. One instance serves one round of checks: the same search asked twice (two Terraform
 * checks) walks the folders once.
 */
export function folderFiles(roots: readonly string[]): WorkspaceFiles {
  const memo = new Map<string, Promise<readonly WorkspaceFile[]>>();
  const find = async (glob: string, maxFiles: number): Promise<readonly WorkspaceFile[]> => {
    const exts = extensionsOf(glob);
    const out: WorkspaceFile[] = [];
    let visited = 0;
    const queue = [...roots];
    while (queue.length > 0 && out.length < maxFiles && visited < VISIT_LIMIT) {
      const dir = queue.shift()!;
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (++visited > VISIT_LIMIT || out.length >= maxFiles) break;
        const path = join(dir, e.name);
        if (e.isDirectory()) {
          if (!SKIP.has(e.name) && !e.name.startsWith('.')) queue.push(path);
        } else if (e.isFile() && exts.some((x) => e.name.endsWith(x))) {
          const root = roots.find((r) => path.startsWith(r)) ?? '';
          out.push({ path: relative(root, path) || e.name, text: await head(path) });
        }
      }
    }
    return out;
  };
  return {
    find(glob, maxFiles) {
      const key = `${glob}\u0000${maxFiles}`;
      let hit = memo.get(key);
      if (!hit) {
        hit = find(glob, maxFiles);
        memo.set(key, hit);
      }
      return hit;
    },
  };
}
