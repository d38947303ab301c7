// Registers the panels, their serializers and the commands that open them, plus the Secrets Manager and KMS commands
// (src/commands) over the same connection and confirmations. Called once from the composition root.
import * as vscode from 'vscode';
import { describeError } from '../aws/errors';
import { queueUrlOf } from '../aws/sqs';
import { isNodeOf } from '../explorer/model';
import type { ExplorerApi } from '../explorer/register';
import { WebviewPanels, type PanelLog } from './panel';
import { registerKmsCommands } from '../commands/kms';
import { registerSecretsCommands } from '../commands/secrets';
import { ModalConfirm } from '../commands/ui';
import { requireClients, type PanelDeps } from './deps';
import { itemsPanel } from './items';
import { recordsPanel } from './records';
import { sqsPanel } from './sqs';
import { lambdaPanel } from './lambda';
import { snsPanel } from './sns';
import { architecturePanel } from './architecture';
import { findExplorerNode } from '../explorer/reveal';

export interface WebviewsApi {
  readonly panels: WebviewPanels;
  readonly confirm: ModalConfirm;
  readonly kinds: {
    readonly items: ReturnType<typeof itemsPanel>;
    readonly records: ReturnType<typeof recordsPanel>;
    readonly sqs: ReturnType<typeof sqsPanel>;
    readonly lambda: ReturnType<typeof lambdaPanel>;
    readonly sns: ReturnType<typeof snsPanel>;
    readonly architecture: ReturnType<typeof architecturePanel>;
  };
}

export interface WebviewsDeps {
  readonly log: PanelLog;
  readonly clients: PanelDeps['clients'];
  readonly backend: PanelDeps['backend'];
  readonly refreshExplorer: PanelDeps['refreshExplorer'];
  readonly explorer: Pick<ExplorerApi, 'tree' | 'reveal'>;
}

/** The composition root's call: panels and commands over the explorer's connection. */
export function registerWebviews(
  context: vscode.ExtensionContext,
  log: PanelLog,
  explorer: Pick<ExplorerApi, 'whenConnected' | 'monitor' | 'tree' | 'reveal'>,
): WebviewsApi {
  return registerWebviewsWith(context, {
    log,
    clients: () => explorer.whenConnected(),
    backend: () => {
      const state = explorer.monitor.state;
      return state.kind === 'connected' ? state.backend : undefined;
    },
    refreshExplorer: () => explorer.tree.refresh(),
    explorer,
  });
}

export function registerWebviewsWith(context: vscode.ExtensionContext, deps: WebviewsDeps): WebviewsApi {
  const confirm = new ModalConfirm();
  const panelDeps: PanelDeps = { ...deps, confirm: confirm.confirm };
  const panels = new WebviewPanels(context.extensionUri, deps.log);
  const kinds = {
    items: itemsPanel(panelDeps),
    records: recordsPanel(panelDeps),
    sqs: sqsPanel(panelDeps),
    lambda: lambdaPanel(panelDeps),
    sns: snsPanel(panelDeps),
    architecture: architecturePanel({
      ...panelDeps,
      reveal: async (target) => {
        const node = await findExplorerNode(deps.explorer.tree, target);
        if (!node) return false;
        await deps.explorer.reveal(node);
        return true;
      },
      // Only a refresh of the whole tree (a reconnect, the Refresh button) redraws the graph.
      onExplorerRefresh: (listener) => deps.explorer.tree.onDidChange((node) => node === undefined && listener()),
      openExport: async (content, language) => {
        const doc = await vscode.workspace.openTextDocument({ content, language });
        await vscode.window.showTextDocument(doc, { preview: false });
      },
      maxNodes: () =>
        Math.min(
          5000,
          Math.max(10, vscode.workspace.getConfiguration('localCloudLab').get<number>('architecture.maxNodes') ?? 1000),
        ),
    }),
  };
  context.subscriptions.push(
    panels,
    panels.register(kinds.items),
    panels.register(kinds.records),
    panels.register(kinds.sqs),
    panels.register(kinds.lambda),
    panels.register(kinds.sns),
    panels.register(kinds.architecture),
  );

  const command = (id: string, fn: (node?: unknown) => Promise<unknown>) =>
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (node?: unknown) => {
        try {
          return await fn(node);
        } catch (err) {
          void vscode.window.showErrorMessage(err instanceof Error ? err.message : String(err));
          return undefined;
        }
      }),
    );

  command('localCloudLab.dynamodb.openItems', async (node) => {
    const table =
      isNodeOf(node, 'dynamodb.table') || isNodeOf(node, 'dynamodb.index')
        ? node.ref.tableName
        : await ask('Table name', 'orders');
    if (table) return panels.show(kinds.items, { table });
    return undefined;
  });
  command('localCloudLab.kinesis.openRecords', async (node) => {
    if (isNodeOf(node, 'kinesis.shard')) {
      return panels.show(kinds.records, { stream: node.ref.streamName, shardId: node.ref.shardId });
    }
    const stream = isNodeOf(node, 'kinesis.stream') ? node.ref.streamName : await ask('Stream name', 'clicks');
    if (stream) return panels.show(kinds.records, { stream });
    return undefined;
  });
  command('localCloudLab.sqs.openMessages', async (node) => {
    if (isNodeOf(node, 'sqs.queue')) {
      const { queueUrl, queueName, fifo } = node.ref;
      return panels.show(kinds.sqs, { queueUrl, queueName, fifo });
    }
    const name = await ask('Queue name', 'orders');
    if (!name) return undefined;
    const url = await queueUrlOf(await requireClients(deps), name).catch((err: unknown) => {
      throw new Error(`Find queue ${name} failed: ${describeError(err)}`);
    });
    return panels.show(kinds.sqs, { queueUrl: url, queueName: name, fifo: name.endsWith('.fifo') });
  });
  command('localCloudLab.lambda.invoke', async (node) => {
    const name = isNodeOf(node, 'lambda.function') ? node.ref.functionName : await ask('Function name', 'my-function');
    if (name) return panels.show(kinds.lambda, { functionName: name });
    return undefined;
  });
  command('localCloudLab.sns.openTopic', async (node) => {
    const arn =
      isNodeOf(node, 'sns.topic') || isNodeOf(node, 'sns.subscription')
        ? node.ref.topicArn
        : await ask('Topic ARN', 'arn:aws:sns:us-east-1:000000000000:orders');
    if (!arn) return undefined;
    if (!/^arn:[^:]+:sns:/.test(arn)) throw new Error(`Open topic failed: "${arn}" is not an SNS topic ARN`);
    return panels.show(kinds.sns, { topicArn: arn });
  });

  command('localCloudLab.architecture.open', async () =>
    panels.show(kinds.architecture, { view: 'architecture' } as const),
  );

  registerSecretsCommands(context, panelDeps);
  registerKmsCommands(context, panelDeps);
  const api: WebviewsApi = { panels, confirm, kinds };
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    // Tests reach the open panels (to speak as the view through the same validation) and answer confirmations.
    context.subscriptions.push(vscode.commands.registerCommand('localCloudLab.test.webviews', () => api));
  }
  return api;
}

async function ask(prompt: string, placeholder: string): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({ prompt, placeHolder: placeholder, ignoreFocusOut: true });
  return value?.trim() || undefined;
}
