// Architecture view (browser side): the wiring graph the host drew (SVG with one `g.node[data-id]` per resource),
// zoom and fit, a search that highlights matches, the pattern checks' findings with their lessons, problem badges,
// export buttons. Click (or Enter on) a node to reveal it in the explorer.
import '../shared/nonce';
import '../shared/elements';
import { html, nothing, render } from 'lit';
import { connect } from '../shared/host';
import { addBaseStyles, addStyles } from '../shared/styles';
import { noticeBox, RequestStatus, valueOf } from '../shared/ui';
import type {
  ArchitectureFromView,
  ArchitectureTarget,
  ArchitectureToView,
  ExportFormat,
  FindingView,
  GraphView,
} from '../../src/webviews/protocol/architecture';

interface ViewState {
  zoom: number;
  search: string;
}

const TARGET: ArchitectureTarget = { view: 'architecture' };
const host = connect<ArchitectureToView, ArchitectureFromView, ArchitectureTarget, ViewState>();
let view: ViewState = { zoom: 1, search: '', ...((host.restore()?.view as Partial<ViewState> | undefined) ?? {}) };
let graph: GraphView | undefined;
let selected: FindingView | undefined;
let notice: string | undefined;
const status = new RequestStatus();

const top = document.createElement('div');
const canvas = document.createElement('div');
canvas.className = 'canvas';
canvas.setAttribute('role', 'group');
canvas.setAttribute('aria-label', 'Architecture graph');
const bottom = document.createElement('div');

function update(patch: Partial<ViewState>): void {
  view = { ...view, ...patch };
  host.save(TARGET, view);
  applyZoom();
  applyHighlight();
  draw();
}

function svgElement(): SVGSVGElement | null {
  return canvas.querySelector('svg');
}

function applyZoom(): void {
  const svg = svgElement();
  if (!svg || !graph) return;
  svg.setAttribute('width', String(Math.round(graph.width * view.zoom)));
  svg.setAttribute('height', String(Math.round(graph.height * view.zoom)));
}

function fit(): void {
  if (!graph || !graph.width) return;
  const zoom = Math.min(1, Math.max(0.1, (canvas.clientWidth - 8) / graph.width));
  update({ zoom: Math.round(zoom * 100) / 100 });
}

