// The explorer tree as plain data: which rows exist under which parent, paging with "Load more", failed listings as
// error rows, and a refresh whenever the connection changes, so the tree recovers by itself when the emulator returns.
// No editor API here: the TreeDataProvider (../provider.ts) only renders what this returns.
import { setMaxListeners } from 'node:events';
import { backendLabel, isServiceUp, offersService, type BackendInfo } from '../../aws/backend';
import { SERVICE_ENV_SUFFIX, serviceKeyOf, type ResolvedConnection } from '../../aws/connection';
import { describeError, isAbortError } from '../../aws/errors';
import type { ConnectionMonitor, ConnectionState } from '../../connection/monitor';
import { errorNode, infoNode, loadMoreNode, searchingNode, type ExplorerNode } from './node';
import type { ServiceRegistry } from './registry';
import type { ServiceExplorer } from './service';

interface Loaded {
  nodes: ExplorerNode[];
  next?: string;
  pages: number;
  /** Filtered listings only: the search running now (aborting it stops it), what it examined, why it failed. */
  search?: { aborter: AbortController; scanned: number };
  error?: ExplorerNode;
}

export interface TreeOptions {
  readonly pageSize: () => number;
}

export const BACKEND_NODE_ID = 'backend:';

type Listener = (node: ExplorerNode | undefined) => void;

export class ExplorerTree {
  /** Loaded children per parent id (a service row's id is `<service>:`). */
  private readonly loaded = new Map<string, Loaded>();
  /** Rendered rows by id and their parents, so "Load more" and collapse can find them. */
  private readonly nodes = new Map<string, ExplorerNode>();
  private readonly parentOf = new Map<string, string>();
  private readonly childrenOf = new Map<string, Set<string>>();
  private aborter = this.newAborter();
  private readonly listeners = new Set<Listener>();
  private readonly unsubscribe: { dispose(): void };
  /** The last live connection: while the emulator is away the tree keeps its shape and rows turn into errors. */
  private lastLive: { connection: ResolvedConnection; backend: BackendInfo } | undefined;
  private lastKind: ConnectionState['kind'] | undefined;
  private started = false;
  /** Filters the user set on rows (row id → filter text), kept across refreshes until cleared. */
  private readonly filters = new Map<string, string>();

  constructor(
    private readonly registry: ServiceRegistry,
    private readonly monitor: ConnectionMonitor,
    private readonly options: TreeOptions,
  ) {
    this.unsubscribe = monitor.onDidChange((s) => this.onState(s));
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private fire(node: ExplorerNode | undefined): void {
    for (const l of [...this.listeners]) l(node);
  }

  private onState(state: ConnectionState): void {
    const was = this.lastKind;
    this.lastKind = state.kind;
    if (state.kind === 'connected') {
      this.lastLive = { connection: state.connection, backend: state.backend };
      this.refresh();
    } else if (was === 'connected' || state.kind === 'misconfigured' || state.kind === 'needsConfirmation') {
      if (state.kind === 'misconfigured') this.lastLive = undefined;
      this.refresh();
    } else if (this.lastLive) {
      // Keep the rows; redraw so the emulator row shows "offline"/"reconnecting" and listings say why they fail.
      this.fire(undefined);
    }
  }

  /** Drops everything loaded under `node` (or everywhere) and asks for a redraw. */
  refresh(node?: ExplorerNode): void {
    if (node) {
      this.forget(node.id);
      this.fire(node);
      return;
    }
    this.aborter.abort();
    this.aborter = this.newAborter();
    this.loaded.clear();
    this.nodes.clear();
    this.parentOf.clear();
    this.childrenOf.clear();
    this.fire(undefined);
  }

  /** Forgets the pages of a subtree (on collapse) so memory follows what is on screen. */
  forget(id: string): void {
    this.loaded.get(id)?.search?.aborter.abort();
    this.loaded.delete(id);
    const kids = this.childrenOf.get(id);
    this.childrenOf.delete(id);
    for (const kid of kids ?? []) {
      this.parentOf.delete(kid);
      this.nodes.delete(kid);
      this.forget(kid);
    }
  }

  /** One signal is shared by every request of a page (a page of queues reads each queue's attributes). */
  private newAborter(): AbortController {
    const a = new AbortController();
    setMaxListeners(0, a.signal);
    return a;
  }

  /** How much the tree holds: rows it remembers and listings with loaded pages (benchmarks and tests read it). */
  stats(): { rows: number; listings: number } {
    return { rows: this.nodes.size, listings: this.loaded.size };
  }

  /** Whether the tree has anything to show (the welcome content is shown otherwise). */
  hasContent(): boolean {
    return this.monitor.state.kind === 'connected' || this.lastLive !== undefined;
  }

  async children(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!this.started) {
      this.started = true;
      // The first look at the view is what starts probing the emulator (lazy activation).
      if (this.monitor.state.kind === 'idle') void this.monitor.start();
    }
    const state = this.monitor.state;
    const live = state.kind === 'connected' ? { connection: state.connection, backend: state.backend } : this.lastLive;
    if (!live || state.kind === 'misconfigured' || state.kind === 'needsConfirmation') return [];
    if (!node) return this.roots(live.connection, live.backend, state);
    if (node.ref.kind === 'explorer.backend') return this.backendChildren(live.backend, node);
    if (node.ref.kind === 'explorer.service') {
      const svc = this.registry.get(node.ref.service);
      return svc ? this.listed(svc, node, undefined) : [];
    }
    const svc = this.registry.ownerOf(node.id);
    return svc ? this.listed(svc, node, node) : [];
  }

