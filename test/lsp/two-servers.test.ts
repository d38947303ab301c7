// Two language servers in this one process, each on its own in-memory connection pair (the same startServer that
// dist/server.js runs over stdio): their settings, documents and IAM data loads stay their own.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { createConnection } from 'vscode-languageserver/node';
import type { IamData } from '../../server/src/core/iam/data';
import { loadIamData } from '../../server/src/iamData';
import { startServer } from '../../server/src/lsp/startServer';

const catalogue = loadIamData();

interface Client {
  readonly connection: ProtocolConnection;
  /** How many times this server loaded the IAM data. */
  loads: number;
  settings: Record<string, unknown>;
  open(uri: string, text: string): Promise<Diagnostic[]>;
  close(): Promise<void>;
}

async function startInProcess(settings: Record<string, unknown>): Promise<Client> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // Message readers/writers (not raw streams), so the library never ends the process when a stream closes.
  const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const waiting = new Map<string, (p: PublishDiagnosticsParams) => void>();
  const client: Client = {
    connection,
    loads: 0,
    settings,
    open(uri, text) {
      const published = new Promise<Diagnostic[]>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within 10 s`)), 10_000);
        waiting.set(uri, (p) => {
          clearTimeout(timer);
          resolve(p.diagnostics);
        });
      });
      void connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'json', version: 1, text },
      });
      return published;
    },
    async close() {
      await connection.sendRequest('shutdown');
      connection.dispose();
      serverConnection.dispose();
      toServer.end();
      toClient.end();
    },
  };
  startServer(serverConnection, {
    loadIamData: (): IamData => {
      client.loads++;
      return catalogue;
    },
  });
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const resolve = waiting.get(p.uri);
    waiting.delete(p.uri);
    resolve?.(p);
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => (item.section ? (client.settings[item.section] ?? null) : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  // No processId: the library would watch that process and end this one with it.
  await connection.sendRequest('initialize', {
    processId: null,
    rootUri: 'file:///ws',
    workspaceFolders: [{ uri: 'file:///ws', name: 'ws' }],
    capabilities: {
      workspace: { configuration: true },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
    initializationOptions: { docsBaseUri: 'file:///docs/rules' },
  });
  void connection.sendNotification('initialized', {});
  return client;
}

const policy = JSON.stringify(
  { Statement: [{ Effect: 'Allow', Action: ['s3:*', 's3:GetObjekt'], Resource: 'arn:aws:s3:::demo-bucket/*' }] },
  null,
  2,
);
const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => String(d.code)).sort();

describe('two servers in one process', () => {
  let quiet: Client;
  let loud: Client;
  before(async () => {
    [quiet, loud] = await Promise.all([
      startInProcess({ 'localCloudLab.analysis': { rules: { INVALID_ACTION: 'off', MISSING_VERSION: 'hint' } } }),
      startInProcess({}),
    ]);
  });
  after(async () => {
    await Promise.all([quiet.close(), loud.close()]);
  });

  test('each answers with its own settings for the same document', async () => {
    const [a, b] = await Promise.all([quiet.open('file:///ws/p.json', policy), loud.open('file:///ws/p.json', policy)]);
    assert.ok(codes(b).includes('INVALID_ACTION'), JSON.stringify(codes(b)));
    assert.ok(!codes(a).includes('INVALID_ACTION'), JSON.stringify(codes(a)));
    assert.equal(a.find((d) => d.code === 'MISSING_VERSION')?.severity, 4); // hint
    assert.equal(b.find((d) => d.code === 'MISSING_VERSION')?.severity, 2); // warning
    assert.equal(quiet.loads, 1);
    assert.equal(loud.loads, 1);
  });

  test('a document opened in one server is unknown to the other', async () => {
    const uri = 'file:///ws/only-quiet.json';
    await quiet.open(uri, policy);
    const lines = policy.split('\n');
    const line = lines.findIndex((l) => l.includes('"s3:*"'));
    const at = { line, character: lines[line]!.indexOf('s3:*') + 1 };
    const hover = (s: Client) =>
      s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at }) as Promise<unknown>;
    assert.notEqual(await hover(quiet), null);
    assert.equal(await hover(loud), null);
  });

  test('code actions come from the findings’ fixes, the pick-actions prompt included', async () => {
    const uri = 'file:///ws/actions.json';
    const diagnostics = await loud.open(uri, policy);
    const wildcard = diagnostics.find((d) => d.code === 'SERVICE_WILDCARD');
    assert.ok(wildcard, JSON.stringify(codes(diagnostics)));
    const actions = (await loud.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: wildcard.range,
      context: { diagnostics: [wildcard] },
    })) as { title: string; edit?: unknown; command?: { command: string; arguments?: unknown[] } }[];
    const titles = actions.map((a) => a.title);
    assert.match(titles[0]!, /^Replace s3:\* with its /);
    assert.deepEqual(titles.slice(-2), [
      'Pick the s3 actions to grant instead of s3:*…',
      'Turn off SERVICE_WILDCARD for this file',
    ]);
    assert.deepEqual(actions.at(-2)?.command, {
      title: 'Pick actions',
      command: 'localCloudLab.iam.pickServiceActions',
      arguments: [{ uri, range: wildcard.range, service: 's3' }],
    });
    assert.ok(actions.slice(0, -2).every((a) => a.edit && !a.command));
    // The other server never saw the document: no actions there.
    const none = await quiet.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: wildcard.range,
      context: { diagnostics: [wildcard] },
    });
    assert.deepEqual(none, []);
  });
});