/** Marks the nodes of the selected finding, or those whose name matches the search; dims the rest. */
function applyHighlight(): void {
  const nodes = canvas.querySelectorAll<SVGGElement>('g.node');
  const wanted = selected ? new Set(selected.nodes) : undefined;
  const term = view.search.trim().toLowerCase();
  let first: SVGGElement | undefined;
  for (const n of nodes) {
    const id = n.dataset.id ?? '';
    const text = n.querySelector('title')?.textContent?.toLowerCase() ?? '';
    const hit = wanted ? wanted.has(id) : term !== '' && text.includes(term);
    n.classList.toggle('hl', hit);
    if (hit && !first) first = n;
  }
  canvas.classList.toggle('dim', !!wanted || term !== '');
  first?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

function showGraph(g: GraphView): void {
  graph = g;
  const doc = new DOMParser().parseFromString(g.svg, 'image/svg+xml');
  const svg = doc.documentElement;
  canvas.replaceChildren(document.importNode(svg, true));
  if (selected) selected = g.findings.find((f) => f.check === selected!.check && f.nodes[0] === selected!.nodes[0]);
  applyZoom();
  applyHighlight();
  const badges = canvas.querySelectorAll('g.badge').length;
  host.post({ type: 'shown', nodes: canvas.querySelectorAll('g.node').length, edges: g.edges, badges });
  draw();
}

function reveal(id: string): void {
  notice = undefined;
  status.busy = host.request('Revealing in the explorer', (requestId) => ({ type: 'reveal', requestId, id }));
  draw();
}

function exportAs(format: ExportFormat): void {
  status.busy = host.request(`Exporting ${format}`, (requestId) => ({ type: 'export', requestId, format }));
  draw();
}

function refresh(): void {
  notice = undefined;
  host.post({ type: 'refresh' });
}

canvas.addEventListener('click', (e) => {
  const node = (e.target as Element | null)?.closest<SVGGElement>('g.node');
  if (node?.dataset.id) reveal(node.dataset.id);
});
canvas.addEventListener('keydown', (e) => {
  const node = (e.target as Element | null)?.closest<SVGGElement>('g.node');
  if (node?.dataset.id && (e.key === 'Enter' || e.key === ' ')) {
    e.preventDefault();
    reveal(node.dataset.id);
  }
});

function onMessage(m: ArchitectureToView): void {
  if (status.take(m)) {
    draw();
    return;
  }
  switch (m.type) {
    case 'graph':
      status.error = undefined;
      showGraph(m.graph);
      return;
    case 'revealed':
      notice = m.found ? undefined : m.message;
      draw();
      return;
    case 'exported':
      notice = `Opened the ${m.format} export in an editor: save it where you like.`;
      draw();
      return;
  }
}

function findingRow(f: FindingView) {
  const on = selected === f;
  return html`<li class=${`finding ${f.kind}${on ? ' on' : ''}`}>
    <button
      class="link"
      aria-pressed=${on ? 'true' : 'false'}
      @click=${() => {
        selected = on ? undefined : f;
        applyHighlight();
        draw();
      }}
    >
      ${f.kind === 'pattern' ? '✓' : '⚠'} ${f.message}
    </button>
    <div class="lesson">${f.lesson}</div>
  </li>`;
}

function draw(): void {
  const patterns = graph?.findings.filter((f) => f.kind === 'pattern') ?? [];
  const problems = graph?.findings.filter((f) => f.kind === 'problem') ?? [];
  render(
    html`<h1>Architecture</h1>
      <p class="sub">
        ${
          graph
            ? `${graph.nodes} resources · ${graph.edges} connections · read ${new Date(graph.readAt).toLocaleTimeString()}`
            : 'Reading the emulator…'
        }
        ${graph?.capped ? html` · <strong>only the first ${graph.capped} resources are drawn</strong>` : nothing}
        ${graph?.unsupported.length ? html` · not offered by this emulator: ${graph.unsupported.join(', ')}` : nothing}
      </p>
      <div class="row toolbar">
        <vscode-button @click=${refresh} ?disabled=${!!status.busy}>Refresh</vscode-button>
        <vscode-button secondary @click=${() => update({ zoom: Math.max(0.1, view.zoom / 1.25) })}>−</vscode-button>
        <span class="zoom">${Math.round(view.zoom * 100)}%</span>
        <vscode-button secondary @click=${() => update({ zoom: Math.min(3, view.zoom * 1.25) })}>+</vscode-button>
        <vscode-button secondary @click=${fit}>Fit</vscode-button>
        <vscode-textfield
          placeholder="Find a resource"
          aria-label="Find a resource"
          .value=${view.search}
          @input=${(e: Event) => {
            selected = undefined;
            update({ search: valueOf(e) });
          }}
        ></vscode-textfield>
        <span class="spacer"></span>
        <span class="muted">Export</span>
        ${(['mermaid', 'dot', 'svg', 'json'] as const).map(
          (f) =>
            html`<vscode-button secondary ?disabled=${!graph} @click=${() => exportAs(f)}
              >${f === 'dot' ? 'DOT' : f === 'svg' ? 'SVG' : f === 'json' ? 'JSON' : 'Mermaid'}</vscode-button
            >`,
        )}
      </div>
      ${status.lines(host.post)} ${noticeBox(notice)}
      ${
        graph?.failures.length
          ? html`<div class="warning" role="alert">${graph.failures.map((f) => html`<div>${f}</div>`)}</div>`
          : nothing
      }
      ${
        graph && graph.nodes === 0
          ? html`<p class="muted">No resources yet: create a bucket, queue, topic or function and press Refresh.</p>`
          : nothing
      }`,
    top,
  );
  render(
    graph
      ? html`<section aria-label="Patterns">
            <h2>Patterns (${patterns.length})</h2>
            ${
              patterns.length
                ? html`<ul class="findings">
                    ${patterns.map(findingRow)}
                  </ul>`
                : html`<p class="muted">
                    None yet: try a topic fanning out to two queues, a queue with a DLQ feeding a function, a bucket
                    triggering a function, or a stream read by a function.
                  </p>`
            }
          </section>
          <section aria-label="Problems">
            <h2>Problems (${problems.length})</h2>
            ${
              problems.length
                ? html`<ul class="findings">
                    ${problems.map(findingRow)}
                  </ul>`
                : html`<p class="muted">Nothing to say about this wiring.</p>`
            }
          </section>
          <section aria-label="What the roles allow">
            <h2>What the roles allow</h2>
            <p class="muted">
              Evaluated from each function role's own policies (no resource policies or boundaries), for the typical
              data actions on the resources drawn.
            </p>
            ${
              graph.access.length
                ? html`<ul class="findings">
                    ${graph.access.map(
                      (r) =>
                        html`<li class="finding">
                          <strong>${r.role}</strong> (${r.functions.join(', ')})
                          <div class="lesson">
                            ${r.grants.length ? r.grants.map((g) => html`<div>${g}</div>`) : 'nothing on these resources'}
                          </div>
                        </li>`,
                    )}
                  </ul>`
                : html`<p class="muted">No function role with readable policies.</p>`
            }
            ${graph.accessTruncated ? html`<p class="muted">Only the first roles are shown (evaluation limit).</p>` : nothing}
          </section>`
      : nothing,
    bottom,
  );
}

addBaseStyles();
addStyles(`
  .toolbar { align-items: center; }
  .toolbar .spacer { flex: 1; }
  .zoom { min-width: 3em; text-align: center; }
  .canvas { overflow: auto; max-height: 65vh; border: 1px solid var(--vscode-panel-border); background: #fafafa; }
  .canvas g.node { cursor: pointer; }
  .canvas g.node:focus { outline: none; }
  .canvas g.node:focus > rect:first-of-type, .canvas g.node:hover > rect:first-of-type { stroke-width: 3; }
  .canvas.dim g.node:not(.hl) { opacity: 0.3; }
  .canvas g.node.hl > rect:first-of-type { stroke-width: 4; }
  .findings { list-style: none; padding: 0; margin: 0; }
  .finding { margin: 4px 0 10px; }
  .finding .lesson { color: var(--vscode-descriptionForeground); margin-left: 1.6em; }
  .finding.problem button { color: var(--vscode-errorForeground); }
  .finding.on button { font-weight: 600; }
  button.link { background: none; border: 0; padding: 0; color: var(--vscode-textLink-foreground); cursor: pointer;
    font: inherit; text-align: left; }
  .muted { color: var(--vscode-descriptionForeground); }
`);
document.getElementById('app')?.append(top, canvas, bottom);
draw();
host.start(onMessage);