  private remember(parentId: string | undefined, rows: readonly ExplorerNode[]): void {
    let kids = parentId === undefined ? undefined : this.childrenOf.get(parentId);
    if (parentId !== undefined && !kids) {
      kids = new Set();
      this.childrenOf.set(parentId, kids);
    }
    for (const r of rows) {
      this.nodes.set(r.id, r);
      if (parentId !== undefined) {
        this.parentOf.set(r.id, parentId);
        kids?.add(r.id);
      }
    }
  }

  private roots(connection: ResolvedConnection, b: BackendInfo, state: ConnectionState): ExplorerNode[] {
    const offline = state.kind !== 'connected';
    const offlineText =
      state.kind === 'unreachable'
        ? `offline (${state.reason}) — retrying at ${new Date(state.retryAt).toLocaleTimeString()}`
        : state.kind === 'connecting'
          ? 'reconnecting…'
          : '';
    const backendNode: ExplorerNode = {
      id: BACKEND_NODE_ID,
      label: backendLabel(b),
      description: offline ? offlineText : connection.endpoint + (connection.loopback ? '' : ' (REMOTE)'),
      tooltip: [
        `${offline ? 'Lost contact with' : 'Connected to'} ${backendLabel(b)} at ${connection.endpoint}`,
        `Region ${connection.region}`,
        connection.credentials.kind === 'profile'
          ? `Credentials from profile ${connection.credentials.profile}`
          : 'Credentials test/test',
      ].join('\n'),
      icon: offline ? 'debug-disconnect' : connection.loopback ? 'vm-running' : 'warning',
      iconColor: offline ? 'errorForeground' : connection.loopback ? undefined : 'list.warningForeground',
      contextValue: offline ? 'lcl.backend.offline' : 'lcl.backend',
      collapsible: b.services || b.init ? 'collapsed' : 'none',
      ref: { kind: 'explorer.backend' },
    };
    const services = this.registry.all().map((s) => serviceRow(s, connection, b));
    const rows = [backendNode, ...services];
    this.remember(undefined, rows);
    return rows;
  }

