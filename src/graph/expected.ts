// A lab's expected wiring (labs/<slug>/expected.json): the edges, by kind, between named resources that the finished
// lab shows in the architecture graph, each tagged with the walkthrough step that builds it. Pure: the lab
// walkthrough's checks compare it with the live graph, and the compiler draws the lab's target diagram from it.
import { EDGE_KINDS, type EdgeKind, NODE_TYPES, type NodeType, type WiringGraph } from '../aws/records/wiring';
import { PATTERN_CHECKS, type PatternFinding } from './patterns';

export interface ExpectedEdge {
  /** The walkthrough step that builds the edge. */
  readonly step: string;
  /** Node names (keys of `nodes`). */
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  /** When set, the live edge's label must contain it (an API route, say). */
  readonly label?: string;
  /** When set, the live edge's filter policy (an SNS subscription's) must contain it (`"type"`, say). */
  readonly filter?: string;
}

/** A problem the step removes: the graph shows the node, and the pattern check reports nothing about it. */
export interface ExpectedAbsence {
  readonly step: string;
  /** The id of a problem check of src/graph/patterns (`role-wildcard`, say). */
  readonly check: string;
  /** A node name (key of `nodes`). */
  readonly node: string;
}

export interface ExpectedWiring {
  /** The lab's folder name under labs/. */
  readonly lab: string;
  /** Resource name → node type: names are unique within a lab. */
  readonly nodes: Readonly<Record<string, NodeType>>;
  readonly edges: readonly ExpectedEdge[];
  /** Problems the finished steps no longer show (optional). */
  readonly without?: readonly ExpectedAbsence[];
}

const PROBLEM_CHECKS: readonly string[] = PATTERN_CHECKS.filter((c) => c.kind === 'problem').map((c) => c.id);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks an expected.json's shape; throws with every problem named (a lab author's mistake, caught by the tests). */
export function parseExpectedWiring(data: unknown, where = 'expected.json'): ExpectedWiring {
  const problems: string[] = [];
  if (!isObject(data)) throw new Error(`${where}: must be an object with lab, nodes and edges`);
  if (typeof data.lab !== 'string' || !data.lab) problems.push('lab must be the lab folder name');
  const nodes = isObject(data.nodes) ? data.nodes : {};
  if (!isObject(data.nodes)) problems.push('nodes must map resource names to node types');
  for (const [name, type] of Object.entries(nodes)) {
    if (!(NODE_TYPES as readonly unknown[]).includes(type)) problems.push(`node ${name}: unknown type ${String(type)}`);
  }
  const edges = Array.isArray(data.edges) ? (data.edges as unknown[]) : [];
  if (edges.length === 0) problems.push('edges must list at least one edge');
  edges.forEach((e, i) => {
    if (!isObject(e)) return problems.push(`edge ${i + 1}: must be an object`);
    if (typeof e.step !== 'string' || !/^[a-z0-9-]+$/.test(e.step))
      problems.push(`edge ${i + 1}: step must be a step id`);
    for (const end of ['from', 'to'] as const) {
      if (typeof e[end] !== 'string' || !(e[end] in nodes)) problems.push(`edge ${i + 1}: ${end} is not a node name`);
    }
    if (!(EDGE_KINDS as readonly unknown[]).includes(e.kind))
      problems.push(`edge ${i + 1}: unknown kind ${String(e.kind)}`);
    if (e.label !== undefined && typeof e.label !== 'string') problems.push(`edge ${i + 1}: label must be text`);
    if (e.filter !== undefined && typeof e.filter !== 'string') problems.push(`edge ${i + 1}: filter must be text`);
  });
  if (data.without !== undefined && !Array.isArray(data.without)) problems.push('without must be a list');
  const without = Array.isArray(data.without) ? (data.without as unknown[]) : [];
  without.forEach((w, i) => {
    if (!isObject(w)) return problems.push(`without ${i + 1}: must be an object`);
    if (typeof w.step !== 'string' || !/^[a-z0-9-]+$/.test(w.step))
      problems.push(`without ${i + 1}: step must be a step id`);
    if (typeof w.node !== 'string' || !(w.node in nodes)) problems.push(`without ${i + 1}: node is not a node name`);
    if (!PROBLEM_CHECKS.includes(w.check as string))
      problems.push(`without ${i + 1}: check must be one of ${PROBLEM_CHECKS.join(', ')}`);
  });
  if (problems.length > 0) throw new Error(`${where}: ${problems.join('; ')}`);
  return data as unknown as ExpectedWiring;
}

