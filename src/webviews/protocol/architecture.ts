// Architecture view (issue 13): the contract between the host (src/webviews/architecture.ts) and the view
// (webviews/architecture/main.ts). The host reads the wiring, lays it out and draws the SVG (src/graph); the view
// shows it, zooms, highlights, and asks the host to reveal a node in the explorer, refresh or export.
import type { HostCommon } from './common';
import { int, literal, obj, oneOf, str, tagged } from './validate';

export const ARCHITECTURE_VIEW_TYPE = 'localCloudLab.architecture';

/** One view for the connected emulator. */
export interface ArchitectureTarget {
  readonly view: 'architecture';
}
export const architectureTarget = obj({ view: literal('architecture') });

export const EXPORT_FORMATS = ['mermaid', 'dot', 'svg', 'json'] as const;
/** The same names as src/graph/exports.ts GRAPH_FORMATS (the view's buttons). */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** View → host. */
export const architectureFromView = tagged({
  refresh: obj({ type: literal('refresh') }),
  /** Reveal the resource with this node id (its ARN) in the explorer. */
  reveal: obj({ type: literal('reveal'), requestId: int({ min: 0 }), id: str({ min: 1, max: 2048 }) }),
  export: obj({ type: literal('export'), requestId: int({ min: 0 }), format: oneOf(EXPORT_FORMATS) }),
  /** What the view drew, for tests and logs. */
  shown: obj({ type: literal('shown'), nodes: int({ min: 0 }), edges: int({ min: 0 }), badges: int({ min: 0 }) }),
});
export type ArchitectureFromView = ReturnType<typeof architectureFromView>;

/** A pattern check's finding as the view lists it. */
export interface FindingView {
  readonly check: string;
  readonly kind: 'pattern' | 'problem';
  readonly nodes: readonly string[];
  readonly message: string;
  readonly lesson: string;
}

export interface RoleAccessView {
  readonly role: string;
  readonly functions: readonly string[];
  /** `sqs:SendMessage, sqs:ReceiveMessage on orders` */
  readonly grants: readonly string[];
}

export interface GraphView {
  /** The laid-out graph as a standalone SVG (src/graph/exports.ts toSvg); nodes carry `data-id`. */
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly nodes: number;
  readonly edges: number;
  readonly findings: readonly FindingView[];
  /** "Read sns failed: …" lines: the rest of the graph is still shown. */
  readonly failures: readonly string[];
  /** Services the emulator does not offer (left out of the graph). */
  readonly unsupported: readonly string[];
  /** What each function role's own policies allow on the drawn resources (src/graph/access.ts), by name. */
  readonly access: readonly RoleAccessView[];
  /** Set when the access evaluation stopped at its budget (some roles are left out). */
  readonly accessTruncated?: boolean;
  /** Set when the graph holds only the first `capped` resources. */
  readonly capped?: number;
  /** When it was read (ISO time). */
  readonly readAt: string;
}

/** Host → view. */
export type ArchitectureToView =
  | HostCommon
  | { type: 'graph'; graph: GraphView }
  | { type: 'revealed'; requestId: number; id: string; found: boolean; message?: string }
  | { type: 'exported'; requestId: number; format: ExportFormat };
