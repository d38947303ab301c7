// IAM commands: open any policy document read-only (with the language server's diagnostics), and create a managed
// policy or a role from the open file.
import { basename, extname } from 'node:path';
import * as vscode from 'vscode';
import * as iam from '../aws/iam';
import { policyDocumentUri } from '../explorer/documents';
import type { ExplorerNode } from '../explorer/model';
import { analysisFindings } from './dynamodb';
import { guarded, refreshRow, requireClients, type CommandContext } from './ui';

async function documentFromEditor(
  kind: string,
): Promise<{ text: string; suggested: string; uri: vscode.Uri } | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage(`Open the ${kind} JSON file first.`);
    return undefined;
  }
  const checked = iam.checkPolicyText(editor.document.getText());
  if (!checked.ok) {
    void vscode.window.showErrorMessage(`Create ${kind} failed: ${checked.reason}.`);
    return undefined;
  }
  const file = basename(editor.document.uri.path, extname(editor.document.uri.path));
  return { text: checked.compact, suggested: file.replace(/[^\w+=,.@-]/g, '-'), uri: editor.document.uri };
}

async function acceptFindings(ctx: CommandContext, uri: vscode.Uri, what: string): Promise<boolean> {
  const findings = (await analysisFindings(uri, '', 3000)).filter(
    (d) => d.source === 'Local Cloud Lab' && d.severity === vscode.DiagnosticSeverity.Error,
  );
  if (!findings.length) return true;
  return ctx.confirm(
    `The policy analysis reports ${findings.length} error${findings.length === 1 ? '' : 's'} in this ${what}. Create it anyway?`,
    findings
      .slice(0, 6)
      .map((d) => `• ${d.message}`)
      .join('\n'),
    'Create anyway',
  );
}

export function registerIamCommands(ctx: CommandContext): vscode.Disposable[] {
  const reg = (id: string, op: string, fn: (node?: ExplorerNode) => Promise<unknown>) =>
    vscode.commands.registerCommand(id, guarded(ctx, op, fn));

  return [
    reg('localCloudLab.iam.openPolicyDocument', 'Open policy', async (node) => {
      const ref = node?.ref;
      if (
        !ref ||
        (ref.kind !== 'iam.trustPolicy' &&
          ref.kind !== 'iam.inlinePolicy' &&
          ref.kind !== 'iam.attachedPolicy' &&
          ref.kind !== 'iam.policyVersion' &&
          ref.kind !== 'iam.policy')
      ) {
        return;
      }
      if (!requireClients(ctx)) return;
      const doc = await vscode.workspace.openTextDocument(policyDocumentUri(ref));
      const json = doc.languageId === 'json' ? doc : await vscode.languages.setTextDocumentLanguage(doc, 'json');
      await vscode.window.showTextDocument(json, { preview: true });
    }),

    reg('localCloudLab.iam.createPolicyFromFile', 'Create policy', async () => {
      const clients = requireClients(ctx);
      const doc = await documentFromEditor('policy');
      if (!clients || !doc) return;
      const name = await vscode.window.showInputBox({
        title: 'Create managed policy',
        value: doc.suggested,
        validateInput: iam.validateIamName,
      });
      if (!name || !(await acceptFindings(ctx, doc.uri, 'policy'))) return;
      const arn = await iam.createPolicy(clients, { name, document: doc.text });
      void vscode.window.showInformationMessage(`Created policy ${arn}`);
      refreshRow(ctx, 'iam:folder:policies');
    }),

    reg('localCloudLab.iam.createRoleFromFile', 'Create role', async () => {
      const clients = requireClients(ctx);
      const doc = await documentFromEditor('trust policy');
      if (!clients || !doc) return;
      const name = await vscode.window.showInputBox({
        title: 'Create role (the open file is its trust policy)',
        value: doc.suggested.replace(/-?trust(-policy)?$/i, '') || doc.suggested,
        validateInput: iam.validateIamName,
      });
      if (!name || !(await acceptFindings(ctx, doc.uri, 'trust policy'))) return;
      const arn = await iam.createRole(clients, { name, trustPolicy: doc.text });
      void vscode.window.showInformationMessage(`Created role ${arn}`);
      refreshRow(ctx, 'iam:folder:roles');
    }),
  ];
}
