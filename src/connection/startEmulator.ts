// "Start emulator": finds a way to run one here — the LocalStack CLI, docker compose with a compose file in the
// workspace, moto from the project's virtualenv or from python3 — runs it in a visible terminal, and otherwise
// explains how to get one.
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_ENDPOINT } from '../aws/connection';
import type { ConnectionMonitor } from './monitor';

interface Launcher {
  readonly label: string;
  readonly detail: string;
  readonly command: string;
  readonly cwd?: string;
}

async function executable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function onPath(name: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && (await executable(join(dir, name)))) return join(dir, name);
  }
  return undefined;
}

function pythonHasMoto(python: string): Promise<boolean> {
  return new Promise((ok) => {
    execFile(python, ['-c', 'import moto.server'], { timeout: 10_000 }, (err) => ok(!err));
  });
}

const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

function quote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Every way to start an emulator that this machine and workspace offer, best first. */
export async function findLaunchers(port: number): Promise<Launcher[]> {
  const out: Launcher[] = [];
  if (await onPath('localstack')) {
    out.push({ label: 'LocalStack CLI', detail: 'localstack start -d', command: 'localstack start -d' });
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (await onPath('docker')) {
    for (const f of folders) {
      for (const name of COMPOSE_FILES) {
        if (await executableOrFile(join(f.uri.fsPath, name))) {
          out.push({
            label: `docker compose (${name})`,
            detail: `docker compose -f ${name} up -d in ${f.name}`,
            command: `docker compose -f ${quote(name)} up -d`,
            cwd: f.uri.fsPath,
          });
        }
      }
    }
  }
  for (const f of folders) {
    const moto = join(f.uri.fsPath, '.venv', 'bin', 'moto_server');
    if (await executable(moto)) {
      out.push({
        label: 'moto (project virtualenv)',
        detail: `.venv/bin/moto_server on port ${port}`,
        command: `${quote(moto)} -H 127.0.0.1 -p ${port}`,
        cwd: f.uri.fsPath,
      });
    }
  }
  const python = await onPath('python3');
  if (python && (await pythonHasMoto(python))) {
    out.push({
      label: 'moto (python3)',
      detail: `python3 -m moto.server on port ${port}`,
      command: `python3 -m moto.server -H 127.0.0.1 -p ${port}`,
    });
  }
  return out;
}

async function executableOrFile(path: string): Promise<boolean> {
  try {
    await access(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

const INSTRUCTIONS = `# Start a local AWS emulator

Local Cloud Lab talks to an emulator on this machine (by default \`${DEFAULT_ENDPOINT}\`). Any one of these works:

- **moto** (no account, no Docker): \`python3 -m venv .venv && .venv/bin/pip install "moto[server]"\`, then
  \`.venv/bin/moto_server -H 127.0.0.1 -p 4566\`.
- **LocalStack** (needs Docker and, since March 2026, an auth token): \`localstack start -d\`, or
  \`docker compose up -d\` with a compose file for \`localstack/localstack\`.
- **Floci** (Docker): \`docker run -d -p 4566:4566 floci/floci:latest\`.

Then click **Retry now** in the Local Cloud Lab view. To use another address, set \`localCloudLab.endpoint\`.
`;

export async function startEmulator(monitor: ConnectionMonitor): Promise<void> {
  const s = monitor.state;
  const endpoint = 'connection' in s ? s.connection.endpoint : DEFAULT_ENDPOINT;
  const url = new URL(endpoint);
  if ('connection' in s && !s.connection.loopback) {
    void vscode.window.showInformationMessage(`${endpoint} is a remote endpoint; start the emulator on that machine.`);
    return;
  }
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const launchers = await findLaunchers(port);
  if (launchers.length === 0) {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: INSTRUCTIONS });
    await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
    return;
  }
  const pick =
    launchers.length === 1
      ? launchers[0]
      : await vscode.window
          .showQuickPick(
            launchers.map((l) => ({ label: l.label, detail: l.detail, launcher: l })),
            { title: 'Start an emulator', placeHolder: `It should listen on ${url.host}` },
          )
          .then((p) => p?.launcher);
  if (!pick) return;
  const terminal = vscode.window.createTerminal({ name: `Emulator: ${pick.label}`, cwd: pick.cwd });
  terminal.show(true);
  terminal.sendText(pick.command, true);
  // Start the backoff from the beginning so the view notices the emulator within a few seconds.
  void monitor.retry();
}