  private backendChildren(b: BackendInfo, node: ExplorerNode): ExplorerNode[] {
    if (node.ref.kind !== 'explorer.backend') return [];
    let rows: ExplorerNode[];
    if (!node.ref.section) {
      rows = [];
      if (b.services) {
        const up = Object.values(b.services).filter(isServiceUp).length;
        rows.push({
          id: `${BACKEND_NODE_ID}services`,
          label: 'Services',
          description: `${up} of ${Object.keys(b.services).length} up`,
          icon: 'server-process',
          contextValue: 'lcl.info',
          collapsible: 'collapsed',
          ref: { kind: 'explorer.backend', section: 'services' },
        });
      }
      if (b.init) {
        const stages = Object.entries(b.init.completed)
          .map(([k, v]) => `${k} ${v ? '✓' : '…'}`)
          .join(' · ');
        rows.push({
          id: `${BACKEND_NODE_ID}init`,
          label: 'Init scripts',
          description: stages || `${b.init.scripts.length} scripts`,
          icon: 'checklist',
          contextValue: 'lcl.info',
          collapsible: b.init.scripts.length ? 'collapsed' : 'none',
          ref: { kind: 'explorer.backend', section: 'init' },
        });
      }
    } else if (node.ref.section === 'services') {
      rows = Object.entries(b.services ?? {})
        .sort(([a], [c]) => a.localeCompare(c))
        .map(([name, st]) => ({
          id: `${BACKEND_NODE_ID}service/${name}`,
          label: name,
          description: st,
          icon: isServiceUp(st) ? 'pass' : st === 'error' ? 'error' : 'circle-outline',
          contextValue: 'lcl.info',
          collapsible: 'none',
          ref: { kind: 'explorer.info', text: `${name}: ${st}` },
        }));
    } else {
      rows = (b.init?.scripts ?? []).map((s, i) => ({
        id: `${BACKEND_NODE_ID}init/${i}`,
        label: s.name,
        description: `${s.stage} · ${s.state}`,
        icon:
          s.state === 'SUCCESSFUL'
            ? 'pass'
            : s.state === 'ERROR'
              ? 'error'
              : s.state === 'RUNNING'
                ? 'sync'
                : 'circle-outline',
        contextValue: 'lcl.info',
        collapsible: 'none',
        ref: { kind: 'explorer.info', text: `${s.name}: ${s.state}` },
      }));
    }
    this.remember(node.id, rows);
    return rows;
  }

  /** Loaded children of `node` plus a "Load more" row; loads the first page when nothing is loaded yet. */
  private async listed(
    svc: ServiceExplorer,
    node: ExplorerNode,
    parent: ExplorerNode | undefined,
  ): Promise<ExplorerNode[]> {
    const filter = this.filters.get(node.id);
    if (filter !== undefined && svc.search) return this.searched(svc, node, filter);
    let entry = this.loaded.get(node.id);
    if (!entry) {
      const aborter = this.aborter;
      const result = await this.fetch(svc, node, parent, undefined);
      if ('error' in result) {
        this.remember(node.id, [result.error]);
        return [result.error];
      }
      // A refresh while this page was loading makes it stale: the redraw asks again.
      if (aborter !== this.aborter) return [];
      entry = { nodes: [...result.nodes], next: result.next, pages: 1 };
      this.loaded.set(node.id, entry);
    }
    const empty = node.ref.kind === 'explorer.service' ? svc.emptyText : undefined;
    const rows = entry.nodes.length
      ? entry.nodes.map((n) => this.decorated(n))
      : [infoNode(node.id, empty ?? emptyText(node))];
    if (entry.next) rows.push(loadMoreNode(node.id, entry.next, entry.pages));
    this.remember(node.id, rows);
    return rows;
  }

  private async fetch(
    svc: ServiceExplorer,
    node: ExplorerNode,
    parent: ExplorerNode | undefined,
    cursor: string | undefined,
  ): Promise<{ nodes: readonly ExplorerNode[]; next?: string } | { error: ExplorerNode }> {
    const operation = parent ? (svc.operationFor?.(parent) ?? svc.listOperation) : svc.listOperation;
    const state = this.monitor.state;
    if (state.kind !== 'connected') {
      const reason =
        state.kind === 'unreachable' ? `${state.reason} (retrying automatically)` : 'not connected to the emulator';
      return { error: errorNode(node.id, operation, reason) };
    }
    const signal = this.aborter.signal;
    try {
      return await svc.children(parent, {
        clients: state.clients,
        signal,
        cursor,
        pageSize: this.options.pageSize(),
        backend: state.backend,
      });
    } catch (err) {
      if (isAbortError(err) || signal.aborted) return { nodes: [] };
      this.monitor.reportFailure(err);
      return { error: errorNode(node.id, operation, describeError(err)) };
    }
  }

