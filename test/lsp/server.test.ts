// Protocol tests: the real server bundle over stdio, exchanging the messages an editor sends.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type LspSession } from '../support/lsp';

const policy = (body: object) => JSON.stringify(body, null, 2);
const overPrivileged = policy({
  Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjekt'], Resource: 'arn:aws:s3:::demo-bucket/*' }],
});

describe('language server protocol', () => {
  let server: LspSession;
  before(async () => {
    server = await startServer({ workspaceFolder: 'file:///ws' });
  });
  after(() => server.close());

  test('malformed JSON becomes a syntax diagnostic with a docs link, not a crash', async () => {
    const diagnostics = await server.open(
      'file:///ws/broken.json',
      '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", ',
    );
    const syntax = diagnostics.find((d) => d.code === 'JSON_SYNTAX_ERROR');
    assert.ok(syntax, `expected JSON_SYNTAX_ERROR, got ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    assert.equal(syntax.source, 'Local Cloud Lab');
    assert.equal(syntax.codeDescription?.href, 'file:///docs/rules/JSON_SYNTAX_ERROR.md');
    // The server is still alive and answers.
    const again = await server.change('file:///ws/broken.json', policy({ Version: '2012-10-17', Statement: [] }));
    assert.equal(again.filter((d) => d.code === 'JSON_SYNTAX_ERROR').length, 0);
  });

  test('a file that is not a policy or a table gets no diagnostics', async () => {
    const diagnostics = await server.open('file:///ws/package.json', policy({ name: 'x', version: '1.0.0' }));
    assert.deepEqual(diagnostics, []);
  });

  test('missing Version and an unknown action are reported with the exact action named', async () => {
    const diagnostics = await server.open('file:///ws/p1.json', overPrivileged);
    const codes = diagnostics.map((d) => d.code);
    assert.ok(codes.includes('MISSING_VERSION'), JSON.stringify(codes));
    const invalid = diagnostics.find((d) => d.code === 'INVALID_ACTION');
    assert.ok(invalid, JSON.stringify(codes));
    assert.match(invalid.message, /GetObjekt/);
    assert.equal(invalid.range.start.line, 6);
  });

  test('quick fix inserts Version and the re-analysis no longer reports it', async () => {
    const uri = 'file:///ws/p2.json';
    const text = overPrivileged;
    const diagnostics = await server.open(uri, text);
    const missing = diagnostics.find((d) => d.code === 'MISSING_VERSION');
    assert.ok(missing);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: missing.range,
      context: { diagnostics: [missing] },
    })) as { title: string; edit?: { changes: Record<string, { range: typeof missing.range; newText: string }[]> } }[];
    const fix = actions.find((a) => a.edit && /Version/.test(a.title));
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    const fixed = applyEdits(text, fix.edit!.changes[uri]!);
    JSON.parse(fixed);
    const after = await server.change(uri, fixed);
    assert.ok(!after.some((d) => d.code === 'MISSING_VERSION'), JSON.stringify(after.map((d) => d.code)));
    // Every diagnostic also offers to turn its rule off for the file.
    assert.ok(actions.some((a) => a.title === 'Turn off MISSING_VERSION for this file'));
  });

  test('hover on an action describes it with its access level', async () => {
    const uri = 'file:///ws/p3.json';
    const text = overPrivileged;
    await server.open(uri, text);
    const at = positionOf(text, 's3:GetObject"');
    const hover = (await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: at.line, character: at.character + 3 },
    })) as { contents: { value: string } } | null;
    assert.ok(hover, 'expected a hover');
    assert.match(hover.contents.value, /GetObject/);
    assert.match(hover.contents.value, /Read/);
  });

  test('completion inside an Action string offers actions of the service', async () => {
    const uri = 'file:///ws/p4.json';
    const text = policy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:Get', Resource: '*' }] });
    await server.open(uri, text);
    const at = positionOf(text, 's3:Get"');
    const result = (await server.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: at.line, character: at.character + 's3:Get'.length },
    })) as { items: { label: string }[] };
    const labels = result.items.map((i) => i.label);
    assert.ok(
      labels.some((l) => /GetObject$/.test(l)),
      `expected s3:GetObject among ${labels.slice(0, 20).join(', ')}`,
    );
  });

  test('settings turn a rule off globally and for one file only', async () => {
    server.settings['localCloudLab.analysis'] = {
      rules: { INVALID_ACTION: 'off' },
      overrides: [{ files: 'quiet/*.json', rules: { MISSING_VERSION: 'off' } }],
    };
    void server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const loud = await server.open('file:///ws/loud.json', overPrivileged);
    const quiet = await server.open('file:///ws/quiet/q.json', overPrivileged);
    assert.ok(loud.some((d) => d.code === 'MISSING_VERSION'));
    assert.ok(!loud.some((d) => d.code === 'INVALID_ACTION'));
    assert.ok(!quiet.some((d) => d.code === 'MISSING_VERSION'));
    server.settings['localCloudLab.analysis'] = {};
    void server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  test('custom requests: rule list and the actions of a service by access level', async () => {
    const rules = (await server.connection.sendRequest('localCloudLab/listRules')) as { id: string }[];
    assert.ok(rules.some((r) => r.id === 'JSON_SYNTAX_ERROR'));
    assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, 'rule ids are unique');
    const result = (await server.connection.sendRequest('localCloudLab/serviceActions', { service: 'sqs' })) as {
      groups: { accessLevel: string; actions: string[] }[];
    };
    const read = result.groups.find((g) => g.accessLevel === 'Read');
    assert.ok(read?.actions.includes('sqs:ReceiveMessage'), JSON.stringify(result.groups.map((g) => g.accessLevel)));
  });
});

function positionOf(text: string, needle: string): { line: number; character: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

function applyEdits(
  text: string,
  edits: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
  }[],
): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}
