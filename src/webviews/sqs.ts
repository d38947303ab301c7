// Host side of the SQS messages panel: send (validated, FIFO-aware), peek without consuming through LocalStack's
// developer endpoint, or — where the backend has none — a receive that warns first and gives messages straight
// back (VisibilityTimeout 0); delete a received message after confirmation.
import { endpointFor } from '../aws/connection';
import { deleteMessage, getQueue, receiveMessages, type QueueRecord } from '../aws/sqs';
import { contentBasedDeduplication, peekMessages, sendMessage } from '../aws/sqsMessages';
import type { PanelKind } from './panel';
import { requireClients, type PanelDeps } from './deps';
import { confirmRequest, rememberBounded } from './requests';
import {
  SQS_VIEW_TYPE,
  checkSend,
  sqsFromView,
  sqsTarget,
  type QueueCounts,
  type SqsFromView,
  type SqsTarget,
  type SqsToView,
} from './protocol/sqs';

/** Receipt handles kept per panel for "Delete"; the oldest are forgotten first. */
const MAX_HANDLES = 100;

export function sqsPanel(deps: PanelDeps): PanelKind<SqsTarget, SqsFromView, SqsToView> {
  return {
    viewType: SQS_VIEW_TYPE,
    script: 'sqs',
    title: (t) => `Messages: ${t.queueName}`,
    key: (t) => t.queueUrl,
    target: sqsTarget,
    fromView: sqsFromView,
    create(host, target) {
      const name = target.queueName;
      const handles = new Map<string, string>();
      let canPeek: boolean | undefined;
      let counts: QueueCounts = {};

      const readCounts = async (signal: AbortSignal): Promise<QueueCounts> => {
        const clients = await requireClients(deps);
        const q: QueueRecord = await getQueue(clients, target.queueUrl, { signal });
        counts = {
          ...(q.visible !== undefined ? { visible: q.visible } : {}),
          ...(q.inFlight !== undefined ? { inFlight: q.inFlight } : {}),
          ...(q.delayed !== undefined ? { delayed: q.delayed } : {}),
          ...(q.deadLetterTargetArn ? { deadLetterTargetArn: q.deadLetterTargetArn } : {}),
          ...(q.maxReceiveCount !== undefined ? { maxReceiveCount: q.maxReceiveCount } : {}),
          ...(target.fifo
            ? { contentBasedDeduplication: await contentBasedDeduplication(clients, target.queueUrl, { signal }) }
            : {}),
        };
        return counts;
      };
      const detectPeek = async (signal: AbortSignal): Promise<boolean> => {
        const backend = deps.backend();
        const { connection } = await requireClients(deps);
        // The main emulator's answer holds only when it also serves SQS; another SQS endpoint is asked directly.
        if (backend && !connection.serviceEndpoints.sqs) return backend.sqsPeek;
        const probe = await peekMessages(endpointFor(connection, 'sqs'), target.queueUrl, {
          signal,
        });
        return probe.supported;
      };

      return {
        async onReady() {
          await host.run(0, `Read queue ${name}`, async (signal) => {
            const c = await readCounts(signal);
            canPeek ??= await detectPeek(signal);
            host.post({ type: 'init', target, canPeek, backend: deps.backend()?.kind ?? 'unknown', counts: c });
          });
        },
        async onMessage(m) {
          switch (m.type) {
            case 'shown':
              return;
            case 'refresh':
              await host.run(0, `Read queue ${name}`, async (signal) => {
                host.post({ type: 'counts', counts: await readCounts(signal) });
              });
              return;
            case 'send':
              await host.run(m.requestId, `Send message to ${name}`, async (signal) => {
                const input = {
                  body: m.body,
                  attributes: m.attributes,
                  ...(m.delaySeconds !== undefined ? { delaySeconds: m.delaySeconds } : {}),
                  ...(m.groupId ? { groupId: m.groupId } : {}),
                  ...(m.deduplicationId ? { deduplicationId: m.deduplicationId } : {}),
                };
                const problem = checkSend(input, {
                  fifo: target.fifo,
                  contentBasedDeduplication: counts.contentBasedDeduplication,
                });
                if (problem) {
                  host.refuse(m.requestId, problem);
                  return;
                }
                const sent = await sendMessage(await requireClients(deps), target.queueUrl, input, { signal });
                host.post({ type: 'sent', requestId: m.requestId, ...sent });
                host.post({ type: 'counts', counts: await readCounts(signal) });
                deps.refreshExplorer();
              });
              return;
            case 'peek':
              await host.run(m.requestId, `Peek at ${name}`, async (signal) => {
                const result = await peekMessages(
                  endpointFor((await requireClients(deps)).connection, 'sqs'),
                  target.queueUrl,
                  {
                    showInvisible: m.showInvisible,
                    showDelayed: m.showDelayed,
                    signal,
                  },
                );
                if (!result.supported) {
                  canPeek = false;
                  throw new Error(`${result.reason}; use Receive instead`);
                }
                host.post({ type: 'messages', requestId: m.requestId, mode: 'peek', messages: result.messages });
              });
              return;
            case 'receive':
              await host.run(m.requestId, `Receive from ${name}`, async (signal) => {
                const dlq = counts.deadLetterTargetArn
                  ? ` This queue moves a message to its dead-letter queue (${counts.deadLetterTargetArn.split(':').pop()}) after ${counts.maxReceiveCount ?? '?'} receives.`
                  : '';
                const question = {
                  message: `Receive up to ${m.max} messages from ${name}?`,
                  detail:
                    "This is a real ReceiveMessage, not a peek: it raises each message's receive count and can move " +
                    `messages to a dead-letter queue.${dlq} The messages are given back at once (VisibilityTimeout 0).`,
                  action: 'Receive',
                };
                if (!(await confirmRequest(deps, host, m.requestId, question, 'Receive cancelled: nothing was read.')))
                  return;
                const got = await receiveMessages(await requireClients(deps), target.queueUrl, {
                  max: m.max,
                  visibilityTimeout: 0,
                  signal,
                });
                for (const g of got) {
                  rememberBounded(handles, g.messageId, g.receiptHandle, MAX_HANDLES);
                }
                host.post({
                  type: 'messages',
                  requestId: m.requestId,
                  mode: 'receive',
                  messages: got.map((g) => ({
                    messageId: g.messageId,
                    body: g.body,
                    attributes: g.attributes,
                    messageAttributes: Object.fromEntries(
                      Object.entries(g.messageAttributes).map(([k, v]) => [
                        k,
                        { dataType: v.dataType, value: v.stringValue ?? '' },
                      ]),
                    ),
                    deletable: true,
                  })),
                });
                host.post({ type: 'counts', counts: await readCounts(signal) });
              });
              return;
            case 'delete':
              await host.run(m.requestId, `Delete message from ${name}`, async (signal) => {
                const handle = handles.get(m.messageId);
                if (!handle) throw new Error('only a message from the last Receive can be deleted; receive it again');
                const question = {
                  message: `Delete message ${m.messageId} from ${name}?`,
                  detail: 'The message is removed from the queue for good.',
                  action: 'Delete',
                };
                if (
                  !(await confirmRequest(deps, host, m.requestId, question, 'Delete cancelled: nothing was changed.'))
                )
                  return;
                await deleteMessage(await requireClients(deps), target.queueUrl, handle, { signal });
                handles.delete(m.messageId);
                host.post({ type: 'deleted', requestId: m.requestId, messageId: m.messageId });
                host.post({ type: 'counts', counts: await readCounts(signal) });
                deps.refreshExplorer();
              });
              return;
          }
        },
      };
    },
  };
}
