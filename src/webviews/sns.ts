// Host side of the SNS topic panel: publish with attributes; subscriptions with their filter policies, editable.
import { getSubscription, listSubscriptions, publish, setFilterPolicy, topicNameFromArn } from '../aws/sns';
import type { AwsClients } from '../aws/clients';
import type { PanelKind } from './panel';
import { requireClients, type PanelDeps } from './deps';
import {
  SNS_VIEW_TYPE,
  checkFilterPolicy,
  checkPublish,
  snsFromView,
  snsTarget,
  type SnsFromView,
  type SnsTarget,
  type SnsToView,
  type SubscriptionView,
} from './protocol/sns';

/** Subscriptions shown per topic; a topic with more says so. */
const MAX_SUBSCRIPTIONS = 200;

export function snsPanel(deps: PanelDeps): PanelKind<SnsTarget, SnsFromView, SnsToView> {
  return {
    viewType: SNS_VIEW_TYPE,
    script: 'sns',
    title: (t) => `Topic: ${topicNameFromArn(t.topicArn)}`,
    key: (t) => t.topicArn,
    target: snsTarget,
    fromView: snsFromView,
    create(host, target) {
      const name = topicNameFromArn(target.topicArn);
      const fifo = name.endsWith('.fifo');
      const init = async (signal: AbortSignal): Promise<void> => {
        const subscriptions = await readSubscriptions(await requireClients(deps), target.topicArn, signal);
        host.post({ type: 'init', target, name, fifo, subscriptions });
      };
      return {
        async onReady() {
          await host.run(0, `List subscriptions of ${name}`, init);
        },
        async onMessage(m) {
          switch (m.type) {
            case 'shown':
              return;
            case 'refresh':
              await host.run(0, `List subscriptions of ${name}`, init);
              return;
            case 'publish': {
              const problem = checkPublish(m, { fifo });
              if (problem) {
                host.refuse(m.requestId, problem);
                return;
              }
              await host.run(m.requestId, `Publish to ${name}`, async (signal) => {
                const out = await publish(
                  await requireClients(deps),
                  target.topicArn,
                  {
                    message: m.message,
                    attributes: m.attributes,
                    ...(m.subject ? { subject: m.subject } : {}),
                    ...(m.groupId ? { groupId: m.groupId } : {}),
                    ...(m.deduplicationId ? { deduplicationId: m.deduplicationId } : {}),
                  },
                  { signal },
                );
                host.post({ type: 'published', requestId: m.requestId, messageId: out.messageId });
              });
              return;
            }
            case 'setFilter': {
              const problem = checkFilterPolicy(m.policy);
              if (problem) {
                host.refuse(m.requestId, problem);
                return;
              }
              await host.run(m.requestId, `Save filter policy of ${name}`, async (signal) => {
                const clients = await requireClients(deps);
                await setFilterPolicy(clients, {
                  subscriptionArn: m.subscriptionArn,
                  policy: m.policy,
                  ...(m.scope ? { scope: m.scope } : {}),
                  signal,
                });
                const after = await getSubscription(clients, m.subscriptionArn, { signal });
                host.post({
                  type: 'filterSaved',
                  requestId: m.requestId,
                  subscriptionArn: m.subscriptionArn,
                  ...(after.filterPolicy ? { policy: after.filterPolicy } : {}),
                });
              });
              return;
            }
          }
        },
      };
    },
  };
}

async function readSubscriptions(
  clients: AwsClients,
  topicArn: string,
  signal: AbortSignal,
): Promise<SubscriptionView[]> {
  const out: SubscriptionView[] = [];
  let token: string | undefined;
  do {
    const page = await listSubscriptions(clients, { topicArn, token, signal });
    for (const s of page.subscriptions) {
      if (out.length >= MAX_SUBSCRIPTIONS) return out;
      if (s.pending) {
        out.push(s);
        continue;
      }
      const d = await getSubscription(clients, s.arn, { signal });
      out.push({
        arn: s.arn,
        protocol: s.protocol,
        endpoint: s.endpoint,
        pending: d.pending,
        ...(d.filterPolicy ? { filterPolicy: d.filterPolicy } : {}),
        ...(d.filterPolicyScope ? { filterPolicyScope: d.filterPolicyScope } : {}),
      });
    }
    token = page.next;
  } while (token);
  return out;
}
