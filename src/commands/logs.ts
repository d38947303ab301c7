// CloudWatch Logs commands: Filter Log Events (a filter pattern box; matches open in a read-only editor), Tail Log
// Group and, on a Lambda function, Show Logs: a live tail that polls with backoff into a bounded buffer and stops
// when its tab is closed or the connection changes.
import * as vscode from 'vscode';
import { filterLogEvents, formatLogLine, lambdaLogGroup, tailLogs, type LogEventRecord } from '../aws/logs';
import { isNodeOf, type ExplorerNode } from '../explorer/model';
import { TAIL_CAPACITY, TAIL_REDRAW_MS, TailView } from '../logs/tailView';
import { guardedResult, requireClients, withOperation, type CommandContext } from './ui';
import type { ReadOnlyDocuments } from './views';

/** Most events a filter reads (10 pages of 100). */
const FILTER_MAX = 1_000;

export interface FilterPreset {
  readonly pattern?: string;
}

export function registerLogsCommands(ctx: CommandContext, docs: ReadOnlyDocuments): vscode.Disposable[] {
  const tails = new Map<string, AbortController>();

  const groupOf = async (node: ExplorerNode | undefined): Promise<string | undefined> => {
    if (isNodeOf(node, 'logs.group') || isNodeOf(node, 'logs.stream')) return node.ref.group;
    if (isNodeOf(node, 'lambda.function')) return lambdaLogGroup(node.ref.functionName);
    return (
      await vscode.window.showInputBox({ prompt: 'Log group name', placeHolder: '/aws/lambda/my-function' })
    )?.trim();
  };

  const filter = async (node?: ExplorerNode, preset: FilterPreset = {}) => {
    const group = await groupOf(node);
    if (!group) return undefined;
    const clients = requireClients(ctx);
    if (!clients) return undefined;
    const pattern =
      preset.pattern ??
      (await vscode.window.showInputBox({
        title: `Filter ${group}`,
        prompt:
          'A CloudWatch Logs filter pattern: a term (ERROR), terms ("order failed"), or JSON ({ $.level = "error" }). Empty matches everything.',
        placeHolder: 'ERROR',
      }));
    if (pattern === undefined) return undefined;
    const streams = isNodeOf(node, 'logs.stream') ? [node.ref.stream] : undefined;
    const events = await withOperation(`Filter ${group}`, async (signal) => {
      const out: LogEventRecord[] = [];
      let token: string | undefined;
      do {
        const page = await filterLogEvents(clients, { group, pattern, streams, token, limit: 100, signal });
        out.push(...page.events);
        token = page.next;
      } while (token && out.length < FILTER_MAX);
      return out.slice(0, FILTER_MAX);
    });
    if (!events) return undefined;
    const head = `# ${events.length}${events.length >= FILTER_MAX ? ' (the first)' : ''} events of ${group}${
      streams ? ` / ${streams[0]}` : ''
    } matching ${JSON.stringify(pattern)}`;
    const uri = await docs.show(`${group} filter.log`, [head, '', ...events.map((e) => formatLogLine(e))].join('\n'));
    return { uri: uri.toString(), count: events.length };
  };

  const tail = async (node?: ExplorerNode) => {
    const group = await groupOf(node);
    if (!group) return undefined;
    const clients = requireClients(ctx);
    if (!clients) return undefined;
    const view = new TailView(group, TAIL_CAPACITY);
    const uri = docs.uriFor(`${group} tail.log`);
    const aborter = new AbortController();
    tails.set(uri.toString(), aborter);
    let timer: NodeJS.Timeout | undefined;
    const redraw = () => {
      timer = undefined;
      if (!aborter.signal.aborted) docs.set(uri, view.render());
    };
    const schedule = () => {
      timer ??= setTimeout(redraw, TAIL_REDRAW_MS);
    };
    const stop = () => {
      if (aborter.signal.aborted) return;
      aborter.abort();
      tails.delete(uri.toString());
      if (timer) clearTimeout(timer);
      subs.forEach((s) => s.dispose());
      docs.forget(uri);
    };
    const closedTab = (tab: vscode.Tab) =>
      tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString();
    const subs = [
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        if (e.closed.some(closedTab)) stop();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.toString() === uri.toString()) stop();
      }),
      // New connection settings or another emulator: these clients are gone.
      ctx.monitor.onDidChange((s) => {
        if (s.kind !== 'connected' || s.clients !== clients) stop();
      }),
    ];
    docs.set(uri, view.render());
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    void tailLogs(clients, {
      group,
      signal: aborter.signal,
      // Show the last minute too: a function that just ran has its lines there.
      startTime: Date.now() - 60_000,
      onEvents: (events) => {
        view.add(events);
        schedule();
      },
      onStatus: (status) => {
        view.setStatus(status);
        schedule();
      },
    });
    return { uri: uri.toString() };
  };

  return [
    vscode.commands.registerCommand('localCloudLab.logs.filter', guardedResult(ctx, 'Filter log events', filter)),
    vscode.commands.registerCommand('localCloudLab.logs.tail', guardedResult(ctx, 'Tail log group', tail)),
    vscode.commands.registerCommand('localCloudLab.lambda.showLogs', guardedResult(ctx, 'Show logs', tail)),
    { dispose: () => [...tails.values()].forEach((a) => a.abort()) },
  ];
}
