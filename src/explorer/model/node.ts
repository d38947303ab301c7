// One row of the explorer as plain data. The TreeDataProvider turns it into a vscode.TreeItem; commands receive it.
import type { RefKind, RefOf, ResourceRef } from './refs';

export type Collapsible = 'none' | 'collapsed' | 'expanded';

export interface NodeCommand {
  readonly command: string;
  readonly title: string;
  readonly arguments?: readonly unknown[];
}

export interface ExplorerNode<R extends ResourceRef = ResourceRef> {
  /** Unique within the whole tree and stable across refreshes (VS Code keys expansion state by it). */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  /** Plain text or markdown (`tooltipMarkdown: true`). */
  readonly tooltip?: string;
  readonly tooltipMarkdown?: boolean;
  /** A codicon id, e.g. `database`; `iconColor` is a theme colour id, e.g. `testing.iconFailed`. */
  readonly icon?: string;
  readonly iconColor?: string;
  /** Matched by `viewItem == …` / `viewItem =~ …` in package.json menus. */
  readonly contextValue: string;
  readonly collapsible: Collapsible;
  /** Run when the row is clicked. */
  readonly command?: NodeCommand;
  readonly ref: R;
}

/** Narrows a node to one ref kind; commands use it to check what they were invoked on. */
export function isNodeOf<K extends RefKind>(node: unknown, kind: K): node is ExplorerNode<RefOf<K>> {
  return (
    typeof node === 'object' &&
    node !== null &&
    typeof (node as { ref?: { kind?: unknown } }).ref === 'object' &&
    (node as { ref: { kind: unknown } }).ref.kind === kind
  );
}

/** Builds the error row a failed listing turns into: "List queues failed: <reason>". */
export function errorNode(parentId: string, operation: string, reason: string): ExplorerNode<RefOf<'explorer.error'>> {
  return {
    id: `${parentId}/#error`,
    label: `${operation} failed: ${reason}`,
    tooltip: `${operation} failed: ${reason}\nThe view retries by itself when the emulator answers again.`,
    icon: 'error',
    iconColor: 'errorForeground',
    contextValue: 'lcl.error',
    collapsible: 'none',
    ref: { kind: 'explorer.error', operation, reason, parentId },
  };
}

export function infoNode(parentId: string, text: string, icon = 'info'): ExplorerNode<RefOf<'explorer.info'>> {
  return {
    id: `${parentId}/#info`,
    label: text,
    icon,
    contextValue: 'lcl.info',
    collapsible: 'none',
    ref: { kind: 'explorer.info', text },
  };
}

export function loadMoreNode(
  parentId: string,
  cursor: string,
  page: number,
  label = 'Load more…',
): ExplorerNode<RefOf<'explorer.loadMore'>> {
  return {
    // The page number keeps ids unique if several "Load more" rows exist over time.
    id: `${parentId}/#more-${page}`,
    label,
    icon: 'ellipsis',
    contextValue: 'lcl.loadMore',
    collapsible: 'none',
    command: { command: 'localCloudLab.explorer.loadMore', title: 'Load more', arguments: [parentId] },
    ref: { kind: 'explorer.loadMore', parentId, cursor },
  };
}

/** The row under a filtered listing while it runs: what it has examined so far; clicking it stops the search. */
export function searchingNode(
  parentId: string,
  scanned: number,
  found: number,
): ExplorerNode<RefOf<'explorer.searching'>> {
  return {
    id: `${parentId}/#searching`,
    label: `Searching… ${scanned} examined, ${found} found`,
    tooltip: 'Click to stop the search; "Load more matches" then goes on from here.',
    icon: 'loading~spin',
    contextValue: 'lcl.searching',
    collapsible: 'none',
    command: { command: 'localCloudLab.explorer.stopSearch', title: 'Stop search', arguments: [parentId] },
    ref: { kind: 'explorer.searching', parentId },
  };
}
