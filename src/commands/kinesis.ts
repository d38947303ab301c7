// Kinesis commands: create stream, split and merge shards, put a record (explaining which shard it lands on).
import * as vscode from 'vscode';
import * as kinesis from '../aws/kinesis';
import { isNodeOf, type ExplorerNode } from '../explorer/model';
import { guarded, refreshRow, requireClients, type CommandContext } from './ui';

export function registerKinesisCommands(ctx: CommandContext): vscode.Disposable[] {
  const reg = (id: string, op: string, fn: (node?: ExplorerNode) => Promise<unknown>) =>
    vscode.commands.registerCommand(id, guarded(ctx, op, fn));

  const streamOf = (node?: ExplorerNode) =>
    isNodeOf(node, 'kinesis.stream')
      ? node.ref.streamName
      : isNodeOf(node, 'kinesis.shard')
        ? node.ref.streamName
        : undefined;

  return [
    reg('localCloudLab.kinesis.createStream', 'Create stream', async () => {
      const clients = requireClients(ctx);
      if (!clients) return;
      const name = await vscode.window.showInputBox({
        title: 'Create stream',
        prompt: 'Stream name',
        validateInput: kinesis.validateStreamName,
      });
      if (!name) return;
      const mode = await vscode.window.showQuickPick(
        [
          { label: 'Provisioned', mode: 'PROVISIONED' as const, detail: 'You choose the number of shards' },
          { label: 'On-demand', mode: 'ON_DEMAND' as const, detail: 'Capacity scales by itself' },
        ],
        { title: 'Capacity mode' },
      );
      if (!mode) return;
      let shardCount: number | undefined;
      if (mode.mode === 'PROVISIONED') {
        const text = await vscode.window.showInputBox({
          title: 'Number of shards',
          value: '2',
          validateInput: (v) => (/^\d+$/.test(v) && +v >= 1 && +v <= 50 ? undefined : 'A number from 1 to 50'),
        });
        if (!text) return;
        shardCount = Number(text);
      }
      await kinesis.createStream(clients, { name, mode: mode.mode, shardCount });
      refreshRow(ctx, 'kinesis:');
    }),

    reg('localCloudLab.kinesis.splitShard', 'Split shard', async (node) => {
      const clients = requireClients(ctx);
      const streamName = streamOf(node);
      if (!clients || !streamName) return;
      const open = (await kinesis.listShards(clients, streamName)).filter((s) => s.open);
      const shard = isNodeOf(node, 'kinesis.shard')
        ? open.find((s) => s.shardId === node.ref.shardId)
        : (
            await vscode.window.showQuickPick(
              open.map((s) => ({ label: s.shardId, description: `${s.startingHashKey} … ${s.endingHashKey}`, s })),
              { title: `Split which shard of ${streamName}?` },
            )
          )?.s;
      if (!shard) return;
      const mid = kinesis.midpointHashKey(shard);
      const key = await vscode.window.showInputBox({
        title: `Split ${shard.shardId}`,
        prompt: `New starting hash key (${shard.startingHashKey} < key ≤ ${shard.endingHashKey}); the default halves the range`,
        value: mid,
        validateInput: (v) => {
          if (!/^\d+$/.test(v)) return 'A decimal integer';
          const k = BigInt(v);
          return k > BigInt(shard.startingHashKey) && k <= BigInt(shard.endingHashKey)
            ? undefined
            : "Outside the shard's range";
        },
      });
      if (!key) return;
      await kinesis.splitShard(clients, { streamName, shardId: shard.shardId, newStartingHashKey: key });
      void vscode.window.showInformationMessage(
        `Splitting ${shard.shardId} at ${key}; the stream is UPDATING for a moment.`,
      );
      refreshRow(ctx, 'kinesis:');
    }),

    reg('localCloudLab.kinesis.mergeShards', 'Merge shards', async (node) => {
      const clients = requireClients(ctx);
      const streamName = streamOf(node);
      if (!clients || !streamName) return;
      const open = (await kinesis.listShards(clients, streamName)).filter((s) => s.open);
      const picks = await vscode.window.showQuickPick(
        open.map((s) => ({
          label: s.shardId,
          description: `${s.startingHashKey} … ${s.endingHashKey}`,
          picked: isNodeOf(node, 'kinesis.shard') && node.ref.shardId === s.shardId,
          s,
        })),
        { title: `Merge two adjacent shards of ${streamName}`, canPickMany: true },
      );
      if (!picks) return;
      if (picks.length !== 2) {
        void vscode.window.showWarningMessage('Pick exactly two shards whose hash-key ranges touch.');
        return;
      }
      const [a, b] = picks as [(typeof picks)[number], (typeof picks)[number]];
      const check = kinesis.checkMergeable(a.s, b.s);
      if (!check.ok) {
        void vscode.window.showWarningMessage(`Merge shards failed: ${check.reason}.`);
        return;
      }
      await kinesis.mergeShards(clients, {
        streamName,
        shardId: check.lower.shardId,
        adjacentShardId: check.upper.shardId,
      });
      void vscode.window.showInformationMessage(`Merging ${check.lower.shardId} and ${check.upper.shardId}.`);
      refreshRow(ctx, 'kinesis:');
    }),

    reg('localCloudLab.kinesis.putRecord', 'Put record', async (node) => {
      const clients = requireClients(ctx);
      const streamName = streamOf(node);
      if (!clients || !streamName) return;
      const partitionKey = await vscode.window.showInputBox({
        title: `Put record on ${streamName} (1/2)`,
        prompt: 'Partition key: its MD5 decides the shard',
        validateInput: (v) => (v.length >= 1 && v.length <= 256 ? undefined : '1 to 256 characters'),
      });
      if (partitionKey === undefined) return;
      const shards = await kinesis.listShards(clients, streamName);
      const route = kinesis.routePartitionKey(partitionKey, shards);
      const data = await vscode.window.showInputBox({
        title: `Put record on ${streamName} (2/2)`,
        prompt: `Data (text or JSON). Goes to ${route.shard?.shardId ?? 'no open shard'}`,
        value: '{"hello":"world"}',
      });
      if (data === undefined) return;
      const put = await kinesis.putRecord(clients, { streamName, partitionKey, data: new TextEncoder().encode(data) });
      ctx.output.info(
        `Put record on ${streamName}: ${route.explanation} Kinesis stored it in ${put.shardId} as ${put.sequenceNumber}.`,
      );
      void vscode.window.showInformationMessage(
        `Stored in ${put.shardId} (sequence ${put.sequenceNumber}). Why: ${route.explanation}`,
      );
    }),
  ];
}
