// Lays the wiring graph out by flow with dagre (a layered, Sugiyama-style layout): edges point left to right, so
// producers (APIs, buckets, rules) land on the left, channels (topics, queues, streams) next, then consumers
// (functions, state machines) and what they use (tables, roles). Pure: the architecture view, the SVG export and the
// benchmark call it with a graph and get coordinates back.
import dagre from '@dagrejs/dagre';
import type { WiringGraph } from '../aws/records/wiring';

export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 46;
/** Edge labels longer than this many characters are cut with an ellipsis. */
export const MAX_LABEL = 28;

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

/** Coordinates for every node and edge; the same graph always gives the same layout. */
export function layoutWiring(graph: Pick<WiringGraph, 'nodes' | 'edges'>): Layout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 90, edgesep: 10, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  graph.edges.forEach((e, i) => {
    if (e.from === e.to) return;
    const label = e.label ? shortLabel(e.label) : '';
    g.setEdge(
      e.from,
      e.to,
      label ? { width: Math.min(label.length * 6.5, 180), height: 14, labelpos: 'c' } : {},
      String(i),
    );
  });
  dagre.layout(g);
  const nodes = graph.nodes.map((n): PlacedNode => {
    const p = g.node(n.id) as { x: number; y: number };
    return { id: n.id, x: p.x, y: p.y, width: NODE_WIDTH, height: NODE_HEIGHT };
  });
  const edges: PlacedEdge[] = [];
  graph.edges.forEach((e, i) => {
    if (e.from === e.to) return;
    const l = g.edge(e.from, e.to, String(i)) as { points?: { x: number; y: number }[]; x?: number; y?: number };
    edges.push({
      index: i,
      points: (l.points ?? []).map((p) => ({ x: p.x, y: p.y })),
      ...(e.label && l.x !== undefined && l.y !== undefined ? { labelAt: { x: l.x, y: l.y } } : {}),
    });
  });
  const size = g.graph() as { width?: number; height?: number };
  return { width: Math.ceil(size.width ?? 0), height: Math.ceil(size.height ?? 0), nodes, edges };
}
