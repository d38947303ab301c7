// JSON into the format-neutral tree, with jsonc-parser (MIT) doing the scanning and error recovery.
import { type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { parseStrictJson } from './strictJson';
import type { Node, ParseResult, Property, SyntaxProblem } from './tree';
import type { Span } from '../types';

export interface JsonOptions {
  /** JSON with comments (VS Code's `jsonc`); comments are a syntax error in plain JSON and in IAM policies. */
  readonly allowComments?: boolean;
}

/** Deeper nesting than this is not a policy or a table; stop there rather than risk the stack. */
const MAX_DEPTH = 200;

/** By jsonc-parser's error code name (its enum is a `const enum`, unusable with isolated modules). */
const MESSAGES: Readonly<Record<string, string>> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected a property name in double quotes',
  ValueExpected: 'Expected a value',
  ColonExpected: "Expected ':' after the property name",
  CommaExpected: "Expected ',' between entries",
  CloseBraceExpected: "Expected '}' to close the object",
  CloseBracketExpected: "Expected ']' to close the array",
  EndOfFileExpected: 'Expected the end of the document after the top-level value',
  InvalidCommentToken: 'Comments are not allowed in JSON',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Incomplete number',
  InvalidUnicode: 'Invalid \\u escape in string',
  InvalidEscapeCharacter: 'Invalid escape character in string',
  InvalidCharacter: 'Control character in string (escape it)',
};

export function parseJson(text: string, options: JsonOptions = {}): ParseResult {
  // Strict JSON (nearly every policy and template) takes the one-pass path; anything else, jsonc-parser's.
  const strict = parseStrictJson(text, MAX_DEPTH);
  return strict ? { format: 'json', root: strict, problems: [] } : parseJsonc(text, options);
}

/** The recovering path: jsonc-parser scans, reports syntax problems and recovers what it can. */
export function parseJsonc(text: string, options: JsonOptions = {}): ParseResult {
  const errors: ParseError[] = [];
  let tree: JsonNode | undefined;
  try {
    tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: !options.allowComments });
  } catch {
    return { format: 'json', problems: [{ message: 'The document is too deeply nested to parse', span: whole(text) }] };
  }
  const problems = describeErrors(text, errors);
  const state = { tooDeep: false };
  const root = tree ? convert(tree, text, 0, state) : undefined;
  if (state.tooDeep)
    problems.push({ message: `Nesting deeper than ${MAX_DEPTH} levels was not analysed`, span: whole(text) });
  return root ? { format: 'json', root, problems } : { format: 'json', problems };
}

function whole(text: string): Span {
  return { start: 0, end: text.length };
}

function describeErrors(text: string, errors: readonly ParseError[]): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const seen = new Set<number>();
  for (const e of errors) {
    // jsonc-parser often reports two errors at the same place (e.g. a trailing comma); one is enough.
    if (seen.has(e.offset)) continue;
    seen.add(e.offset);
    const start = Math.min(e.offset, text.length);
    const end = Math.min(text.length, Math.max(start, e.offset + e.length));
    const trailing = trailingComma(text, start, e.error);
    if (trailing !== undefined) {
      problems.push({ message: 'Trailing comma is not allowed in JSON', span: { start: trailing, end: trailing + 1 } });
      continue;
    }
    problems.push({ message: MESSAGES[printParseErrorCode(e.error)] ?? 'Invalid JSON', span: { start, end } });
  }
  return problems;
}

/** Offset of the comma when an error at `offset` is a `,` directly before `}` or `]`. */
function trailingComma(text: string, offset: number, code: ParseError['error']): number | undefined {
  const name = printParseErrorCode(code);
  if (name !== 'PropertyNameExpected' && name !== 'ValueExpected') return undefined;
  const c = text[offset];
  if (c !== '}' && c !== ']') return undefined;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return text[i] === ',' ? i : undefined;
}

/** The node's span, clamped to the text: jsonc-parser can report a length past the end (an unclosed comment). */
function spanOf(n: JsonNode, text: string): Span {
  const start = Math.min(n.offset, text.length);
  return { start, end: Math.max(start, Math.min(text.length, n.offset + n.length)) };
}

function convert(n: JsonNode, text: string, depth: number, state: { tooDeep: boolean }): Node | undefined {
  const span = spanOf(n, text);
  if (depth > MAX_DEPTH) {
    state.tooDeep = true;
    return undefined;
  }
  switch (n.type) {
    case 'object': {
      const properties: Property[] = [];
      for (const p of n.children ?? []) {
        const [k, v] = p.children ?? [];
        if (!k || !v) continue; // `"a": ` with no value: the syntax problem says so
        const value = convert(v, text, depth + 1, state);
        if (!value) continue;
        properties.push({
          key: String(k.value),
          keySpan: spanOf(k, text),
          value,
          span: { start: k.offset, end: value.span.end },
        });
      }
      return { kind: 'object', span, properties };
    }
    case 'array': {
      const items: Node[] = [];
      for (const c of n.children ?? []) {
        const item = convert(c, text, depth + 1, state);
        if (item) items.push(item);
      }
      return { kind: 'array', span, items };
    }
    case 'string': {
      const closed = n.length >= 2 && text[n.offset + n.length - 1] === '"';
      const valueSpan = { start: Math.min(span.end, n.offset + 1), end: closed ? span.end - 1 : span.end };
      return { kind: 'string', span, value: String(n.value), valueSpan };
    }
    case 'number':
      return { kind: 'number', span, value: Number(n.value) };
    case 'boolean':
      return { kind: 'boolean', span, value: n.value === true };
    case 'null':
      return { kind: 'null', span };
    default:
      return undefined;
  }
}
