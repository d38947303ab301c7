// "Start emulator": finds a way to run one here — the LocalStack CLI, docker compose with a compose file in the
// workspace, LocalStack on the host, moto from the project's virtualenv or from python3 — runs it (in a terminal, or
// as a child process with its log in an output channel), and otherwise explains how to get one.
import * as vscode from 'vscode';
import { DEFAULT_ENDPOINT } from '../aws/connection';
import type { EmulatorProcess } from './emulatorProcess';
import { findLaunchers } from './launchers';
import type { ConnectionMonitor } from './monitor';

const INSTRUCTIONS = `# Start a local AWS emulator

Local Cloud Lab talks to an emulator on this machine (by default \`${DEFAULT_ENDPOINT}\`). Any one of these works:

- **moto** (no account, no Docker): \`python3 -m venv .venv && .venv/bin/pip install "moto[server]"\`, then
  \`.venv/bin/moto_server -H 127.0.0.1 -p 4566\`.
- **LocalStack** (needs Docker and, since March 2026, an auth token): \`localstack start -d\`, or
  \`docker compose up -d\` with a compose file for \`localstack/localstack\`.
- **LocalStack 4.14 on the host** (no Docker, no token; needs Python 3.13): a virtualenv with
  \`pip install "localstack-core[runtime]==4.14.0" "cbor2<5.8" "pyopenssl<24.3" "cryptography<44" "service_identity<25"\`
  in \`.venv-localstack\` of the workspace (the Local Cloud Lab repository's \`scripts/ensure-localstack.sh\` makes one),
  then **Start Emulator** runs it and shows its log.
- **Floci** (Docker): \`docker run -d -p 4566:4566 floci/floci:latest\`.

Then click **Retry now** in the Local Cloud Lab view. To use another address, set \`localCloudLab.endpoint\`.
`;

export async function startEmulator(monitor: ConnectionMonitor, processes: EmulatorProcess): Promise<void> {
  const s = monitor.state;
  const endpoint = 'connection' in s ? s.connection.endpoint : DEFAULT_ENDPOINT;
  const url = new URL(endpoint);
  if ('connection' in s && !s.connection.loopback) {
    void vscode.window.showInformationMessage(`${endpoint} is a remote endpoint; start the emulator on that machine.`);
    return;
  }
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const launchers = await findLaunchers(port, {
    folders: (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath),
  });
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
  processes.start(pick);
  // Start the backoff from the beginning so the view notices the emulator within a few seconds.
  void monitor.retry();
}
