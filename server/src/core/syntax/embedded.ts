// Text embedded in another document (a policy given as a JSON string in a template, a Terraform heredoc) is parsed
// on its own and its spans are mapped back into the host document, so squiggles land on the right characters.
import type { Node, ParseResult, Property, SyntaxProblem } from './tree';
import type { Span } from '../types';

/** Maps an offset in the embedded text (0…length) to an offset in the host document. */
export type OffsetMap = (offset: number) => number;

/**
 * Exact map for the body of a JSON string literal (the characters between the quotes): escapes such as `\"`,
 * `\n` and `\u00e9` decode to one character each.
 */
export function jsonStringOffsets(raw: string, rawStart: number): OffsetMap {
  const map: number[] = [];
  for (let i = 0; i < raw.length;) {
    map.push(rawStart + i);
    if (raw[i] === '\\') {
      const c = raw[i + 1];
      i += c === 'u' ? 6 : 2;
    } else {
      i += 1;
    }
  }
  map.push(rawStart + raw.length);
  return fromTable(map);
}

/**
 * Approximate map when the host format transformed the text in ways we do not replay (YAML folding and
 * indentation, escapes): each decoded character is matched with the next equal source character within a short
 * look-ahead, otherwise it keeps its place. Exact for verbatim text, close for the rest, always inside the source.
 */
export function alignOffsets(decoded: string, source: string, sourceStart: number): OffsetMap {
  const map: number[] = [];
  let s = 0;
  for (let d = 0; d < decoded.length; d++) {
    const ch = decoded[d];
    let found = -1;
    for (let k = s; k < Math.min(source.length, s + 8); k++) {
      if (source[k] === ch) {
        found = k;
        break;
      }
    }
    if (found >= 0) s = found;
    map.push(sourceStart + Math.min(s, source.length));
    if (s < source.length) s++;
  }
  map.push(sourceStart + Math.min(s, source.length));
  return fromTable(map);
}

function fromTable(table: readonly number[]): OffsetMap {
  const last = table.length - 1;
  return (offset) => table[Math.max(0, Math.min(last, offset))]!;
}

function mapSpan(span: Span, map: OffsetMap): Span {
  const start = map(span.start);
  // The end is exclusive: map the last character and step past it, so a span never swallows an escape's tail.
  const end = span.end > span.start ? map(span.end - 1) + 1 : start;
  return { start, end: Math.max(start, end) };
}

/** The same tree with every span mapped into the host document. */
export function remapNode(node: Node, map: OffsetMap): Node {
  const span = mapSpan(node.span, map);
  switch (node.kind) {
    case 'object':
      return {
        kind: 'object',
        span,
        properties: node.properties.map((p): Property => ({
          key: p.key,
          keySpan: mapSpan(p.keySpan, map),
          span: mapSpan(p.span, map),
          value: remapNode(p.value, map),
        })),
      };
    case 'array':
      return { kind: 'array', span, items: node.items.map((i) => remapNode(i, map)) };
    case 'string':
      return { kind: 'string', span, value: node.value, valueSpan: mapSpan(node.valueSpan, map) };
    case 'dynamic':
      return node.argument ? { ...node, span, argument: remapNode(node.argument, map) } : { ...node, span };
    default:
      return { ...node, span };
  }
}

export function remapResult(result: ParseResult, map: OffsetMap): ParseResult {
  const problems: SyntaxProblem[] = result.problems.map((p) => ({ message: p.message, span: mapSpan(p.span, map) }));
  return result.root
    ? { format: result.format, root: remapNode(result.root, map), problems }
    : { format: result.format, problems };
}