/** The steps of the lab, in the order their first edge appears (then steps that only remove a problem). */
export function expectedSteps(expected: ExpectedWiring): string[] {
  return [...new Set([...expected.edges, ...(expected.without ?? [])].map((e) => e.step))];
}

/** How an expected edge reads in a check's detail line. */
export function describeEdge(e: ExpectedEdge): string {
  return `${e.from} → ${e.to} (${e.kind}${e.label ? ` ${e.label}` : ''}${e.filter ? ` filter ${e.filter}` : ''})`;
}

/**
 * The expected edges (of one step, or all) that the live graph does not show. A live edge matches when its kind is
 * the same, its two nodes have the expected names and types, its label contains the expected label and its filter
 * policy the expected filter.
 */
export function missingEdges(
  graph: Pick<WiringGraph, 'nodes' | 'edges'>,
  expected: ExpectedWiring,
  step?: string,
): ExpectedEdge[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const is = (id: string, name: string) => {
    const n = byId.get(id);
    return n !== undefined && n.name === name && n.type === expected.nodes[name];
  };
  return expected.edges.filter(
    (want) =>
      (step === undefined || want.step === step) &&
      !graph.edges.some(
        (e) =>
          e.kind === want.kind &&
          is(e.from, want.from) &&
          is(e.to, want.to) &&
          (want.label === undefined || (e.label ?? '').includes(want.label)) &&
          (want.filter === undefined || (e.filterPolicy ?? '').includes(want.filter)),
      ),
  );
}

/**
 * Why the absences (of one step, or all) do not hold yet: the node is not in the graph, or the check still reports
 * it (its finding's message). `findings` are the pattern checks' findings over the same graph.
 */
export function presentProblems(
  graph: Pick<WiringGraph, 'nodes'>,
  findings: readonly PatternFinding[],
  expected: ExpectedWiring,
  step?: string,
): string[] {
  return (expected.without ?? []).flatMap((w) => {
    if (step !== undefined && w.step !== step) return [];
    const node = graph.nodes.find((n) => n.name === w.node && n.type === expected.nodes[w.node] && !n.missing);
    if (!node) return [`${w.node} is not in the graph`];
    return findings.filter((f) => f.check === w.check && f.nodes.includes(node.id)).map((f) => f.message);
  });
}

/**
 * The finished lab as a graph (node ids are the names), for the target diagram. Edges between the same two nodes
 * of the same kind are drawn once, as the reader does for live routes; the label names the step, then any labels,
 * then the problems the step removes from either end.
 */
export function expectedGraph(expected: ExpectedWiring): Pick<WiringGraph, 'nodes' | 'edges'> {
  const nodes = Object.entries(expected.nodes).map(([name, type]) => ({ id: name, type, name }));
  const edges = new Map<string, { from: string; to: string; kind: EdgeKind; steps: Set<string>; labels: string[] }>();
  for (const e of expected.edges) {
    const key = `${e.from}\n${e.to}\n${e.kind}`;
    const edge =
      edges.get(key) ??
      edges.set(key, { from: e.from, to: e.to, kind: e.kind, steps: new Set(), labels: [] }).get(key)!;
    edge.steps.add(e.step);
    if (e.label) edge.labels.push(e.label);
    if (e.filter) edge.labels.push(`filter ${e.filter}`);
  }
  return {
    nodes,
    edges: [...edges.values()].map(({ steps, labels, ...e }) => {
      const removes = (expected.without ?? []).filter(
        (w) => steps.has(w.step) && (w.node === e.from || w.node === e.to),
      );
      return {
        ...e,
        label: [
          `task ${[...steps].join(', ')}`,
          ...(labels.length ? [labels.join(', ')] : []),
          ...removes.map((w) => `no ${w.check}`),
        ].join(' · '),
      };
    }),
  };
}
