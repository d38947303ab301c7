// Lays the wiring graph out by flow with dagre (a layered, Sugiyama-style layout): edges point left to right, so
// producers (APIs, buckets, rules) land on the left, channels (topics, queues, streams) next, then consumers
// (functions, state machines) and what they use (tables, roles). Each connected group is laid out on its own and the
// groups are packed in rows, biggest first, with unconnected resources in a grid at the end: a learner's 500
// resources are mostly small separate systems, and dagre's cost grows faster than the size of one graph.
// Pure: the architecture view, the SVG export and the benchmark call it with a graph and get coordinates back.
import dagre from '@dagrejs/dagre';
import type { WiringGraph } from '../aws/records/wiring';

export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 46;
/** Edge labels longer than this many characters are cut with an ellipsis. */
export const MAX_LABEL = 28;
const MARGIN = 16;
const GAP = 40;
/** Rows of groups are at most this wide (unless one group is wider). */
const ROW_WIDTH = 1800;

export interface PlacedNode {
  readonly id: string;
  /** Centre of the node. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedEdge {
  /** Index into the graph's edges. */
  readonly index: number;
  readonly points: readonly { readonly x: number; readonly y: number }[];
  /** Where the label goes, when the edge has one. */
  readonly labelAt?: { readonly x: number; readonly y: number };
}

export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
}

export function shortLabel(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

interface Group {
  readonly nodes: string[];
  readonly edges: number[];
}

/** Connected groups (edges taken both ways), in the graph's node order. */
function groupsOf(graph: Pick<WiringGraph, 'nodes' | 'edges'>): Group[] {
  const parent = new Map(graph.nodes.map((n) => [n.id, n.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let at = id; at !== root;) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  for (const e of graph.edges) {
    if (parent.has(e.from) && parent.has(e.to)) parent.set(find(e.from), find(e.to));
  }
  const groups = new Map<string, Group>();
  for (const n of graph.nodes) {
    const root = find(n.id);
    const g = groups.get(root) ?? { nodes: [], edges: [] };
    g.nodes.push(n.id);
    groups.set(root, g);
  }
  graph.edges.forEach((e, i) => {
    if (parent.has(e.from) && parent.has(e.to) && e.from !== e.to) groups.get(find(e.from))!.edges.push(i);
  });
  return [...groups.values()];
}

interface Placed {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

function layoutGroup(graph: Pick<WiringGraph, 'edges'>, group: Group): Placed {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  // 'tight-tree' ranks without network simplex's refinement: some 15% faster on the benchmark's 500 resources, and the
  // same picture there and for the e-commerce lab (wiring is shallow: few edges a refinement could shorten).
  g.setGraph({ rankdir: 'LR', ranker: 'tight-tree', nodesep: 18, ranksep: 90, edgesep: 10, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of group.nodes) g.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const i of group.edges) {
    const e = graph.edges[i]!;
    const label = e.label ? shortLabel(e.label) : '';
    g.setEdge(
      e.from,
      e.to,
      label ? { width: Math.min(label.length * 6, 170), height: 14, labelpos: 'c' } : {},
      String(i),
    );
  }
  dagre.layout(g);
  const nodes = group.nodes.map((id): PlacedNode => {
    const p = g.node(id) as { x: number; y: number };
    return { id, x: p.x, y: p.y, width: NODE_WIDTH, height: NODE_HEIGHT };
  });
  const edges = group.edges.map((i): PlacedEdge => {
    const e = graph.edges[i]!;
    const l = g.edge(e.from, e.to, String(i)) as { points?: { x: number; y: number }[]; x?: number; y?: number };
    return {
      index: i,
      points: (l.points ?? []).map((p) => ({ x: p.x, y: p.y })),
      ...(e.label && l.x !== undefined && l.y !== undefined ? { labelAt: { x: l.x, y: l.y } } : {}),
    };
  });
  const size = g.graph() as { width?: number; height?: number };
  return { width: size.width ?? NODE_WIDTH, height: size.height ?? NODE_HEIGHT, nodes, edges };
}

/** Unconnected resources in a grid. */
function layoutSingles(ids: readonly string[], columns: number): Placed {
  const nodes = ids.map((id, i): PlacedNode => {
    const col = i % columns;
    const row = Math.floor(i / columns);
    return {
      id,
      x: col * (NODE_WIDTH + 18) + NODE_WIDTH / 2,
      y: row * (NODE_HEIGHT + 18) + NODE_HEIGHT / 2,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
    };
  });
  const rows = Math.ceil(ids.length / columns);
  return {
    width: Math.min(ids.length, columns) * (NODE_WIDTH + 18) - 18,
    height: rows * (NODE_HEIGHT + 18) - 18,
    nodes,
    edges: [],
  };
}

/** Coordinates for every node and edge; the same graph always gives the same layout. */
export function layoutWiring(graph: Pick<WiringGraph, 'nodes' | 'edges'>): Layout {
  const groups = groupsOf(graph);
  const connected = groups.filter((g) => g.nodes.length > 1).map((g) => layoutGroup(graph, g));
  // Biggest first (by area), ties in graph order: the main system sits top left.
  connected.sort((a, b) => b.width * b.height - a.width * a.height);
  const singles = groups.filter((g) => g.nodes.length === 1).map((g) => g.nodes[0]!);
  const rowWidth = Math.max(ROW_WIDTH, ...connected.map((p) => p.width));
  const parts = singles.length
    ? [...connected, layoutSingles(singles, Math.max(1, Math.floor((rowWidth + 18) / (NODE_WIDTH + 18))))]
    : connected;
  const nodes: PlacedNode[] = [];
  const edges: PlacedEdge[] = [];
  let x = MARGIN;
  let y = MARGIN;
  let rowHeight = 0;
  let width = 0;
  for (const part of parts) {
    if (x > MARGIN && x + part.width > MARGIN + rowWidth) {
      x = MARGIN;
      y += rowHeight + GAP;
      rowHeight = 0;
    }
    const dx = x;
    const dy = y;
    for (const n of part.nodes) nodes.push({ ...n, x: n.x + dx, y: n.y + dy });
    for (const e of part.edges) {
      edges.push({
        index: e.index,
        points: e.points.map((p) => ({ x: p.x + dx, y: p.y + dy })),
        ...(e.labelAt ? { labelAt: { x: e.labelAt.x + dx, y: e.labelAt.y + dy } } : {}),
      });
    }
    x += part.width + GAP;
    rowHeight = Math.max(rowHeight, part.height);
    width = Math.max(width, x - GAP);
  }
  edges.sort((a, b) => a.index - b.index);
  return {
    width: Math.ceil(width + MARGIN),
    height: Math.ceil(y + rowHeight + MARGIN),
    nodes,
    edges,
  };
}
