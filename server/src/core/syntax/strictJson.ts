// The fast path of the JSON parser: a document that is strict JSON (RFC 8259, nothing else) goes straight into the
// format-neutral tree in one pass, with the same nodes and spans the jsonc-parser path (json.ts) builds. At the first
// thing it does not handle — a syntax error, a comment, whitespace other than space/tab/CR/LF, a byte-order mark,
// nesting past the limit — it gives up (undefined) and the caller takes the jsonc-parser path, which reports and
// recovers. Policies and templates are almost always strict JSON, and this path costs a fraction of the other.
import type { Node, Property } from './tree';

// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings: this finds them
const CONTROL = /[\u0000-\u001f]/;

/** Thrown inside the parser only, caught by parseStrictJson: "not strict JSON, take the other path". */
const GIVE_UP = new Error('not strict JSON');

/** The tree of a strict JSON text, or undefined when the text is anything else. Never throws. */
export function parseStrictJson(text: string, maxDepth: number): Node | undefined {
  let i = 0;
  const n = text.length;
  // Sticky expressions keep their position in lastIndex: one pair per call, nothing shared between calls.
  const SPACE = /[ \t\n\r]*/y;
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  let slash = -1;

  const skip = (): void => {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) {
      // Indentation runs are long in pretty-printed documents: one native scan rather than a loop.
      SPACE.lastIndex = i + 1;
      SPACE.test(text);
      i = SPACE.lastIndex;
    }
  };

  /** A string token starting at `i` (its opening quote); leaves `i` after the closing quote. */
  const stringValue = (): string => {
    const start = i;
    let end = text.indexOf('"', start + 1);
    if (end < 0) throw GIVE_UP;
    if (slash <= start) {
      // The next backslash of the text, searched again only once passed (a search per string would be quadratic).
      const at = text.indexOf('\\', start + 1);
      slash = at < 0 ? Infinity : at;
    }
    if (slash > end) {
      const value = text.slice(start + 1, end);
      if (CONTROL.test(value)) throw GIVE_UP;
      i = end + 1;
      return value;
    }
    // Escapes: find the real closing quote (one not escaped), then let JSON.parse decode and check them.
    end = start + 1;
    for (;;) {
      const c = text.charCodeAt(end);
      if (Number.isNaN(c)) throw GIVE_UP;
      if (c === 92) end += 2;
      else if (c === 34) break;
      else end++;
    }
    let value: unknown;
    try {
      value = JSON.parse(text.slice(start, end + 1));
    } catch {
      throw GIVE_UP;
    }
    if (typeof value !== 'string') throw GIVE_UP;
    i = end + 1;
    return value;
  };

  /** After a keyword or number, the next character must end the token (as jsonc-parser's scanner reads it). */
  const tokenEnds = (): void => {
    const c = text.charCodeAt(i);
    if (!(i >= n || c === 44 || c === 93 || c === 125 || c === 32 || c === 10 || c === 13 || c === 9)) throw GIVE_UP;
  };

  const value = (depth: number): Node => {
    if (depth > maxDepth) throw GIVE_UP;
    const start = i;
    const c = text.charCodeAt(i);
    if (c === 123 /* { */) {
      i++;
      skip();
      const properties: Property[] = [];
      if (text.charCodeAt(i) === 125) {
        i++;
        return { kind: 'object', span: { start, end: i }, properties };
      }
      for (;;) {
        if (text.charCodeAt(i) !== 34) throw GIVE_UP;
        const keyStart = i;
        const key = stringValue();
        const keySpan = { start: keyStart, end: i };
        skip();
        if (text.charCodeAt(i) !== 58 /* : */) throw GIVE_UP;
        i++;
        skip();
        const v = value(depth + 1);
        properties.push({ key, keySpan, value: v, span: { start: keyStart, end: v.span.end } });
        skip();
        const next = text.charCodeAt(i);
        i++;
        if (next === 125) return { kind: 'object', span: { start, end: i }, properties };
        if (next !== 44) throw GIVE_UP;
        skip();
      }
    }
    if (c === 91 /* [ */) {
      i++;
      skip();
      const items: Node[] = [];
      if (text.charCodeAt(i) === 93) {
        i++;
        return { kind: 'array', span: { start, end: i }, items };
      }
      for (;;) {
        items.push(value(depth + 1));
        skip();
        const next = text.charCodeAt(i);
        i++;
        if (next === 93) return { kind: 'array', span: { start, end: i }, items };
        if (next !== 44) throw GIVE_UP;
        skip();
      }
    }
    if (c === 34 /* " */) {
      const v = stringValue();
      return { kind: 'string', span: { start, end: i }, value: v, valueSpan: { start: start + 1, end: i - 1 } };
    }
    if (c === 116 && text.startsWith('true', i)) {
      i += 4;
      tokenEnds();
      return { kind: 'boolean', span: { start, end: i }, value: true };
    }
    if (c === 102 && text.startsWith('false', i)) {
      i += 5;
      tokenEnds();
      return { kind: 'boolean', span: { start, end: i }, value: false };
    }
    if (c === 110 && text.startsWith('null', i)) {
      i += 4;
      tokenEnds();
      return { kind: 'null', span: { start, end: i } };
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m || m[0].length === 0) throw GIVE_UP;
    i += m[0].length;
    tokenEnds();
    return { kind: 'number', span: { start, end: i }, value: Number(m[0]) };
  };

  try {
    skip();
    if (i >= n) return undefined;
    const root = value(0);
    skip();
    return i === n ? root : undefined;
  } catch {
    return undefined; // GIVE_UP, or anything unexpected: the jsonc-parser path decides
  }
}
