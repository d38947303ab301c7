// "Explain Access" inside a real VS Code: the CodeLens above a statement starts the command with that statement's
// action and resource; the principal is answered as a learner would pick it; the answer names the deciding
// statement and the editor selects it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor, workspaceUri } from './helpers';

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadOrders",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::orders/*"
    },
    {
      "Sid": "NoDeletes",
      "Effect": "Deny",
      "Action": "s3:DeleteObject",
      "Resource": "arn:aws:s3:::orders/*"
    }
  ]
}
`;

interface Result {
  decision: string;
  deciding: { file: string; sid: string; line: number }[];
  message: string;
}

suite('Explain Access', () => {
  let doc: vscode.TextDocument;
  suiteSetup(async () => {
    const uri = vscode.Uri.joinPath(workspaceUri(), 'explain-orders.json');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(POLICY));
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
  });

  const lenses = () =>
    waitFor('a CodeLens above each statement', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      const ours = (found ?? []).filter((l) => l.command?.command === 'localCloudLab.iam.explainAccess');
      return ours.length === 2 ? ours : undefined;
    });

  test('the lens on ReadOrders explains an allow and selects the statement', async () => {
    const [read] = (await lenses())!;
    assert.equal(read!.range.start.line, 3);
    assert.equal(read!.command!.title, 'Explain access…');
    await vscode.commands.executeCommand('localCloudLab.test.answerExplainPrompts', [
      'arn:aws:iam::000000000000:user/learner',
    ]);
    const result = await vscode.commands.executeCommand<Result>(read!.command!.command, ...read!.command!.arguments!);
    assert.equal(result.decision, 'allow');
    assert.equal(result.message, 'Allowed by statement `ReadOrders` (explain-orders.json:4)');
    assert.deepEqual(result.deciding, [{ file: 'explain-orders.json', sid: 'ReadOrders', line: 4 }]);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), doc.uri.toString());
    assert.equal(editor.selection.start.line, 3);
    assert.equal(editor.selection.end.line, 8, 'the whole statement is selected');
  });

  test('the lens on NoDeletes explains an explicit deny', async () => {
    const [, noDeletes] = (await lenses())!;
    await vscode.commands.executeCommand('localCloudLab.test.answerExplainPrompts', [
      'arn:aws:iam::000000000000:user/learner',
    ]);
    const result = await vscode.commands.executeCommand<Result>(
      noDeletes!.command!.command,
      ...noDeletes!.command!.arguments!,
    );
    assert.equal(result.message, 'Denied: explicit deny in `NoDeletes` (explain-orders.json:10)');
    assert.equal(vscode.window.activeTextEditor!.selection.start.line, 9);
  });

  test('from the palette every answer is asked; an action nothing allows is an implicit deny', async () => {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('localCloudLab.test.answerExplainPrompts', [
      'arn:aws:iam::000000000000:user/learner',
      's3:PutObject',
      'arn:aws:s3:::orders/new.csv',
    ]);
    const result = await vscode.commands.executeCommand<Result>('localCloudLab.iam.explainAccess');
    assert.deepEqual(result, { decision: 'implicit-deny', deciding: [], message: 'Denied: no statement allows it' });
  });
});
