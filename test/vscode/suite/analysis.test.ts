// The language server inside a real VS Code: diagnostics on a policy, a quick fix applied through the editor's
// code-action API, and a rule turned off for one file from its code action.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor, workspaceUri } from './helpers';

const policy = {
  Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjekt'], Resource: 'arn:aws:s3:::demo/*' }],
};

async function openPolicy(name: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(workspaceUri(), name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify(policy, null, 2) + '\n'));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

const codes = (uri: vscode.Uri) =>
  vscode.languages.getDiagnostics(uri).map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));

suite('analysis in the editor', () => {
  test('a policy gets diagnostics and the Version quick fix removes one', async () => {
    const doc = await openPolicy('analysis-fix.json');
    await waitFor(
      'MISSING_VERSION and INVALID_ACTION diagnostics',
      () => {
        const c = codes(doc.uri);
        return c.includes('MISSING_VERSION') && c.includes('INVALID_ACTION');
      },
      30_000,
    );
    const missing = vscode.languages
      .getDiagnostics(doc.uri)
      .find((d) => String((d.code as { value: string }).value ?? d.code) === 'MISSING_VERSION')!;
    assert.ok(
      typeof missing.code === 'object' && /docs\/rules\/MISSING_VERSION\.md$/.test(missing.code.target.path),
      'the diagnostic links to the rule docs',
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      missing.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.edit && /Version/.test(a.title));
    assert.ok(fix?.edit, `a Version fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    JSON.parse(doc.getText());
    await waitFor(
      'MISSING_VERSION to go away',
      () => !codes(doc.uri).includes('MISSING_VERSION') && codes(doc.uri).includes('INVALID_ACTION'),
    );
  });

  test('"Turn off RULE for this file" writes an override and the finding disappears', async () => {
    const doc = await openPolicy('analysis-off.json');
    await waitFor('INVALID_ACTION', () => codes(doc.uri).includes('INVALID_ACTION'), 30_000);
    const diagnostic = vscode.languages
      .getDiagnostics(doc.uri)
      .find((d) => String((d.code as { value: string }).value) === 'INVALID_ACTION')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const off = actions.find((a) => a.title === 'Turn off INVALID_ACTION for this file');
    assert.ok(off?.command, actions.map((a) => a.title).join(' | '));
    await vscode.commands.executeCommand(off.command.command, ...(off.command.arguments ?? []));
    const overrides = vscode.workspace.getConfiguration('localCloudLab.analysis', doc.uri).get<unknown[]>('overrides');
    assert.deepEqual(overrides, [{ files: 'analysis-off.json', rules: { INVALID_ACTION: 'off' } }]);
    await waitFor('INVALID_ACTION to go away', () => !codes(doc.uri).includes('INVALID_ACTION'));
    // Other files keep the rule.
    assert.ok(codes(vscode.Uri.joinPath(workspaceUri(), 'analysis-fix.json')).includes('INVALID_ACTION'));
    await vscode.workspace
      .getConfiguration('localCloudLab.analysis', doc.uri)
      .update('overrides', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
  });

  test('hover over an action shows its description from the IAM data', async () => {
    const doc = await openPolicy('analysis-hover.json');
    const offset = doc.getText().indexOf('s3:GetObject') + 4;
    const hovers = await waitFor('a hover', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        doc.positionAt(offset),
      );
      return h.length ? h : undefined;
    });
    const text = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Read/);
  });
});
