// The wiring graph as text learners paste elsewhere: Mermaid (GitHub and most note apps render it), Graphviz DOT,
// and SVG drawn from the dagre layout. Pure functions of the graph.
import { type WiringGraph, wiringJson } from '../aws/records/wiring';
import { type Layout, layoutWiring, shortLabel } from './layout';
import { badgesOf, checkPatterns } from './patterns';
import { dashed, edgeText, edgeTitle, NODE_STYLE } from './style';

/** Mermaid flowchart, left to right; node ids are n0, n1, … (ARNs hold characters Mermaid ids cannot). */
export function toMermaid(g: Pick<WiringGraph, 'nodes' | 'edges'>): string {
  const ids = new Map(g.nodes.map((n, i) => [n.id, `n${i}`]));
  const text = (s: string) => s.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));
  const lines = ['flowchart LR'];
  for (const n of g.nodes) {
    const label = `${text(n.name)}<br/><small>${NODE_STYLE[n.type].service}${n.missing ? ' (missing)' : ''}</small>`;
    lines.push(`  ${ids.get(n.id)}["${label}"]`);
  }
  for (const e of g.edges) {
    const from = ids.get(e.from);
    const to = ids.get(e.to);
    if (!from || !to) continue;
    const label = text(edgeTitle(e)).replace(/\|/g, '#124;');
    lines.push(`  ${from} ${dashed(e.kind) ? '-.->' : '-->'}|"${label}"| ${to}`);
  }
  return `${lines.join('\n')}\n`;
}

const dotString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

/** Graphviz DOT, left to right; node ids are the ARNs. */
export function toDot(g: Pick<WiringGraph, 'nodes' | 'edges'>): string {
  const lines = [
    'digraph wiring {',
    '  rankdir=LR;',
    '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  for (const n of g.nodes) {
    const style = NODE_STYLE[n.type];
    const attrs = [
      `label=${dotString(`${n.name}\n${style.service}`)}`,
      `color=${dotString(style.colour)}`,
      ...(n.missing ? ['style="rounded,dashed"'] : []),
    ];
    lines.push(`  ${dotString(n.id)} [${attrs.join(', ')}];`);
  }
  for (const e of g.edges) {
    const attrs = [`label=${dotString(edgeTitle(e))}`, ...(dashed(e.kind) ? ['style=dashed'] : [])];
    lines.push(`  ${dotString(e.from)} -> ${dotString(e.to)} [${attrs.join(', ')}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** Problem badges by node id (the pattern checks' findings). */
export type Badges = ReadonlyMap<string, readonly string[]>;

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function path(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
}

/**
 * A standalone SVG of the laid-out graph: each node a rounded box with its service mark, name and type, problem
 * badges in the corner, edges with arrowheads and labels. Colours are attributes (no <style>), so it renders the same
 * in a README, a browser and the webview under its Content Security Policy. Each node carries `data-id` (its ARN).
 */
export function toSvg(g: Pick<WiringGraph, 'nodes' | 'edges'>, layout: Layout, badges: Badges = new Map()): string {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" ` +
      `viewBox="0 0 ${layout.width} ${layout.height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" ' +
      'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#888888"/></marker></defs>',
    '<g class="edges">',
  ];
  for (const placed of layout.edges) {
    const e = g.edges[placed.index];
    if (!e || placed.points.length < 2) continue;
    out.push(
      `<path class="edge" data-kind="${e.kind}" d="${path(placed.points)}" fill="none" stroke="#888888" ` +
        `stroke-width="1.3"${dashed(e.kind) ? ' stroke-dasharray="5,4"' : ''} marker-end="url(#arrow)">` +
        `<title>${xml(edgeTitle(e))}</title></path>`,
    );
    if (placed.labelAt && e.label) {
      out.push(
        `<text class="edge-label" x="${placed.labelAt.x.toFixed(1)}" y="${(placed.labelAt.y + 4).toFixed(1)}" ` +
          `text-anchor="middle" font-size="10" fill="#666666">${xml(shortLabel(edgeText(e)))}</text>`,
      );
    }
  }
  out.push('</g>', '<g class="nodes">');
  for (const p of layout.nodes) {
    const n = byId.get(p.id);
    if (!n) continue;
    const style = NODE_STYLE[n.type];
    const x = p.x - p.width / 2;
    const y = p.y - p.height / 2;
    const problems = badges.get(n.id) ?? [];
    out.push(
      `<g class="node" data-id="${xml(n.id)}" transform="translate(${x.toFixed(1)},${y.toFixed(1)})" tabindex="0">`,
      `<title>${xml([`${n.name} (${style.service}${n.missing ? ', not found' : ''})`, n.id, ...problems].join('\n'))}</title>`,
      `<rect width="${p.width}" height="${p.height}" rx="6" fill="#ffffff" stroke="${style.colour}" stroke-width="1.5"` +
        `${n.missing ? ' stroke-dasharray="4,3"' : ''}/>`,
      `<rect x="6" y="7" width="32" height="32" rx="5" fill="${style.colour}"/>`,
      `<text x="22" y="27" text-anchor="middle" fill="#ffffff" font-weight="bold" font-size="${style.mark.length > 2 ? 10 : 13}">` +
        `${xml(style.mark)}</text>`,
      `<text x="46" y="20" fill="#222222" font-weight="bold">${xml(shortLabel(n.name))}</text>`,
      `<text x="46" y="35" fill="#666666" font-size="10">${xml(style.service)}</text>`,
    );
    if (problems.length) {
      out.push(
        `<g class="badge"><circle cx="${p.width - 2}" cy="2" r="9" fill="#d13212"/>` +
          `<text x="${p.width - 2}" y="6" text-anchor="middle" fill="#ffffff" font-weight="bold" font-size="11">` +
          `${problems.length}</text></g>`,
      );
    }
    out.push('</g>');
  }
  out.push('</g>', '</svg>');
  return `${out.join('\n')}\n`;
}

export const GRAPH_FORMATS = ['json', 'mermaid', 'dot', 'svg'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/** The graph in one of the export formats (JSON is the CLI's fixed format, one line; SVG with problem badges). */
export function exportGraph(graph: WiringGraph, format: GraphFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(wiringJson(graph))}\n`;
    case 'mermaid':
      return toMermaid(graph);
    case 'dot':
      return toDot(graph);
    case 'svg':
      return toSvg(graph, layoutWiring(graph), badgesOf(checkPatterns(graph)));
  }
}
