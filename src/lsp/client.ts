// Starts the bundled language server on the first document it has something to say about, and hosts the client
// side of its custom commands. Nothing starts at activation unless such a document is already open.
import * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import {
  baseTextNotification,
  type BaseTextParams,
  clientCommands,
  serviceActionsRequest,
  type DisableRuleForFileArgs,
  type InitializationOptions,
  type PickServiceActionsArgs,
  type ServiceActionsParams,
  type ServiceActionsResult,
} from '../../server/src/lsp/protocol';
import { lazyBundle } from '../lazy';
import type * as ClientRuntime from './languageClientRuntime';
import { replacementForActions } from './actionsEdit';

const runtime = lazyBundle<typeof ClientRuntime>('language-client.js');

const documentSelector = [
  { language: 'json' },
  { language: 'jsonc' },
  { language: 'yaml' },
  { language: 'terraform' },
  { pattern: '**/*.tf' },
  { pattern: '**/*.template' },
];

/** Cheap look at the text: does it mention anything the analyzers read? Keeps the server asleep for package.json. */
const relevant =
  /"Statement"|\bStatement\s*:|AWS::(IAM|S3|SQS|SNS|DynamoDB|Serverless)::|aws_iam_|aws_dynamodb_table|aws_s3_bucket_policy|aws_sqs_queue_policy|aws_sns_topic_policy|assume_role_policy|"KeySchema"|\bKeySchema\s*:|"AttributeDefinitions"|"DataModel"|hash_key/;

export function isRelevant(document: vscode.TextDocument): boolean {
  if (vscode.languages.match(documentSelector, document) === 0) return false;
  return relevant.test(document.getText().slice(0, 200_000));
}

export class AnalysisClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly started = new vscode.EventEmitter<void>();
  /** Fires each time the server has started (the first time, and after a restart). */
  readonly onDidStart = this.started.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  /** Watches for the first relevant document; registers the commands the server's code actions use. */
  register(): void {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.maybeStart(doc)),
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && this.maybeStart(editor.document)),
      vscode.commands.registerCommand(clientCommands.disableRuleForFile, (args: DisableRuleForFileArgs) =>
        disableRuleForFile(args),
      ),
      vscode.commands.registerCommand(clientCommands.pickServiceActions, (args: PickServiceActionsArgs) =>
        this.pickServiceActions(args),
      ),
      vscode.commands.registerCommand('localCloudLab.analysis.restartServer', async () => {
        await this.stop();
        await this.start();
      }),
    );
    for (const doc of vscode.workspace.textDocuments) this.maybeStart(doc);
  }

  /** The running client, starting it if needed (for features that need the server on demand). */
  start(): Promise<LanguageClient> {
    if (this.client) return Promise.resolve(this.client);
    this.starting ??= this.launch().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private maybeStart(doc: vscode.TextDocument): void {
    if (this.client || this.starting || !isRelevant(doc)) return;
    void this.start().catch((error: unknown) =>
      this.output.error(`Starting the language server failed: ${String(error)}`),
    );
  }

  private async launch(): Promise<LanguageClient> {
    const { LanguageClient, TransportKind } = runtime();
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const initializationOptions: InitializationOptions = {
      docsBaseUri: vscode.Uri.joinPath(this.context.extensionUri, 'docs', 'rules').toString(),
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector,
      initializationOptions,
      outputChannel: this.output,
      diagnosticCollectionName: 'localCloudLab',
      synchronize: { configurationSection: 'localCloudLab.analysis' },
    };
    const client = new LanguageClient('localCloudLab', 'Local Cloud Lab analysis', serverOptions, clientOptions);
    const started = Date.now();
    await client.start();
    this.output.info(`Language server started in ${Date.now() - started} ms`);
    this.client = client;
    this.started.fire();
    return client;
  }

  /** Tells the server the committed text of an open document (starting the server if needed). */
  async sendBaseText(params: BaseTextParams): Promise<void> {
    const client = await this.start();
    await client.sendNotification(baseTextNotification.method, params);
  }

  private async pickServiceActions(args: PickServiceActionsArgs): Promise<void> {
    const client = await this.start();
    const params: ServiceActionsParams = { service: args.service };
    const result = await client.sendRequest<ServiceActionsResult>(serviceActionsRequest.method, params);
    if (!result.groups.length) {
      void vscode.window.showWarningMessage(`No actions are known for the service "${args.service}".`);
      return;
    }
    type Item = vscode.QuickPickItem & { action?: string };
    const items: Item[] = [];
    for (const group of result.groups) {
      items.push({ label: group.accessLevel, kind: vscode.QuickPickItemKind.Separator });
      for (const action of group.actions) items.push({ label: action, description: group.accessLevel, action });
    }
    const picked = await vscode.window.showQuickPick(items, {
      canPickMany: true,
      title: `Grant only these ${args.service} actions instead of ${args.service}:*`,
      placeHolder: 'Type to filter; pick every action the policy really needs',
      matchOnDescription: true,
    });
    const actions = (picked ?? []).flatMap((p) => (p.action ? [p.action] : []));
    if (!actions.length) return;
    const uri = vscode.Uri.parse(args.uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const range = new vscode.Range(
      args.range.start.line,
      args.range.start.character,
      args.range.end.line,
      args.range.end.character,
    );
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      uri,
      range,
      replacementForActions(document.getText(), document.offsetAt(range.start), document.offsetAt(range.end), actions),
    );
    await vscode.workspace.applyEdit(edit);
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.stop();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.started.dispose();
    void this.stop();
  }
}

async function disableRuleForFile({ ruleId, uri }: DisableRuleForFileArgs): Promise<void> {
  const target = vscode.Uri.parse(uri);
  const folder = vscode.workspace.getWorkspaceFolder(target);
  const file = folder ? vscode.workspace.asRelativePath(target, false) : target.path.split('/').pop()!;
  const config = vscode.workspace.getConfiguration('localCloudLab.analysis', target);
  type Override = { files: string | string[]; rules: Record<string, string> };
  const overrides = [...(config.get<Override[]>('overrides') ?? [])];
  const existing = overrides.findIndex((o) => o.files === file);
  if (existing >= 0) overrides[existing] = { files: file, rules: { ...overrides[existing]!.rules, [ruleId]: 'off' } };
  else overrides.push({ files: file, rules: { [ruleId]: 'off' } });
  const scope = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
  await config.update('overrides', overrides, scope);
  void vscode.window.showInformationMessage(`${ruleId} is off for ${file} (setting localCloudLab.analysis.overrides).`);
}
