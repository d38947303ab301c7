// "This edit widens access" inside a real VS Code: a policy committed to git, then edited in the editor; the language
// server, given the committed text by the extension, reports the new action at its statement (CheckNoNewAccess), and
// the warning goes once the edit is undone.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { waitFor, workspaceUri } from './helpers';

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadOrders",
      "Effect": "Allow",
      "Action": ["s3:GetObject"],
      "Resource": "arn:aws:s3:::orders/*"
    }
  ]
}
`;

const widened = (uri: vscode.Uri) =>
  vscode.languages
    .getDiagnostics(uri)
    .filter((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'CheckNoNewAccess');

suite('edit widens access (CheckNoNewAccess against git HEAD)', () => {
  let uri: vscode.Uri;
  suiteSetup(() => {
    // A repository of its own inside the workspace, with the policy committed.
    const repo = join(workspaceUri().fsPath, 'widen-repo');
    mkdirSync(repo, { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=lab', '-c', 'user.email=lab@example.invalid', ...args], { cwd: repo });
    git('init', '-q');
    writeFileSync(join(repo, 'orders-policy.json'), POLICY);
    git('add', 'orders-policy.json');
    git('commit', '-qm', 'orders policy');
    uri = vscode.Uri.file(join(repo, 'orders-policy.json'));
  });

  test('adding s3:DeleteObject is reported at the statement; undoing it clears the warning', async () => {
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    // The committed version itself widens nothing.
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(widened(uri), []);

    const at = doc.getText().indexOf('"s3:GetObject"') + '"s3:GetObject"'.length;
    assert.ok(await editor.edit((e) => e.insert(doc.positionAt(at), ', "s3:DeleteObject"')));
    const found = (await waitFor('a CheckNoNewAccess warning', () => {
      const list = widened(uri);
      return list.length ? list : undefined;
    }))!;
    assert.equal(found.length, 1);
    assert.equal(
      found[0]!.message,
      'CheckNoNewAccess FAIL: this edit widens access: now also s3:DeleteObject on arn:aws:s3:::orders/*',
    );
    assert.equal(found[0]!.range.start.line, 3);
    assert.equal(found[0]!.severity, vscode.DiagnosticSeverity.Warning);

    await vscode.commands.executeCommand('undo');
    await waitFor('the warning to go', () => widened(uri).length === 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