  /** A row as drawn: a filtered row says its filter (and can be matched by `….filtered` in menus). */
  private decorated(node: ExplorerNode): ExplorerNode {
    const filter = this.filters.get(node.id);
    if (filter === undefined) return node;
    const svc = this.registry.ownerOf(node.id);
    return {
      ...node,
      description: `filter: ${svc?.describeFilter?.(filter) ?? filter}`,
      contextValue: `${node.contextValue}.filtered`,
    };
  }

  /** The filter set on a row, if any. */
  filterOf(id: string): string | undefined {
    return this.filters.get(id);
  }

  /**
   * Sets (or with undefined clears) the filter of a row: its listing restarts as a filtered search, and its parent
   * is redrawn so the row's description shows the filter.
   */
  setFilter(node: ExplorerNode, filter: string | undefined): void {
    if (filter === undefined) this.filters.delete(node.id);
    else this.filters.set(node.id, filter);
    this.forget(node.id);
    const parent = this.parentNodeOf(node.id);
    this.fire(parent);
    if (parent) this.fire(node);
  }

  /** Stops the filtered search running under a row; "Load more matches" goes on from where it stopped. */
  stopSearch(id: string): void {
    this.loaded.get(id)?.search?.aborter.abort();
  }

  /** Rows of a filtered listing: matches so far, then "Searching…" while it runs, or "Load more matches". */
  private searched(svc: ServiceExplorer, node: ExplorerNode, filter: string): ExplorerNode[] {
    let entry = this.loaded.get(node.id);
    if (!entry) {
      entry = { nodes: [], pages: 1 };
      this.loaded.set(node.id, entry);
      this.startSearch(svc, node, filter, entry, undefined);
    }
    const rows: ExplorerNode[] = [...entry.nodes];
    if (entry.error) rows.push(entry.error);
    else if (entry.search) rows.push(searchingNode(node.id, entry.search.scanned, entry.nodes.length));
    else if (entry.next !== undefined) {
      rows.push(loadMoreNode(node.id, entry.next, entry.pages, 'Load more matches…'));
    } else if (!entry.nodes.length)
      rows.push(infoNode(node.id, `No matches for ${svc.describeFilter?.(filter) ?? filter}`));
    this.remember(node.id, rows);
    return rows;
  }

  /** Runs one filtered search into `entry`, redrawing the row as matches arrive. */
  private startSearch(
    svc: ServiceExplorer,
    node: ExplorerNode,
    filter: string,
    entry: Loaded,
    cursor: string | undefined,
  ): void {
    const state = this.monitor.state;
    const operation = svc.operationFor?.(node) ?? svc.listOperation;
    if (state.kind !== 'connected' || !svc.search) {
      entry.error = errorNode(node.id, operation, 'not connected to the emulator');
      return;
    }
    const aborter = this.newAborter();
    const treeSignal = this.aborter.signal;
    const onTreeAbort = (): void => aborter.abort();
    treeSignal.addEventListener('abort', onTreeAbort, { once: true });
    entry.search = { aborter, scanned: 0 };
    entry.error = undefined;
    // Until the first step arrives, stopping resumes from where this run started ('' is the very start).
    entry.next = cursor ?? '';
    const search = svc.search.bind(svc);
    const run = async (): Promise<void> => {
      try {
        const steps = search(node, filter, {
          clients: state.clients,
          signal: aborter.signal,
          cursor,
          pageSize: this.options.pageSize(),
        });
        for await (const step of steps) {
          if (this.loaded.get(node.id) !== entry) return; // cleared or refreshed meanwhile
          entry.nodes.push(...step.nodes);
          entry.next = step.next;
          if (entry.search) entry.search.scanned = step.scanned;
          this.fire(node);
        }
      } catch (err) {
        if (!isAbortError(err) && !aborter.signal.aborted) {
          this.monitor.reportFailure(err);
          entry.error = errorNode(node.id, operation, describeError(err));
        }
      } finally {
        treeSignal.removeEventListener('abort', onTreeAbort);
        entry.search = undefined;
        if (this.loaded.get(node.id) === entry) this.fire(node);
      }
    };
    void run();
  }

