// SQS in the explorer: queues with their type, message counts and dead-letter relationships.
import { listQueues, queueNameFromArn, type QueueRecord } from '../../aws/sqs';
import type { ExplorerNode, ListRequest, Page, ServiceExplorer } from '../model';

function describeCounts(q: QueueRecord): string {
  if (q.attributesError) return 'attributes unavailable';
  return `${q.visible ?? '?'} visible · ${q.inFlight ?? '?'} in flight · ${q.delayed ?? '?'} delayed`;
}

export function queueNode(q: QueueRecord, dlqOf: readonly string[]): ExplorerNode {
  const parts = [q.fifo ? 'FIFO' : 'standard', describeCounts(q)];
  const dlqName = q.deadLetterTargetArn ? queueNameFromArn(q.deadLetterTargetArn) : undefined;
  if (dlqName) parts.push(`DLQ → ${dlqName}`);
  if (dlqOf.length) parts.push(`DLQ of ${dlqOf.join(', ')}`);
  const tooltip = [
    `${q.name} (${q.fifo ? 'FIFO' : 'standard'} queue)`,
    q.url,
    q.attributesError ? `Attributes could not be read: ${q.attributesError}` : undefined,
    q.visible !== undefined ? `Visible (waiting): ${q.visible}` : undefined,
    q.inFlight !== undefined ? `In flight (received, not yet deleted): ${q.inFlight}` : undefined,
    q.delayed !== undefined ? `Delayed: ${q.delayed}` : undefined,
    q.visibilityTimeout !== undefined ? `Visibility timeout: ${q.visibilityTimeout} s` : undefined,
    q.retentionSeconds !== undefined ? `Retention: ${Math.round(q.retentionSeconds / 3600)} h` : undefined,
    dlqName ? `Dead-letter queue: ${dlqName} after ${q.maxReceiveCount ?? '?'} receives` : undefined,
    dlqOf.length ? `Dead-letter queue for: ${dlqOf.join(', ')}` : undefined,
  ]
    .filter(Boolean)
    .join('\n');
  const isDlq = dlqOf.length > 0;
  return {
    id: `sqs:queue:${q.url}`,
    label: q.name,
    description: parts.join(' · '),
    tooltip,
    icon: isDlq ? 'inbox' : q.fifo ? 'list-ordered' : 'mail',
    iconColor: isDlq && (q.visible ?? 0) > 0 ? 'list.warningForeground' : undefined,
    // `.dlq` lets the redrive command show only on dead-letter queues.
    contextValue: isDlq ? 'lcl.sqs.queue.dlq' : 'lcl.sqs.queue',
    collapsible: 'none',
    ref: { kind: 'sqs.queue', queueUrl: q.url, queueName: q.name, fifo: q.fifo },
  };
}

const sqs: ServiceExplorer = {
  id: 'sqs',
  label: 'SQS',
  icon: 'mail',
  order: 20,
  healthNames: ['sqs'],
  listOperation: 'List queues',

  async children(parent: ExplorerNode | undefined, req: ListRequest): Promise<Page> {
    if (parent) return { nodes: [] };
    const page = await listQueues(req.clients, req);
    // Which queues on this page are dead-letter queues of which others (by ARN).
    const sources = new Map<string, string[]>();
    for (const q of page.queues) {
      if (!q.deadLetterTargetArn) continue;
      const list = sources.get(q.deadLetterTargetArn) ?? [];
      list.push(q.name);
      sources.set(q.deadLetterTargetArn, list);
    }
    return {
      nodes: page.queues.map((q) => queueNode(q, (q.arn && sources.get(q.arn)) || [])),
      next: page.next,
    };
  },
};

export default sqs;
