// Drives the real language server bundle (dist/server.js) over stdio, as an editor would.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';

export const root = join(__dirname, '..', '..');

export interface LspSession {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  /** Resolves with the next diagnostics published for `uri` (after the given version, when given). */
  diagnostics(uri: string, version?: number): Promise<Diagnostic[]>;
  open(uri: string, text: string, languageId?: string): Promise<Diagnostic[]>;
  change(uri: string, text: string): Promise<Diagnostic[]>;
  /** Answers workspace/configuration requests from now on. */
  settings: Record<string, unknown>;
  close(): Promise<void>;
}

export async function startServer(options: { workspaceFolder?: string } = {}): Promise<LspSession> {
  const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  const waiting = new Map<string, ((p: PublishDiagnosticsParams) => boolean)[]>();
  const versions = new Map<string, number>();
  const session: LspSession = {
    connection,
    process: child,
    settings: {},
    diagnostics(uri, version) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no diagnostics for ${uri} within 10 s; server stderr: ${stderr.join('')}`)),
          10_000,
        );
        const list = waiting.get(uri) ?? [];
        list.push((p) => {
          if (version !== undefined && p.version !== undefined && p.version < version) return false;
          clearTimeout(timer);
          resolve(p.diagnostics);
          return true;
        });
        waiting.set(uri, list);
      });
    },
    open(uri, text, languageId = 'json') {
      versions.set(uri, 1);
      const next = session.diagnostics(uri, 1);
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return next;
    },
    change(uri, text) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      const next = session.diagnostics(uri, version);
      void connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
      return next;
    },
    async close() {
      // shutdown, then exit, then wait for the process: writing after it exits would fail the stream.
      const exited = new Promise<void>((resolve) => {
        if (child.exitCode !== null) resolve();
        else child.once('exit', () => resolve());
      });
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      } catch {
        // The server already went away; nothing left to tell it.
      } finally {
        connection.dispose();
        if (child.exitCode === null) child.kill();
      }
    },
  };
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const list = waiting.get(p.uri) ?? [];
    waiting.set(
      p.uri,
      list.filter((w) => !w(p)),
    );
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => (item.section ? (session.settings[item.section] ?? null) : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const folder = options.workspaceFolder;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folder ?? null,
    workspaceFolders: folder ? [{ uri: folder, name: 'ws' }] : null,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
    initializationOptions: { docsBaseUri: 'file:///docs/rules' },
  });
  void connection.sendNotification('initialized', {});
  return session;
}
