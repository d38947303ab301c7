// YAML (CloudFormation and SAM templates, YAML policies) into the format-neutral tree, with the `yaml` package
// (ISC). CloudFormation short tags (`!Ref`, `!Sub`, …) become DynamicNodes; every document of a stream is kept.
import * as yamlLibrary from 'yaml';
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Tags } from 'yaml';
import { SHORT_TAGS } from './intrinsics';
import type { Node, ParseResult, Property, SyntaxProblem } from './tree';
import type { Span } from '../types';

const MAX_DEPTH = 200;

/**
 * The short tags, declared for scalars, sequences and mappings so the library resolves them quietly (an unknown
 * tag costs a warning object per use); the node keeps its tag, which the converter reads.
 */
const CFN_TAGS: Tags = [...SHORT_TAGS.keys()].flatMap((name) => [
  { tag: `!${name}`, resolve: (s: string) => s },
  // No nodeClass: the library's own map and sequence, so the tags suit either build of the package.
  { tag: `!${name}`, collection: 'seq' as const, resolve: (v: unknown) => v },
  { tag: `!${name}`, collection: 'map' as const, resolve: (v: unknown) => v },
]);

/**
 * Given as a function, not the array itself: the library builds each document's schema by concatenating an array of
 * custom tags one tag at a time (63 copies of a growing list, ~25 µs a document); one concat gives the same list.
 */
const withCfnTags = (schemaTags: Tags): Tags => schemaTags.concat(CFN_TAGS);

/** Flow collections nested deeper than this are refused before parsing: the library's time grows steeply with it. */
const MAX_FLOW_DEPTH = 1000;

/** The deepest nesting of `[` and `{` outside quotes and comments (a linear scan, no parse). */
function flowDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === BRACKET || ch === BRACE) max = Math.max(max, ++depth);
    else if (ch === BRACKET_END || ch === BRACE_END) depth = Math.max(0, depth - 1);
    else if ((ch === DQUOTE || ch === SQUOTE) && (i === 0 || opensScalar(text.charCodeAt(i - 1)))) {
      // A quote that starts a scalar (not an apostrophe inside a word): skip to its closing quote or the line end.
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === ch || c === LF) break;
        if (ch === DQUOTE && c === BACKSLASH) i++;
      }
    } else if (ch === HASH && (i === 0 || isSpace(text.charCodeAt(i - 1)))) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    }
  }
  return max;
}

const [BRACKET, BRACKET_END, BRACE, BRACE_END] = [0x5b, 0x5d, 0x7b, 0x7d];
const [DQUOTE, SQUOTE, HASH, BACKSLASH, LF, CR] = [0x22, 0x27, 0x23, 0x5c, 0x0a, 0x0d];

const utf8 = new TextDecoder();

const isLineBreak = (c: number): boolean => c === LF || c === CR;

/** `/\s/` for one UTF-16 unit, without a regex call per character (the scan sees every quote of the text). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** What may stand before a quote that opens a scalar: `/[\s[{,:-]/`. */
function opensScalar(c: number): boolean {
  return c === BRACKET || c === BRACE || c === 0x2c || c === 0x3a || c === 0x2d || isSpace(c);
}

/** The part of the yaml package the conversion calls: a parameter so that a test can run it on the package's other build. */
type YamlLibrary = Pick<typeof yamlLibrary, 'parseAllDocuments'>;

export function parseYaml(text: string, library: YamlLibrary = yamlLibrary): ParseResult {
  if (flowDepth(text) > MAX_FLOW_DEPTH) {
    return {
      format: 'yaml',
      problems: [
        {
          message: `Nesting deeper than ${MAX_FLOW_DEPTH} levels was not parsed`,
          span: { start: 0, end: text.length },
        },
      ],
    };
  }
  const problems: SyntaxProblem[] = [];
  const documents: Node[] = [];
  let docs: Document.Parsed[];
  try {
    docs = library.parseAllDocuments(text, {
      prettyErrors: false,
      uniqueKeys: false,
      strict: false,
      customTags: withCfnTags,
    }) as Document.Parsed[];
  } catch {
    return {
      format: 'yaml',
      problems: [{ message: 'The YAML could not be parsed', span: { start: 0, end: text.length } }],
    };
  }
  if (!Array.isArray(docs)) docs = [docs];
  for (const doc of docs) {
    for (const e of doc.errors) problems.push({ message: firstLine(e.message), span: clampSpan(e.pos, text) });
    // Warnings are not reported: the common one is an unknown tag (e.g. a custom `!Foo`), kept as a dynamic value.
    const converter = new Converter(text);
    const root = converter.convert(doc.contents, 0);
    if (root) documents.push(root);
    if (converter.tooDeep) {
      problems.push({
        message: `Nesting deeper than ${MAX_DEPTH} levels was not analysed`,
        span: { start: 0, end: text.length },
      });
    }
  }
  const root = documents[0];
  const base: ParseResult = root ? { format: 'yaml', root, problems } : { format: 'yaml', problems };
  return documents.length > 1 ? { ...base, documents } : base;
}

