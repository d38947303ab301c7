// SNS in the explorer: topics, and under each its subscriptions (protocol → endpoint, with or without a filter).
import { mapLimit } from '../../aws/concurrency';
import { getSubscription, listSubscriptions, listTopics } from '../../aws/sns';
import type { ExplorerNode, ListRequest, Page, ServiceExplorer } from '../model';
import { prettyJson } from './format';

declare module '../model/refs' {
  interface ResourceRefMap {
    'sns.topic': { readonly topicArn: string; readonly name: string; readonly fifo: boolean };
    'sns.subscription': { readonly subscriptionArn: string; readonly topicArn: string; readonly hasFilter: boolean };
  }
}

export const OPEN_TOPIC = 'localCloudLab.sns.openTopic';

const sns: ServiceExplorer = {
  id: 'sns',
  label: 'SNS',
  icon: 'broadcast',
  order: 60,
  healthNames: ['sns'],
  listOperation: 'List topics',

  operationFor: () => 'List subscriptions',

  async children(parent: ExplorerNode | undefined, req: ListRequest): Promise<Page> {
    if (!parent) {
      const page = await listTopics(req.clients, { token: req.cursor, signal: req.signal });
      return {
        nodes: page.topics.map((t) => ({
          id: `sns:topic:${t.arn}`,
          label: t.name,
          description: t.fifo ? 'FIFO' : undefined,
          tooltip: `${t.arn}\nClick to publish and to see or edit the subscriptions' filter policies.`,
          icon: 'broadcast',
          contextValue: 'lcl.sns.topic',
          collapsible: 'collapsed',
          command: { command: OPEN_TOPIC, title: 'Open topic' },
          ref: { kind: 'sns.topic', topicArn: t.arn, name: t.name, fifo: t.fifo },
        })),
        next: page.next,
      };
    }
    if (parent.ref.kind !== 'sns.topic') return { nodes: [] };
    const topicArn = parent.ref.topicArn;
    const page = await listSubscriptions(req.clients, { topicArn, token: req.cursor, signal: req.signal });
    const details = await mapLimit(page.subscriptions, 4, async (s) =>
      s.pending ? undefined : getSubscription(req.clients, s.arn, { signal: req.signal }).catch(() => undefined),
    );
    const nodes: ExplorerNode[] = page.subscriptions.map((s, i) => {
      const d = details[i];
      const filter = d?.filterPolicy;
      return {
        id: `sns:sub:${s.arn || `${topicArn}/${i}`}`,
        label: `${s.protocol} → ${s.endpoint}`,
        description: s.pending ? 'pending confirmation' : filter ? 'filtered' : 'no filter',
        tooltip: filter
          ? `Filter policy (${d?.filterPolicyScope ?? 'MessageAttributes'}):\n${prettyJson(filter)}`
          : s.pending
            ? 'Waiting for the endpoint to confirm the subscription.'
            : 'Receives every message published to the topic.',
        icon: filter ? 'filter' : 'debug-disconnect',
        contextValue: s.pending ? 'lcl.sns.subscription.pending' : 'lcl.sns.subscription',
        collapsible: 'none',
        command: { command: OPEN_TOPIC, title: 'Open topic', arguments: [parent] },
        ref: { kind: 'sns.subscription', subscriptionArn: s.arn, topicArn, hasFilter: !!filter },
      };
    });
    return { nodes, next: page.next };
  },
};

export default sns;
