// Step Functions in the explorer: state machines, each one's executions (newest first as the API lists them), and
// each execution's event history in order.
import { getExecutionHistory, listExecutions, listStateMachines } from '../../aws/stepFunctions';
import type { ExplorerNode, ListRequest, Page, ServiceExplorer } from '../model';

declare module '../model/refs' {
  interface ResourceRefMap {
    'sfn.stateMachine': { readonly stateMachineArn: string; readonly name: string };
    'sfn.execution': { readonly executionArn: string; readonly name: string; readonly status: string };
    'sfn.event': { readonly executionArn: string; readonly eventId: number };
  }
}

export const SHOW_DEFINITION = 'localCloudLab.stepfunctions.showDefinition';

const STATUS_ICON: Readonly<Record<string, [string, string?]>> = {
  RUNNING: ['sync', 'charts.blue'],
  SUCCEEDED: ['pass', 'testing.iconPassed'],
  FAILED: ['error', 'testing.iconFailed'],
  TIMED_OUT: ['watch', 'testing.iconFailed'],
  ABORTED: ['circle-slash', 'disabledForeground'],
};

const stepfunctions: ServiceExplorer = {
  id: 'stepfunctions',
  label: 'Step Functions',
  icon: 'type-hierarchy-sub',
  order: 130,
  healthNames: ['stepfunctions'],
  listOperation: 'List state machines',

  operationFor: (parent) => (parent.ref.kind === 'sfn.stateMachine' ? 'List executions' : 'Read execution history'),

  async children(parent: ExplorerNode | undefined, req: ListRequest): Promise<Page> {
    const limit = Math.min(1000, req.pageSize);
    if (!parent) {
      const page = await listStateMachines(req.clients, { token: req.cursor, limit, signal: req.signal });
      return {
        nodes: page.machines.map((m) => ({
          id: `stepfunctions:machine:${m.arn}`,
          label: m.name,
          description: m.type,
          tooltip: `${m.arn}${m.createdAt ? `\nCreated ${m.createdAt}` : ''}\nClick to see the definition; right-click → Start Execution.`,
          icon: 'type-hierarchy-sub',
          contextValue: 'lcl.stepfunctions.stateMachine',
          collapsible: 'collapsed',
          command: { command: SHOW_DEFINITION, title: 'Show definition' },
          ref: { kind: 'sfn.stateMachine', stateMachineArn: m.arn, name: m.name },
        })),
        next: page.next,
      };
    }
    const ref = parent.ref;
    if (ref.kind === 'sfn.stateMachine') {
      const page = await listExecutions(req.clients, {
        stateMachineArn: ref.stateMachineArn,
        token: req.cursor,
        limit,
        signal: req.signal,
      });
      return {
        nodes: page.executions.map((e) => {
          const [icon, color] = STATUS_ICON[e.status] ?? ['circle-outline'];
          return {
            id: `stepfunctions:execution:${e.arn}`,
            label: e.name,
            description: [e.status, e.startedAt].filter(Boolean).join(' · '),
            tooltip: [e.arn, e.startedAt && `Started ${e.startedAt}`, e.stoppedAt && `Stopped ${e.stoppedAt}`]
              .filter(Boolean)
              .join('\n'),
            icon,
            ...(color ? { iconColor: color } : {}),
            contextValue: 'lcl.stepfunctions.execution',
            collapsible: 'collapsed',
            ref: { kind: 'sfn.execution', executionArn: e.arn, name: e.name, status: e.status },
          } satisfies ExplorerNode;
        }),
        next: page.next,
      };
    }
    if (ref.kind === 'sfn.execution') {
      const page = await getExecutionHistory(req.clients, {
        executionArn: ref.executionArn,
        token: req.cursor,
        limit,
        signal: req.signal,
      });
      return {
        nodes: page.events.map((e) => ({
          id: `stepfunctions:event:${ref.executionArn}#${e.id}`,
          label: `${e.id}. ${e.type}`,
          description: [e.stateName, e.timestamp].filter(Boolean).join(' · '),
          tooltip: e.details ? `${e.type}\n${e.details.slice(0, 4000)}` : e.type,
          icon: /Failed|TimedOut|Aborted/.test(e.type)
            ? 'error'
            : /Succeeded|Exited/.test(e.type)
              ? 'pass'
              : 'circle-small',
          contextValue: 'lcl.stepfunctions.event',
          collapsible: 'none',
          ref: { kind: 'sfn.event', executionArn: ref.executionArn, eventId: e.id },
        })),
        next: page.next,
      };
    }
    return { nodes: [] };
  },
};

export default stepfunctions;
