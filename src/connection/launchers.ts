// Which ways to start a local emulator this machine offers, best first: the LocalStack CLI, docker compose with a
// compose file in a workspace folder, LocalStack on the host from a Python 3.13 virtualenv (no Docker), moto from a
// folder's virtualenv, moto from python3. Plain Node, no editor API.
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, delimiter, join } from 'node:path';

export interface Launcher {
  readonly label: string;
  readonly detail: string;
  /** A shell command line: run in a visible terminal, or shown for a launcher that runs as `process`. */
  readonly command: string;
  readonly cwd?: string;
  /** Run as a child of the extension instead, its output in an output channel, stopped by "Stop Emulator". */
  readonly process?: { readonly file: string; readonly args: readonly string[]; readonly env?: Record<string, string> };
  /** The command line that stops what `command` started in the background (LocalStack CLI, docker compose). */
  readonly stopCommand?: string;
}

export interface LauncherEnv {
  /** The PATH to search (default: process.env.PATH). */
  readonly path?: string;
  /** Workspace folders (absolute paths). */
  readonly folders: readonly string[];
  /** Whether `python3 -c "import moto.server"` works (default: try it). */
  readonly pythonHasMoto?: (python: string) => Promise<boolean>;
  /**
   * Virtualenvs that may hold LocalStack 4.14 for the host (default: the one scripts/ensure-localstack.sh makes in
   * ~/.cache/local-cloud-lab, and `.venv-localstack` in each workspace folder).
   */
  readonly localStackVenvs?: readonly string[];
}

/** The last LocalStack release that starts without an auth token; the host recipe is pinned to it. */
export const HOST_LOCALSTACK_VERSION = '4.14.0';

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
    out.push({
      label: 'LocalStack CLI',
      detail: 'localstack start -d',
      command: 'localstack start -d',
      stopCommand: 'localstack stop',
    });
  }
  if (await onPath('docker', path)) {
    for (const folder of env.folders) {
      for (const name of COMPOSE_FILES) {
        if (await can(join(folder, name), constants.R_OK)) {
          out.push({
            label: `docker compose (${name})`,
            detail: `docker compose -f ${name} up -d in ${basename(folder)}`,
            command: `docker compose -f ${shellQuote(name)} up -d`,
            stopCommand: `docker compose -f ${shellQuote(name)} down`,
            cwd: folder,
          });
        }
      }
    }
  }
  const venvs = env.localStackVenvs ?? [
    join(homedir(), '.cache', 'local-cloud-lab', `localstack-${HOST_LOCALSTACK_VERSION}`),
    ...env.folders.map((f) => join(f, '.venv-localstack')),
  ];
  for (const venv of venvs) {
    const python = join(venv, 'bin', 'python');
    if (!(await can(python, constants.X_OK)) || !(await can(join(venv, 'bin', 'localstack'), constants.F_OK))) continue;
    const listen = `127.0.0.1:${port}`;
    // Host mode: state under the venv, no DNS server, no downloads (this may be an offline machine).
    const lsEnv = {
      GATEWAY_LISTEN: listen,
      LOCALSTACK_HOST: listen,
      OVERRIDE_IN_DOCKER: '0',
      FILESYSTEM_ROOT: join(venv, 'state'),
      DNS_ADDRESS: '0',
      SKIP_SSL_CERT_DOWNLOAD: '1',
      DISABLE_EVENTS: '1',
    };
    out.push({
      label: 'LocalStack (on the host, no Docker)',
      detail: `${basename(venv)}: python -m localstack.runtime.main on port ${port}`,
      command: `${Object.entries(lsEnv)
        .map(([k, v]) => `${k}=${shellQuote(v)}`)
        .join(' ')} ${shellQuote(python)} -m localstack.runtime.main`,
      process: { file: python, args: ['-m', 'localstack.runtime.main'], env: lsEnv },
    });
    break;
  }
  for (const folder of env.folders) {
    const moto = join(folder, '.venv', 'bin', 'moto_server');
    if (await can(moto, constants.X_OK)) {
      out.push({
        label: 'moto (project virtualenv)',
        detail: `.venv/bin/moto_server on port ${port}`,
        command: `${shellQuote(moto)} -H 127.0.0.1 -p ${port}`,
        cwd: folder,
        process: { file: moto, args: ['-H', '127.0.0.1', '-p', String(port)] },
      });
    }
  }
  const python = await onPath('python3', path);
  if (python && (await (env.pythonHasMoto ?? importsMoto)(python))) {
    out.push({
      label: 'moto (python3)',
      detail: `python3 -m moto.server on port ${port}`,
      command: `python3 -m moto.server -H 127.0.0.1 -p ${port}`,
      process: { file: python, args: ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)] },
    });
  }
  return out;
}
