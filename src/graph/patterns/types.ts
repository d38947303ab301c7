// What a pattern check says about the wiring graph. A check is one file under src/graph/patterns/, pure over the
// graph, listed in index.ts; docs/architecture-graph.md explains each with its lesson.
import type { WiringEdge, WiringGraph, WiringNode } from '../../aws/records/wiring';

export interface PatternFinding {
  /** The check's id (stable: walkthrough steps tick from it). */
  readonly check: string;
  /** `pattern`: the learner built a known architecture pattern; `problem`: a badge on the node. */
  readonly kind: 'pattern' | 'problem';
  /** The node the finding is about (the badge goes there), then the others involved. */
  readonly nodes: readonly string[];
  readonly message: string;
  /** One or two sentences on why it matters. */
  readonly lesson: string;
}

export interface PatternCheck {
  readonly id: string;
  readonly kind: PatternFinding['kind'];
  readonly title: string;
  readonly lesson: string;
  run(g: GraphIndex): PatternFinding[];
}

/** The graph with the look-ups every check needs. */
export class GraphIndex {
  readonly byId: ReadonlyMap<string, WiringNode>;
  private readonly outs = new Map<string, WiringEdge[]>();
  private readonly ins = new Map<string, WiringEdge[]>();

  constructor(readonly graph: WiringGraph) {
    this.byId = new Map(graph.nodes.map((n) => [n.id, n]));
    for (const e of graph.edges) {
      (this.outs.get(e.from) ?? this.outs.set(e.from, []).get(e.from)!).push(e);
      (this.ins.get(e.to) ?? this.ins.set(e.to, []).get(e.to)!).push(e);
    }
  }

  out(id: string, kind?: WiringEdge['kind']): WiringEdge[] {
    return (this.outs.get(id) ?? []).filter((e) => !kind || e.kind === kind);
  }

  in(id: string, kind?: WiringEdge['kind']): WiringEdge[] {
    return (this.ins.get(id) ?? []).filter((e) => !kind || e.kind === kind);
  }

  ofType(type: WiringNode['type']): WiringNode[] {
    return this.graph.nodes.filter((n) => n.type === type);
  }

  typeOf(id: string): WiringNode['type'] | undefined {
    return this.byId.get(id)?.type;
  }

  name(id: string): string {
    return this.byId.get(id)?.name ?? id;
  }
}