function firstLine(message: string): string {
  // The library appends " at line L, column C:" and a source excerpt; the editor shows the position itself.
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function clampSpan(pos: readonly [number, number], text: string): Span {
  const start = Math.max(0, Math.min(text.length, pos[0]));
  return { start, end: Math.max(start, Math.min(text.length, pos[1])) };
}

class Converter {
  tooDeep = false;
  constructor(private readonly text: string) {}

  convert(n: unknown, depth: number): Node | undefined {
    if (n === null || n === undefined) return undefined;
    if (depth > MAX_DEPTH) {
      this.tooDeep = true;
      return undefined;
    }
    const node = this.plain(n, depth);
    if (!node) return undefined;
    const tag = (n as { tag?: string }).tag;
    if (tag && tag.startsWith('!') && !tag.startsWith('!!')) {
      const name = tag.slice(1);
      const fn = SHORT_TAGS.get(name) ?? `!${name}`;
      const start = this.tagStart(tag, node.span.start);
      const span = { start, end: node.span.end };
      return { kind: 'dynamic', span, function: fn, text: this.text.slice(span.start, span.end), argument: node };
    }
    return node;
  }

  /** The tag is written before the node's range; find it so the dynamic node's span covers `!Sub …`. */
  private tagStart(tag: string, nodeStart: number): number {
    const from = Math.max(0, nodeStart - tag.length - 64);
    const at = this.text.lastIndexOf(tag, nodeStart - 1);
    return at >= from && at >= 0 ? at : nodeStart;
  }

  private range(n: { range?: readonly number[] | null }): Span {
    const r = n.range;
    if (!r) return { start: 0, end: 0 };
    const start = Math.max(0, Math.min(this.text.length, r[0]!));
    let end = Math.max(start, Math.min(this.text.length, r[1]!));
    // Block scalars and flow collections may include trailing line breaks in their range; squiggles should not.
    while (end > start && isLineBreak(this.text.charCodeAt(end - 1))) end--;
    return { start, end };
  }

  private plain(n: unknown, depth: number): Node | undefined {
    if (isScalar(n)) return this.scalar(n);
    if (isMap(n)) {
      const properties: Property[] = [];
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key;
        const keySpan = isScalar(keyNode) || isMap(keyNode) || isSeq(keyNode) ? this.range(keyNode) : undefined;
        if (!keySpan) continue;
        const key = isScalar(keyNode) ? String(keyNode.value) : this.text.slice(keySpan.start, keySpan.end);
        const value = this.convert(pair.value, depth + 1) ?? {
          kind: 'null' as const,
          span: { start: keySpan.end, end: keySpan.end },
        };
        properties.push({
          key,
          keySpan,
          value,
          span: { start: keySpan.start, end: Math.max(keySpan.end, value.span.end) },
        });
      }
      return { kind: 'object', span: this.range(n), properties };
    }
    if (isSeq(n)) {
      const items: Node[] = [];
      for (const item of n.items) {
        const c = this.convert(item, depth + 1);
        if (c) items.push(c);
      }
      return { kind: 'array', span: this.range(n), items };
    }
    if (isAlias(n)) {
      // Aliases are left unresolved: expanding them can blow up (billion laughs) and rules treat them as unknown.
      const span = this.range(n);
      return { kind: 'dynamic', span, function: 'yaml-alias', text: this.text.slice(span.start, span.end) };
    }
    return undefined;
  }

  private scalar(n: Scalar): Node {
    const span = this.range(n);
    const v = n.value;
    if (v === null || v === undefined) return { kind: 'null', span };
    if (typeof v === 'boolean') return { kind: 'boolean', span, value: v };
    if (typeof v === 'number' || typeof v === 'bigint') return { kind: 'number', span, value: Number(v) };
    // `!!binary`: a Buffer from the Node build, a Uint8Array from the other; both read as UTF-8 text.
    const value = v instanceof Uint8Array ? utf8.decode(v) : String(v);
    return { kind: 'string', span, value, valueSpan: this.valueSpan(n, span) };
  }

  private valueSpan(n: Scalar, span: Span): Span {
    switch (n.type) {
      case Scalar.QUOTE_DOUBLE:
      case Scalar.QUOTE_SINGLE:
        return { start: Math.min(span.end, span.start + 1), end: Math.max(span.start + 1, span.end - 1) };
      case Scalar.BLOCK_LITERAL:
      case Scalar.BLOCK_FOLDED: {
        // The value starts on the line after the `|` / `>` header, past its indentation.
        const nl = this.text.indexOf('\n', span.start);
        if (nl < 0 || nl >= span.end) return { start: span.end, end: span.end };
        let s = nl + 1;
        while (s < span.end && (this.text[s] === ' ' || this.text[s] === '\t')) s++;
        return { start: s, end: span.end };
      }
      default:
        return span;
    }
  }
}