  /** "Load more": appends the next page under `parentId`. Returns an error message when the page failed. */
  async loadMore(parentId: string): Promise<string | undefined> {
    const node = this.nodes.get(parentId);
    const entry = this.loaded.get(parentId);
    const filter = this.filters.get(parentId);
    const owner = node && this.registry.ownerOf(node.id);
    if (node && entry && filter !== undefined && owner?.search) {
      if (entry.search || entry.next === undefined) return undefined;
      entry.pages++;
      this.startSearch(owner, node, filter, entry, entry.next);
      this.fire(node);
      return undefined;
    }
    if (!node || !entry?.next) return undefined;
    const isService = node.ref.kind === 'explorer.service';
    const svc =
      node.ref.kind === 'explorer.service' ? this.registry.get(node.ref.service) : this.registry.ownerOf(node.id);
    if (!svc) return undefined;
    const result = await this.fetch(svc, node, isService ? undefined : node, entry.next);
    if ('error' in result) return result.error.label;
    entry.nodes.push(...result.nodes);
    entry.next = result.next;
    entry.pages++;
    this.fire(node);
    return undefined;
  }

  /** The row most recently rendered with this id. */
  nodeById(id: string): ExplorerNode | undefined {
    return this.nodes.get(id);
  }

  /** The rendered parent row of a row, if known. */
  parentNodeOf(id: string): ExplorerNode | undefined {
    const p = this.parentOf.get(id);
    return p === undefined ? undefined : this.nodes.get(p);
  }

  dispose(): void {
    this.aborter.abort();
    this.unsubscribe.dispose();
    this.listeners.clear();
  }
}

function emptyText(node: ExplorerNode): string {
  switch (node.ref.kind) {
    case 'explorer.service':
      return (
        (
          {
            s3: 'No buckets',
            sqs: 'No queues',
            kinesis: 'No streams',
            dynamodb: 'No tables',
            sns: 'No topics',
            lambda: 'No functions',
            secretsmanager: 'No secrets',
            kms: 'No keys',
            apigateway: 'No APIs',
            logs: 'No log groups',
            ec2: 'No VPCs',
            stepfunctions: 'No state machines',
            eventbridge: 'No event buses',
          } as Record<string, string>
        )[node.ref.service] ?? 'Nothing here yet'
      );
    case 's3.bucket':
      return 'Empty bucket';
    case 's3.prefix':
      return 'Empty folder';
    case 'iam.folder':
      return `No ${node.ref.folder}`;
    default:
      return 'Nothing here';
  }
}

/**
 * A service's row: served by its own endpoint (shown, and not judged by the main emulator's health), offered by the
 * main emulator, or reported down by it — then a readable row that lists nothing instead of a failing call.
 */
function serviceRow(s: ServiceExplorer, connection: ResolvedConnection, b: BackendInfo): ExplorerNode {
  const row = {
    id: `${s.id}:`,
    label: s.label,
    icon: s.icon,
    contextValue: `lcl.service.${s.id}`,
    collapsible: 'collapsed' as const,
    ref: { kind: 'explorer.service' as const, service: s.id },
  };
  const key = serviceKeyOf(s.id);
  const own = key ? connection.serviceEndpoints[key] : undefined;
  if (own) {
    const from = own.source === 'setting' ? 'localCloudLab.endpoints' : `AWS_ENDPOINT_URL_${SERVICE_ENV_SUFFIX[key!]}`;
    return {
      ...row,
      description: `via ${new URL(own.url).host}${own.loopback ? '' : ' (REMOTE)'}`,
      tooltip: `${s.label} is served by ${own.url} (from ${from}), not by ${connection.endpoint}`,
    };
  }
  if (offersService(b, s.healthNames)) return row;
  const state = s.healthNames.map((n) => b.services?.[n]).find(Boolean) ?? 'not offered';
  return {
    ...row,
    description: state,
    tooltip:
      `${backendLabel(b)} reports ${s.label} as "${state}", so nothing is listed. ` +
      `Enable the service in the emulator, or serve it from another endpoint with localCloudLab.endpoints.`,
    icon: state === 'error' ? 'error' : 'circle-slash',
    contextValue: `lcl.service.${s.id}.unavailable`,
    collapsible: 'none',
  };
}
