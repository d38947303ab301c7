// Host side of the architecture view (issue 13): reads the wiring of the connected emulator (src/aws/wiring.ts),
// runs the pattern checks, lays the graph out by flow and draws it as SVG (src/graph), and answers the view's
// reveal, refresh and export requests. Redraws when the explorer refreshes.
import type { WiringGraph } from '../aws/records/wiring';
import { readWiring } from '../aws/wiring';
import type { RevealTarget } from '../explorer/reveal';
import { roleAccess } from '../graph/access';
import { exportGraph, toSvg } from '../graph/exports';
import { layoutWiring } from '../graph/layout';
import { badgesOf, checkPatterns } from '../graph/patterns';
import { requireClients, type PanelDeps } from './deps';
import type { PanelKind } from './panel';
import {
  ARCHITECTURE_VIEW_TYPE,
  architectureFromView,
  architectureTarget,
  type ArchitectureFromView,
  type ArchitectureTarget,
  type ArchitectureToView,
  type ExportFormat,
  type GraphView,
} from './protocol/architecture';

export interface ArchitectureDeps extends PanelDeps {
  /** Reveals the resource in the explorer; false when the explorer does not list it. */
  readonly reveal: (target: RevealTarget) => Promise<boolean>;
  /** Calls back whenever the whole explorer refreshes. */
  readonly onExplorerRefresh: (listener: () => void) => { dispose(): void };
  /** Opens exported text in an editor (the user saves it where they like). */
  readonly openExport: (content: string, language: string) => Promise<void>;
  /** Most resources drawn (setting localCloudLab.architecture.maxNodes). */
  readonly maxNodes: () => number;
}

/** Explorer refreshes within this many milliseconds make one redraw. */
const REFRESH_DELAY_MS = 400;

const LANGUAGE: Record<ExportFormat, string> = { mermaid: 'mermaid', dot: 'dot', svg: 'xml', json: 'json' };

/** Everything the view shows of a graph: the SVG of its layout, the findings, what could not be read. */
export function graphView(graph: WiringGraph, readAt: Date): GraphView {
  const findings = checkPatterns(graph);
  const layout = layoutWiring(graph);
  const access = roleAccess(graph);
  const name = (id: string) => graph.nodes.find((n) => n.id === id)?.name ?? id;
  return {
    svg: toSvg(graph, layout, badgesOf(findings)),
    width: layout.width,
    height: layout.height,
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    findings: findings.map((f) => ({
      check: f.check,
      kind: f.kind,
      nodes: f.nodes,
      message: f.message,
      lesson: f.lesson,
    })),
    failures: graph.failures.map((f) => `Read ${f.service} failed: ${f.reason}`),
    unsupported: graph.unsupported ?? [],
    access: access.roles.map((r) => ({
      role: name(r.role),
      functions: r.functions.map(name),
      grants: r.grants.map((x) => `${x.actions.join(', ')} on ${name(x.resource)}`),
    })),
    ...(access.truncated ? { accessTruncated: true } : {}),
    ...(graph.capped ? { capped: graph.capped.limit } : {}),
    readAt: readAt.toISOString(),
  };
}

export function architecturePanel(
  deps: ArchitectureDeps,
): PanelKind<ArchitectureTarget, ArchitectureFromView, ArchitectureToView> {
  return {
    viewType: ARCHITECTURE_VIEW_TYPE,
    script: 'architecture',
    title: () => 'Architecture',
    key: () => 'architecture',
    target: architectureTarget,
    fromView: architectureFromView,
    retainContextWhenHidden: false,
    create(host) {
      let graph: WiringGraph | undefined;
      let stale = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const load = () =>
        host.run(0, 'Read the wiring', async (signal) => {
          const read = await readWiring(await requireClients(deps), { signal, maxNodes: deps.maxNodes() });
          graph = read;
          stale = false;
          host.post({ type: 'graph', graph: graphView(read, new Date()) });
        });
      const subscription = deps.onExplorerRefresh(() => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = undefined;
          if (host.visible && host.ready) void load();
          else stale = true;
        }, REFRESH_DELAY_MS);
      });
      return {
        async onReady() {
          // A view that reloads (hide/show) gets the graph it had unless the explorer changed meanwhile.
          if (graph && !stale) host.post({ type: 'graph', graph: graphView(graph, new Date()) });
          else await load();
        },
        onVisibility(visible) {
          if (visible && stale && host.ready) void load();
        },
        async onMessage(m) {
          switch (m.type) {
            case 'shown':
              return;
            case 'refresh':
              await load();
              return;
            case 'reveal': {
              const node = graph?.nodes.find((n) => n.id === m.id);
              if (!node) {
                host.refuse(m.requestId, 'That resource is not in the graph any more: refresh the view.');
                return;
              }
              await host.run(m.requestId, `Reveal ${node.name}`, async () => {
                const found = node.missing ? false : await deps.reveal(node);
                host.post({
                  type: 'revealed',
                  requestId: m.requestId,
                  id: node.id,
                  found,
                  ...(found
                    ? {}
                    : {
                        message: node.missing
                          ? `${node.name} was not found on the emulator (deleted, or in another account)`
                          : `${node.name} is not listed in the explorer`,
                      }),
                });
              });
              return;
            }
            case 'export': {
              const shown = graph;
              if (!shown) {
                host.refuse(m.requestId, 'Nothing to export yet: the graph has not been read.');
                return;
              }
              await host.run(m.requestId, `Export ${m.format}`, async () => {
                await deps.openExport(exportGraph(shown, m.format), LANGUAGE[m.format]);
                host.post({ type: 'exported', requestId: m.requestId, format: m.format });
              });
              return;
            }
          }
        },
        dispose() {
          if (timer) clearTimeout(timer);
          subscription.dispose();
        },
      };
    },
  };
}
