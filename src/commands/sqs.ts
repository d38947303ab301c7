// SQS commands that are not panels: create queue, purge, delete queue, delete a message, redrive a DLQ.
import * as vscode from 'vscode';
import * as sqs from '../aws/sqs';
import { isNodeOf, type ExplorerNode } from '../explorer/model';
import { guarded, refreshRow, requireClients, withProgress, type CommandContext } from './ui';

export function registerSqsCommands(ctx: CommandContext): vscode.Disposable[] {
  const reg = (id: string, op: string, fn: (node?: ExplorerNode, arg?: unknown) => Promise<unknown>) =>
    vscode.commands.registerCommand(id, guarded(ctx, op, fn));

  return [
    reg('localCloudLab.sqs.createQueue', 'Create queue', async () => {
      const clients = requireClients(ctx);
      if (!clients) return;
      const type = await vscode.window.showQuickPick(
        [
          { label: 'Standard', fifo: false, detail: 'At-least-once delivery, best-effort ordering' },
          { label: 'FIFO', fifo: true, detail: 'Exactly-once processing, ordered per message group' },
        ],
        { title: 'Create queue (1/3): type' },
      );
      if (!type) return;
      const name = await vscode.window.showInputBox({
        title: 'Create queue (2/3): name',
        prompt: type.fifo ? '".fifo" is added if you leave it out' : undefined,
        validateInput: (v) => sqs.validateQueueName(type.fifo && !v.endsWith('.fifo') ? `${v}.fifo` : v, type.fifo),
      });
      if (!name) return;
      const { queues } = await sqs.listQueues(clients, { pageSize: 1000 });
      const candidates = queues.filter((q) => q.fifo === type.fifo && q.arn);
      const none = { label: 'No dead-letter queue', arn: undefined as string | undefined };
      const dlq = await vscode.window.showQuickPick(
        [none, ...candidates.map((q) => ({ label: q.name, description: 'as dead-letter queue', arn: q.arn }))],
        { title: 'Create queue (3/3): dead-letter queue', placeHolder: 'Where messages go after repeated failures' },
      );
      if (!dlq) return;
      let maxReceiveCount: number | undefined;
      if (dlq.arn) {
        const text = await vscode.window.showInputBox({
          title: 'Receives before a message moves to the dead-letter queue',
          value: '5',
          validateInput: (v) => (/^\d+$/.test(v) && +v >= 1 && +v <= 1000 ? undefined : 'A number from 1 to 1000'),
        });
        if (!text) return;
        maxReceiveCount = Number(text);
      }
      const url = await sqs.createQueue(clients, {
        name,
        fifo: type.fifo,
        contentBasedDeduplication: type.fifo,
        deadLetterTargetArn: dlq.arn,
        maxReceiveCount,
      });
      void vscode.window.showInformationMessage(`Created ${sqs.queueNameFromUrl(url)}`);
      refreshRow(ctx, 'sqs:');
    }),

    reg('localCloudLab.sqs.purgeQueue', 'Purge queue', async (node) => {
      if (!isNodeOf(node, 'sqs.queue')) return;
      const clients = requireClients(ctx);
      if (!clients) return;
      const q = await sqs.getQueue(clients, node.ref.queueUrl);
      const ok = await ctx.confirm(
        `Purge queue "${q.name}"?`,
        `All ${(q.visible ?? 0) + (q.inFlight ?? 0) + (q.delayed ?? 0)} messages in ${q.name} (visible, in flight and delayed) are deleted. This cannot be undone.`,
        'Purge',
      );
      if (!ok) return;
      await sqs.purgeQueue(clients, node.ref.queueUrl);
      refreshRow(ctx, 'sqs:');
    }),

    reg('localCloudLab.sqs.deleteQueue', 'Delete queue', async (node) => {
      if (!isNodeOf(node, 'sqs.queue')) return;
      const clients = requireClients(ctx);
      if (!clients) return;
      const ok = await ctx.confirm(
        `Delete queue "${node.ref.queueName}"?`,
        `${node.ref.queueUrl} and its messages are deleted.`,
        'Delete queue',
      );
      if (!ok) return;
      await sqs.deleteQueue(clients, node.ref.queueUrl);
      refreshRow(ctx, 'sqs:');
    }),

    /** Called by the message views with { queueUrl, receiptHandle, messageId }, or from the palette. */
    reg('localCloudLab.sqs.deleteMessage', 'Delete message', async (node, arg) => {
      const clients = requireClients(ctx);
      if (!clients) return;
      const given = (arg ?? node) as { queueUrl?: string; receiptHandle?: string; messageId?: string } | undefined;
      const queueUrl = isNodeOf(node, 'sqs.queue') ? node.ref.queueUrl : given?.queueUrl;
      if (!queueUrl) return;
      let receiptHandle = given?.receiptHandle;
      let messageId = given?.messageId;
      if (!receiptHandle) {
        const warn = await ctx.confirm(
          `Receive messages from "${sqs.queueNameFromUrl(queueUrl)}" to pick one to delete?`,
          "Receiving raises each message's receive count and hides it for 30 seconds; with a redrive policy, messages can move to the dead-letter queue.",
          'Receive',
        );
        if (!warn) return;
        const got = await sqs.receiveMessages(clients, queueUrl, { max: 10, visibilityTimeout: 30 });
        if (!got.length) {
          void vscode.window.showInformationMessage('No messages were visible.');
          return;
        }
        const pick = await vscode.window.showQuickPick(
          got.map((m) => ({ label: m.body.slice(0, 80) || '(empty body)', description: m.messageId, m })),
          { title: 'Delete which message?' },
        );
        if (!pick) return;
        receiptHandle = pick.m.receiptHandle;
        messageId = pick.m.messageId;
      }
      await sqs.deleteMessage(clients, queueUrl, receiptHandle);
      vscode.window.setStatusBarMessage(`Deleted message ${messageId ?? ''}`, 3000);
      refreshRow(ctx, 'sqs:');
    }),

    reg('localCloudLab.sqs.redrive', 'Redrive messages', async (node) => {
      if (!isNodeOf(node, 'sqs.queue')) return;
      const clients = requireClients(ctx);
      if (!clients) return;
      const dlq = await sqs.getQueue(clients, node.ref.queueUrl);
      const sources = await sqs.deadLetterSources(clients, dlq.url);
      if (!dlq.arn) throw new Error('the queue has no ARN');
      let targetUrl = sources[0];
      if (sources.length !== 1) {
        const { queues } = await sqs.listQueues(clients, { pageSize: 1000 });
        const pick = await vscode.window.showQuickPick(
          (sources.length ? sources : queues.filter((q) => q.url !== dlq.url).map((q) => q.url)).map((u) => ({
            label: sqs.queueNameFromUrl(u),
            url: u,
          })),
          { title: `Move messages from ${dlq.name} to…` },
        );
        if (!pick) return;
        targetUrl = pick.url;
      }
      if (!targetUrl) return;
      const target = await sqs.getQueue(clients, targetUrl);
      const ok = await ctx.confirm(
        `Move the ${dlq.visible ?? 0} visible messages from "${dlq.name}" back to "${target.name}"?`,
        'Where the emulator supports StartMessageMoveTask it does the move; otherwise each message is received, sent to the target and deleted from the dead-letter queue, ten at a time.',
        'Redrive',
      );
      if (!ok) return;
      const total = dlq.visible ?? 0;
      const outcome = await withProgress(`Redriving ${dlq.name} → ${target.name}`, (report, signal) => {
        let last = 0;
        return sqs.redrive(clients, {
          dlqUrl: dlq.url,
          dlqArn: dlq.arn ?? '',
          targetUrl: target.url,
          targetArn: target.arn,
          signal,
          progress: (moved) => {
            report(`${moved}${total ? ` of ${total}` : ''} moved`, total ? ((moved - last) / total) * 100 : undefined);
            last = moved;
          },
        });
      });
      void vscode.window.showInformationMessage(
        `Moved ${outcome.moved} messages from ${dlq.name} to ${target.name}` +
          (outcome.method === 'move-task' ? ` (message move task ${outcome.status.toLowerCase()}).` : '.'),
      );
      refreshRow(ctx, 'sqs:');
    }),
  ];
}
