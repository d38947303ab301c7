// CloudWatch Logs in the explorer: log groups, each group's streams (most recent first), each stream's events
// (oldest first, a page at a time). Filtering and the live tail are commands on a group.
import { getLogEvents, listLogGroups, listLogStreams } from '../../aws/logs';
import type { ExplorerNode, ListRequest, Page, ServiceExplorer } from '../model';
import { humanBytes } from './format';

declare module '../model/refs' {
  interface ResourceRefMap {
    'logs.group': { readonly group: string };
    'logs.stream': { readonly group: string; readonly stream: string };
    'logs.event': { readonly group: string; readonly stream: string; readonly timestamp: number };
  }
}

export const TAIL_GROUP = 'localCloudLab.logs.tail';

const when = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

const logs: ServiceExplorer = {
  id: 'logs',
  label: 'CloudWatch Logs',
  icon: 'output',
  order: 110,
  healthNames: ['logs'],
  listOperation: 'List log groups',

  operationFor: (parent) => (parent.ref.kind === 'logs.group' ? 'List log streams' : 'Read log events'),

  async children(parent: ExplorerNode | undefined, req: ListRequest): Promise<Page> {
    if (!parent) {
      const page = await listLogGroups(req.clients, { token: req.cursor, limit: req.pageSize, signal: req.signal });
      return {
        nodes: page.groups.map((g) => ({
          id: `logs:group:${g.name}`,
          label: g.name,
          description: [
            g.storedBytes ? humanBytes(g.storedBytes) : undefined,
            g.retentionDays ? `${g.retentionDays} d` : undefined,
          ]
            .filter(Boolean)
            .join(' · '),
          tooltip: [
            g.arn ?? g.name,
            g.createdAt ? `Created ${when(g.createdAt)}` : undefined,
            'Right-click → Filter Log Events or Tail.',
          ]
            .filter(Boolean)
            .join('\n'),
          icon: 'output',
          contextValue: 'lcl.logs.group',
          collapsible: 'collapsed',
          ref: { kind: 'logs.group', group: g.name },
        })),
        next: page.next,
      };
    }
    const ref = parent.ref;
    if (ref.kind === 'logs.group') {
      const page = await listLogStreams(req.clients, {
        group: ref.group,
        token: req.cursor,
        limit: req.pageSize,
        signal: req.signal,
      });
      return {
        nodes: page.streams.map((s) => ({
          id: `logs:stream:${ref.group}/${s.name}`,
          label: s.name,
          description: when(s.lastEventAt),
          tooltip: [
            `Stream ${s.name}`,
            s.firstEventAt ? `First event ${when(s.firstEventAt)}` : undefined,
            s.lastEventAt ? `Last event ${when(s.lastEventAt)}` : undefined,
          ]
            .filter(Boolean)
            .join('\n'),
          icon: 'list-flat',
          contextValue: 'lcl.logs.stream',
          collapsible: 'collapsed',
          ref: { kind: 'logs.stream', group: ref.group, stream: s.name },
        })),
        next: page.next,
      };
    }
    if (ref.kind === 'logs.stream') {
      const page = await getLogEvents(req.clients, {
        group: ref.group,
        stream: ref.stream,
        token: req.cursor,
        limit: req.pageSize,
        signal: req.signal,
      });
      return {
        nodes: page.events.map((e, i) => {
          const firstLine = e.message.split('\n', 1)[0]!.trim();
          return {
            id: `logs:event:${ref.group}/${ref.stream}/${req.cursor ?? ''}#${i}`,
            label: firstLine.length > 200 ? `${firstLine.slice(0, 200)}…` : firstLine || '(empty)',
            description: when(e.timestamp),
            tooltip: `${when(e.timestamp)}\n${e.message.slice(0, 4000)}`,
            icon: /\b(ERROR|FATAL|Exception)\b/.test(e.message) ? 'error' : 'circle-small',
            contextValue: 'lcl.logs.event',
            collapsible: 'none',
            ref: { kind: 'logs.event', group: ref.group, stream: ref.stream, timestamp: e.timestamp },
          } satisfies ExplorerNode;
        }),
        next: page.next,
      };
    }
    return { nodes: [] };
  },
};

export default logs;
