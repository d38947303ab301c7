// DynamoDB commands that are not panels: create a table from the open JSON file (after the key-design analysis has
// had its say) and delete a table.
import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import * as ddb from '../aws/dynamodb';
import { describeTableSchema } from '../aws/dynamodbItems';
import { csvRows, importItems, importReport, jsonRows } from '../aws/dynamodbImport';
import { isNodeOf, type ExplorerNode } from '../explorer/model';
import { guarded, refreshRow, requireClients, withProgress, type CommandContext } from './ui';

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
}

/** The language server's findings for a document, waiting briefly for its first analysis to arrive. */
export async function analysisFindings(uri: vscode.Uri, prefix: string, waitMs = 4000): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d).startsWith(prefix));
  if (current().length) return current();
  await new Promise<void>((ok) => {
    const timer = setTimeout(() => {
      sub.dispose();
      ok();
    }, waitMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) {
        clearTimeout(timer);
        sub.dispose();
        ok();
      }
    });
  });
  return current();
}

export function registerDynamoDbCommands(ctx: CommandContext): vscode.Disposable[] {
  const reg = (id: string, op: string, fn: (node?: ExplorerNode) => Promise<unknown>) =>
    vscode.commands.registerCommand(id, guarded(ctx, op, fn));

  return [
    reg('localCloudLab.dynamodb.createTableFromFile', 'Create table', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showWarningMessage('Open a JSON file with a CreateTable definition first.');
        return;
      }
      const parsed = ddb.tableInputFromJson(editor.document.getText());
      if (!parsed.ok) {
        void vscode.window.showErrorMessage(`Create table failed: ${parsed.reason}.`);
        return;
      }
      const clients = requireClients(ctx);
      if (!clients) return;
      const findings = await analysisFindings(editor.document.uri, 'DDB_');
      const serious = findings.filter(
        (d) => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning,
      );
      if (serious.length) {
        const lines = serious.slice(0, 6).map((d) => `• ${codeOf(d)}: ${d.message}`);
        const ok = await ctx.confirm(
          `The key-design analysis found ${serious.length} problem${serious.length === 1 ? '' : 's'} in ${parsed.input.TableName}. Create it anyway?`,
          [...lines, serious.length > 6 ? `… and ${serious.length - 6} more (see Problems)` : '']
            .filter(Boolean)
            .join('\n'),
          'Create anyway',
        );
        if (!ok) return;
      }
      const name = await withProgress(`Creating table ${parsed.input.TableName}`, (_r, signal) =>
        ddb.createTable(clients, parsed.input, { signal }),
      );
      const note = parsed.ignored.length ? ` (ignored: ${parsed.ignored.join(', ')})` : '';
      void vscode.window.showInformationMessage(`Created table ${name}${note}.`);
      refreshRow(ctx, 'dynamodb:');
    }),

    reg('localCloudLab.dynamodb.importItems', 'Import items', async (node) => {
      if (!isNodeOf(node, 'dynamodb.table')) return;
      const clients = requireClients(ctx);
      if (!clients) return;
      const table = node.ref.tableName;
      const uris = await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: `Import into ${table}`,
        filters: { 'Items (JSON or CSV)': ['json', 'csv'] },
      });
      const file = uris?.[0];
      if (!file) return;
      const schema = await describeTableSchema(clients, table);
      const text = await readFile(file.fsPath, 'utf8');
      const rows = /\.csv$/i.test(file.fsPath) ? csvRows(text, schema) : jsonRows(text);
      const result = await withProgress(`Importing ${basename(file.fsPath)} into ${table}`, (report, signal) => {
        let last = 0;
        return importItems(clients, schema, rows, {
          signal,
          onProgress: (written, total) => {
            report(`${written} of ${total} written`, total ? ((written - last) / total) * 100 : undefined);
            last = written;
          },
        });
      });
      refreshRow(ctx, node.id);
      const summary = `Imported ${result.written} items into ${table}; ${result.rejected.length} rows rejected${
        result.notSent ? `, ${result.notSent} not sent (cancelled)` : ''
      }.`;
      if (result.rejected.length || result.notSent) {
        const doc = await vscode.workspace.openTextDocument({
          content: importReport(table, file.fsPath, result),
          language: 'markdown',
        });
        await vscode.window.showTextDocument(doc, { preview: false });
        void vscode.window.showWarningMessage(summary);
      } else void vscode.window.showInformationMessage(summary);
    }),

    reg('localCloudLab.dynamodb.deleteTable', 'Delete table', async (node) => {
      if (!isNodeOf(node, 'dynamodb.table')) return;
      const clients = requireClients(ctx);
      if (!clients) return;
      const t = await ddb.describeTable(clients, node.ref.tableName);
      const ok = await ctx.confirm(
        `Delete table "${t.name}"?`,
        `The table, its ${t.indexes.length} indexes and its ${t.itemCount ?? 'unknown number of'} items are deleted. This cannot be undone.`,
        'Delete table',
      );
      if (!ok) return;
      await ddb.deleteTable(clients, t.name);
      refreshRow(ctx, 'dynamodb:');
    }),
  ];
}
