// EventBridge in the explorer: event buses, each bus's rules (pattern or schedule), each rule's targets.
import { listEventBuses, listRules, listTargets } from '../../aws/eventBridge';
import type { ExplorerNode, ListRequest, Page, ServiceExplorer } from '../model';

declare module '../model/refs' {
  interface ResourceRefMap {
    'eventbridge.bus': { readonly bus: string; readonly arn: string };
    'eventbridge.rule': { readonly bus: string; readonly rule: string };
    'eventbridge.target': {
      readonly bus: string;
      readonly rule: string;
      readonly targetId: string;
      readonly arn: string;
    };
  }
}

export const PUT_EVENT = 'localCloudLab.eventbridge.putEvent';

/** "sqs:orders", "lambda:handler", or the ARN's resource part. */
function targetText(arn: string): string {
  const parts = arn.split(':');
  if (parts.length < 6) return arn;
  return `${parts[2]}:${parts
    .slice(5)
    .join(':')
    .replace(/^function:/, '')}`;
}

const eventbridge: ServiceExplorer = {
  id: 'eventbridge',
  label: 'EventBridge',
  icon: 'zap',
  order: 140,
  healthNames: ['events'],
  listOperation: 'List event buses',

  operationFor: (parent) => (parent.ref.kind === 'eventbridge.bus' ? 'List rules' : 'List targets'),

  async children(parent: ExplorerNode | undefined, req: ListRequest): Promise<Page> {
    const limit = Math.min(100, req.pageSize);
    if (!parent) {
      const page = await listEventBuses(req.clients, { token: req.cursor, limit, signal: req.signal });
      return {
        nodes: page.buses.map((b) => ({
          id: `eventbridge:bus:${b.name}`,
          label: b.name,
          tooltip: `${b.arn}\nRight-click → Put Event.`,
          icon: 'zap',
          contextValue: 'lcl.eventbridge.bus',
          collapsible: 'collapsed',
          ref: { kind: 'eventbridge.bus', bus: b.name, arn: b.arn },
        })),
        next: page.next,
      };
    }
    const ref = parent.ref;
    if (ref.kind === 'eventbridge.bus') {
      const page = await listRules(req.clients, { bus: ref.bus, token: req.cursor, limit, signal: req.signal });
      return {
        nodes: page.rules.map((r) => ({
          id: `eventbridge:rule:${ref.bus}/${r.name}`,
          label: r.name,
          description: [r.state === 'DISABLED' ? 'disabled' : undefined, r.scheduleExpression]
            .filter(Boolean)
            .join(' · '),
          tooltip: [
            r.arn,
            r.description,
            r.eventPattern ? `Pattern: ${r.eventPattern}` : undefined,
            r.scheduleExpression ? `Schedule: ${r.scheduleExpression}` : undefined,
          ]
            .filter(Boolean)
            .join('\n'),
          icon: r.scheduleExpression ? 'watch' : 'filter',
          contextValue: 'lcl.eventbridge.rule',
          collapsible: 'collapsed',
          ref: { kind: 'eventbridge.rule', bus: ref.bus, rule: r.name },
        })),
        next: page.next,
      };
    }
    if (ref.kind === 'eventbridge.rule') {
      const page = await listTargets(req.clients, {
        bus: ref.bus,
        rule: ref.rule,
        token: req.cursor,
        limit,
        signal: req.signal,
      });
      return {
        nodes: page.targets.map((t) => ({
          id: `eventbridge:target:${ref.bus}/${ref.rule}/${t.id}`,
          label: targetText(t.arn),
          description: t.id,
          tooltip: [
            t.arn,
            t.input ? `Input: ${t.input}` : undefined,
            t.inputPath ? `Input path: ${t.inputPath}` : undefined,
          ]
            .filter(Boolean)
            .join('\n'),
          icon: 'target',
          contextValue: 'lcl.eventbridge.target',
          collapsible: 'none',
          ref: { kind: 'eventbridge.target', bus: ref.bus, rule: ref.rule, targetId: t.id, arn: t.arn },
        })),
        next: page.next,
      };
    }
    return { nodes: [] };
  },
};

export default eventbridge;
