// DynamoDB commands that are not panels: create a table from the open JSON file (after the key-design analysis has
// had its say), import items, run PartiQL (results in a read-only JSON document, a page at a time), export items to
// JSON or CSV, and delete a table.
import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import * as ddb from '../aws/dynamodb';
import { describeTableSchema } from '../aws/dynamodbItems';
import { csvRows, importItems, importReport, jsonRows } from '../aws/dynamodbImport';
import {
  executeStatement,
  exportItems,
  isWriteStatement,
  jsonSafe,
  type ExportSource,
  type PlainItem,
} from '../aws/dynamodbPartiql';
import { isNodeOf, type ExplorerNode } from '../explorer/model';
import { guarded, guardedResult, refreshRow, requireClients, withProgress, type CommandContext } from './ui';
import type { ReadOnlyDocuments } from './views';

/** Items per PartiQL page shown in the result document; "Load more" fetches the next page. */
export const PARTIQL_PAGE = 100;

/** What Run PartiQL returns to a caller (a test): the result document, the items shown, whether more are left. */
export interface PartiqlShown {
  readonly uri: string;
  readonly items: number;
  readonly more: boolean;
}

function partiqlDocument(statement: string, items: readonly PlainItem[], more: boolean): string {
  const note = more ? `${items.length} items shown; more remain (Load more)` : `${items.length} items`;
  return `${JSON.stringify({ statement, note, items }, jsonSafe, 2)}\n`;
}

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

export function registerDynamoDbCommands(ctx: CommandContext, docs: ReadOnlyDocuments): vscode.Disposable[] {
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

    vscode.commands.registerCommand(
      'localCloudLab.dynamodb.runPartiql',
      guardedResult(
        ctx,
        'Run PartiQL',
        async (node?: ExplorerNode, given?: string): Promise<PartiqlShown | undefined> => {
          const clients = requireClients(ctx);
          if (!clients) return undefined;
          const table = isNodeOf(node, 'dynamodb.table') ? node.ref.tableName : undefined;
          const statement =
            given ??
            (await vscode.window.showInputBox({
              title: 'Run PartiQL',
              prompt: 'A PartiQL statement (SELECT, INSERT, UPDATE or DELETE)',
              value: table ? `SELECT * FROM "${table}"` : 'SELECT * FROM ""',
              validateInput: (v) => (v.trim() ? undefined : 'Enter a statement'),
            }));
          if (!statement?.trim()) return undefined;
          if (isWriteStatement(statement)) {
            const verb = statement.trim().split(/\s+/)[0]?.toUpperCase() ?? '';
            const ok = await ctx.confirm(`Run this ${verb} statement?`, statement, 'Run');
            if (!ok) return undefined;
          }
          const first = await withProgress('Running PartiQL', (_r, signal) =>
            executeStatement(clients, statement, { limit: PARTIQL_PAGE, signal }),
          );
          const items = [...first.items];
          let token = first.nextToken;
          const name = `PartiQL ${table ?? 'result'}.json`;
          const uri = await docs.show(name, partiqlDocument(statement, items, !!token), 'json');
          if (isWriteStatement(statement)) {
            refreshRow(ctx, table ? `dynamodb:table:${table}` : 'dynamodb:');
            return { uri: uri.toString(), items: items.length, more: false };
          }
          // Offered without waiting: the result is already on screen; each Load more appends a page in place.
          const offer = async (): Promise<void> => {
            const actions = token ? ['Load more', 'Export…'] : ['Export…'];
            const pick = await vscode.window.showInformationMessage(
              `PartiQL: ${items.length} items${token ? ', more remain' : ''}.`,
              ...actions,
            );
            if (pick === 'Export…') {
              await vscode.commands.executeCommand('localCloudLab.dynamodb.exportItems', undefined, {
                kind: 'partiql',
                statement,
              });
            } else if (pick === 'Load more' && token) {
              const next = await executeStatement(clients, statement, { limit: PARTIQL_PAGE, nextToken: token });
              items.push(...next.items);
              token = next.nextToken;
              docs.set(uri, partiqlDocument(statement, items, !!token));
              await offer();
            }
          };
          void guarded(ctx, 'Run PartiQL', offer)();
          return { uri: uri.toString(), items: items.length, more: !!token };
        },
      ),
    ),

    vscode.commands.registerCommand(
      'localCloudLab.dynamodb.exportItems',
      guardedResult(
        ctx,
        'Export items',
        async (
          node?: ExplorerNode,
          given?: ExportSource,
          target?: { readonly format: 'json' | 'csv'; readonly file: string },
        ): Promise<number | undefined> => {
          const source: ExportSource | undefined =
            given ?? (isNodeOf(node, 'dynamodb.table') ? { kind: 'scan', table: node.ref.tableName } : undefined);
          if (!source) return undefined;
          const clients = requireClients(ctx);
          if (!clients) return undefined;
          const what = source.kind === 'scan' ? source.table : 'the PartiQL result';
          let format = target?.format;
          let file = target?.file;
          if (!format || !file) {
            const pick = await vscode.window.showQuickPick(
              [
                { label: 'JSON', description: 'an array of items', format: 'json' as const },
                { label: 'CSV', description: 'a header row; nested values as JSON', format: 'csv' as const },
              ],
              { title: `Export ${what}` },
            );
            if (!pick) return undefined;
            format = pick.format;
            const base = source.kind === 'scan' ? source.table : 'partiql-result';
            const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
            const uri = await vscode.window.showSaveDialog({
              title: `Export ${what} as ${pick.label}`,
              saveLabel: 'Export',
              filters: { [pick.label]: [format] },
              ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `${base}.${format}`) } : {}),
            });
            if (!uri) return undefined;
            file = uri.fsPath;
          }
          const out = file;
          const fmt = format;
          try {
            const n = await withProgress(`Exporting ${what} to ${basename(out)}`, (report, signal) =>
              exportItems(clients, source, out, {
                format: fmt,
                signal,
                onProgress: (written) => report(`${written} items written`),
              }),
            );
            void vscode.window.showInformationMessage(`Exported ${n} items to ${out}.`);
            return n;
          } catch (err) {
            if (err instanceof Error && err.name === 'AbortError') {
              void vscode.window.showInformationMessage(`Export cancelled; the partial file ${out} was deleted.`);
              return undefined;
            }
            throw err;
          }
        },
      ),
    ),

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
