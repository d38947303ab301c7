// Which ways to start a local emulator this machine offers, best first: the LocalStack CLI, docker compose with a
// compose file in a workspace folder, moto from a folder's virtualenv, moto from python3. Plain Node, no editor API.
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { basename, delimiter, join } from 'node:path';

export interface Launcher {
  readonly label: string;
  readonly detail: string;
  /** A shell command line, run in a visible terminal. */
  readonly command: string;
  readonly cwd?: string;
}

export interface LauncherEnv {
  /** The PATH to search (default: process.env.PATH). */
  readonly path?: string;
  /** Workspace folders (absolute paths). */
  readonly folders: readonly string[];
  /** Whether `python3 -c "import moto.server"` works (default: try it). */
  readonly pythonHasMoto?: (python: string) => Promise<boolean>;
}

async function can(path: string, mode: number): Promise<boolean> {
  try {
    await access(path, mode);
    return true;
  } catch {
    return false;
  }
}

async function onPath(name: string, path: string): Promise<string | undefined> {
  for (const dir of path.split(delimiter)) {
    if (dir && (await can(join(dir, name), constants.X_OK))) return join(dir, name);
  }
  return undefined;
}

function importsMoto(python: string): Promise<boolean> {
  return new Promise((ok) => execFile(python, ['-c', 'import moto.server'], { timeout: 10_000 }, (err) => ok(!err)));
}

const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export async function findLaunchers(port: number, env: LauncherEnv): Promise<Launcher[]> {
  const path = env.path ?? process.env.PATH ?? '';
  const out: Launcher[] = [];
  if (await onPath('localstack', path)) {
    out.push({ label: 'LocalStack CLI', detail: 'localstack start -d', command: 'localstack start -d' });
  }
  if (await onPath('docker', path)) {
    for (const folder of env.folders) {
      for (const name of COMPOSE_FILES) {
        if (await can(join(folder, name), constants.R_OK)) {
          out.push({
            label: `docker compose (${name})`,
            detail: `docker compose -f ${name} up -d in ${basename(folder)}`,
            command: `docker compose -f ${shellQuote(name)} up -d`,
            cwd: folder,
          });
        }
      }
    }
  }
  for (const folder of env.folders) {
    const moto = join(folder, '.venv', 'bin', 'moto_server');
    if (await can(moto, constants.X_OK)) {
      out.push({
        label: 'moto (project virtualenv)',
        detail: `.venv/bin/moto_server on port ${port}`,
        command: `${shellQuote(moto)} -H 127.0.0.1 -p ${port}`,
        cwd: folder,
      });
    }
  }
  const python = await onPath('python3', path);
  if (python && (await (env.pythonHasMoto ?? importsMoto)(python))) {
    out.push({
      label: 'moto (python3)',
      detail: `python3 -m moto.server on port ${port}`,
      command: `python3 -m moto.server -H 127.0.0.1 -p ${port}`,
    });
  }
  return out;
}
