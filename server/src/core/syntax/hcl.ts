// A tolerant HCL2 (Terraform) parser into the format-neutral tree. npm has no maintained JavaScript HCL parser
// that keeps source positions (@cdktf/hcl2json and hcl2-parser are Go builds that print JSON without positions),
// so this is a small recursive-descent parser of the native syntax: bodies, blocks, attributes and expressions.
//
// Mapping: a body is an object; an attribute is a property; the blocks of one type in a body are grouped into one
// property (named by the type) whose value is an array with one item per block, labels nesting as objects
// (`resource "t" "n" {…}` → resource: [{ t: { n: {…} } }]). Literal strings, numbers, bools, null, tuples and
// objects map to their nodes; `jsonencode(x)` becomes a dynamic node 'jsonencode' whose argument is x's tree;
// a string with `${…}` becomes 'hcl-template' (argument: the raw text as a string); other calls 'hcl-call';
// references, operators, conditionals and for-expressions 'hcl-expression'.
import type { DynamicNode, Node, ObjectNode, ParseResult, Property, StringNode, SyntaxProblem } from './tree';
import type { Span } from '../types';

const MAX_DEPTH = 120;

export function parseHcl(text: string): ParseResult {
  const p = new HclParser(text);
  const root = p.parseFile();
  return { format: 'hcl', root, problems: p.problems };
}

interface BlockEntry {
  readonly type: string;
  readonly typeSpan: Span;
  readonly value: Node;
  readonly span: Span;
}

type Entry =
  { readonly kind: 'attr'; readonly prop: Property } | { readonly kind: 'block'; readonly block: BlockEntry };

const isIdStart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_]/.test(c);
const isIdPart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_-]/.test(c);

class HclParser {
  readonly problems: SyntaxProblem[] = [];
  private readonly problemStarts = new Set<number>();
  private pos = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  parseFile(): ObjectNode {
    const properties = this.parseBody(undefined);
    return { kind: 'object', span: { start: 0, end: this.text.length }, properties };
  }

  // ---- problems and low-level scanning ----

  private problem(message: string, start: number, end = start + 1): void {
    const s = Math.max(0, Math.min(this.text.length, start));
    const e = Math.max(s, Math.min(this.text.length, end));
    // One problem per place is enough (recovery can revisit a spot).
    if (this.problemStarts.has(s)) return;
    this.problemStarts.add(s);
    this.problems.push({ message, span: { start: s, end: e } });
  }

  private c(): string | undefined {
    return this.text[this.pos];
  }

  private peek(n = 1): string | undefined {
    return this.text[this.pos + n];
  }

  private eof(): boolean {
    return this.pos >= this.text.length;
  }

  /** Skips spaces and comments; newlines too when `newlines` (inside brackets they mean nothing). */
  private skip(newlines: boolean): void {
    while (!this.eof()) {
      const c = this.c()!;
      if (c === ' ' || c === '\t' || c === '\uFEFF') this.pos++;
      else if ((c === '\n' || c === '\r') && newlines) this.pos++;
      else if (c === '#' || (c === '/' && this.peek() === '/')) {
        while (!this.eof() && this.c() !== '\n' && this.c() !== '\r') this.pos++;
      } else if (c === '/' && this.peek() === '*') {
        const end = this.text.indexOf('*/', this.pos + 2);
        if (end < 0) {
          this.problem('Unterminated comment', this.pos, this.pos + 2);
          this.pos = this.text.length;
        } else this.pos = end + 2;
      } else break;
    }
  }

  private atNewline(): boolean {
    return this.c() === '\n' || this.c() === '\r';
  }

  /** Skips to the end of the line (error recovery), not past a closing brace that ends the enclosing body. */
  private skipLine(): void {
    while (!this.eof() && !this.atNewline()) {
      if (this.c() === '"') this.scanString();
      else if (this.c() === '{' || this.c() === '[' || this.c() === '(') this.skipBalanced();
      else if (this.c() === '}') return;
      else this.pos++;
    }
  }

  /** Skips a bracketed region, strings and comments aware; stops at EOF. */
  private skipBalanced(): void {
    const stack: string[] = [];
    const close: Record<string, string> = { '{': '}', '[': ']', '(': ')' };
    do {
      const c = this.c();
      if (c === undefined) return;
      if (c === '"') {
        this.scanString();
        continue;
      }
      if (c === '#' || (c === '/' && (this.peek() === '/' || this.peek() === '*'))) {
        this.skip(false);
        continue;
      }
      if (close[c]) stack.push(close[c]!);
      else if (c === stack[stack.length - 1]) stack.pop();
      this.pos++;
    } while (stack.length);
  }

  private ident(): { name: string; span: Span } | undefined {
    if (!isIdStart(this.c())) return undefined;
    const start = this.pos;
    while (isIdPart(this.c())) this.pos++;
    return { name: this.text.slice(start, this.pos), span: { start, end: this.pos } };
  }

  // ---- bodies and blocks ----

  /** Parses attributes and blocks until `}` (when `open` is set) or the end of the file. */
  private parseBody(open: number | undefined): Property[] {
    const entries: Entry[] = [];
    for (;;) {
      this.skip(true);
      if (this.eof()) {
        if (open !== undefined) this.problem("Expected '}' to close this block", open, open + 1);
        break;
      }
      if (this.c() === '}') {
        if (open !== undefined) break;
        this.problem("Unexpected '}'", this.pos);
        this.pos++;
        continue;
      }
      const before = this.pos;
      const entry = this.parseEntry();
      if (entry) entries.push(entry);
      if (this.pos === before) {
        // Guarantees progress whatever the input.
        this.problem(`Unexpected character '${this.c()}'`, this.pos);
        this.pos++;
      }
    }
    return groupBlocks(entries);
  }

  private parseEntry(): Entry | undefined {
    const start = this.pos;
    const name = this.ident();
    if (!name) {
      this.problem('Expected an attribute name or a block type', this.pos);
      this.skipLine();
      return undefined;
    }
    this.skip(false);
    if (this.c() === '=' && this.peek() !== '=') {
      this.pos++;
      this.skip(false);
      if (this.atNewline() || this.eof() || this.c() === '}') {
        this.problem(`Expected a value for '${name.name}'`, name.span.start, this.pos);
        return undefined;
      }
      const value = this.parseExpr(false);
      this.endOfLine();
      return {
        kind: 'attr',
        prop: { key: name.name, keySpan: name.span, value, span: { start: name.span.start, end: value.span.end } },
      };
    }
    // A block: labels (strings or identifiers), then `{`.
    const labels: { name: string; span: Span }[] = [];
    for (;;) {
      this.skip(false);
      if (this.c() === '"') {
        const s = this.pos;
        const lit = this.scanString();
        labels.push({ name: lit.value, span: { start: s, end: this.pos } });
      } else if (isIdStart(this.c())) {
        labels.push(this.ident()!);
      } else break;
    }
    if (this.c() !== '{') {
      this.problem(
        labels.length ? "Expected '{' to open the block" : `Expected '=' or a block after '${name.name}'`,
        name.span.start,
        Math.max(this.pos, name.span.end),
      );
      this.skipLine();
      return undefined;
    }
    const open = this.pos;
    this.pos++;
    const body = this.nested(() => this.parseBody(open), []);
    if (this.c() === '}') this.pos++;
    const bodyNode: ObjectNode = { kind: 'object', span: { start: open, end: this.pos }, properties: body };
    const span = { start, end: this.pos };
    // Labels nest: resource "t" "n" {…} → { t: { n: {…} } }.
    let value: Node = bodyNode;
    for (let i = labels.length - 1; i >= 0; i--) {
      const l = labels[i]!;
      value = {
        kind: 'object',
        span: { start: l.span.start, end: this.pos },
        properties: [{ key: l.name, keySpan: l.span, value, span: { start: l.span.start, end: this.pos } }],
      };
    }
    this.endOfLine();
    return { kind: 'block', block: { type: name.name, typeSpan: name.span, value, span } };
  }

  /** After an attribute or a block, only a comment may follow on the same line. */
  private endOfLine(): void {
    this.skip(false);
    if (this.eof() || this.atNewline() || this.c() === '}') return;
    this.problem('Expected a newline after the attribute or block', this.pos);
    this.skipLine();
  }

  private nested<T>(f: () => T, fallback: T): T {
    if (this.depth >= MAX_DEPTH) {
      this.problem(`Nesting deeper than ${MAX_DEPTH} levels was not analysed`, this.pos);
      this.skipBalanced();
      return fallback;
    }
    this.depth++;
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  // ---- expressions ----

  private dynamic(fn: string, start: number, argument?: Node): DynamicNode {
    const span = { start, end: Math.max(start, this.pos) };
    const text = this.text.slice(span.start, span.end);
    return argument
      ? { kind: 'dynamic', span, function: fn, text, argument }
      : { kind: 'dynamic', span, function: fn, text };
  }

  /** Expression with the conditional operator; `nl` says whether newlines are insignificant here. */
  private parseExpr(nl: boolean): Node {
    const start = this.pos;
    const cond = this.parseBinary(nl);
    this.skip(nl);
    if (this.c() === '?') {
      this.pos++;
      this.skip(true);
      this.parseExpr(true);
      this.skip(true);
      if (this.c() === ':') {
        this.pos++;
        this.skip(true);
        this.parseExpr(nl);
      } else this.problem("Expected ':' in the conditional expression", this.pos);
      return this.dynamic('hcl-expression', start);
    }
    return cond;
  }

  private static readonly BINARY = ['||', '&&', '==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '%'];

  private binaryOperator(): string | undefined {
    for (const op of HclParser.BINARY) {
      if (this.text.startsWith(op, this.pos)) {
        // `=>` and `=` are not operators here; `/*` and `//` are comments.
        if (op === '/' && (this.peek() === '/' || this.peek() === '*')) return undefined;
        return op;
      }
    }
    return undefined;
  }

  private parseBinary(nl: boolean): Node {
    const start = this.pos;
    const first = this.parseUnary(nl);
    let combined = false;
    for (;;) {
      const save = this.pos;
      this.skip(nl);
      const op = this.binaryOperator();
      if (!op) {
        this.pos = save;
        break;
      }
      this.pos += op.length;
      this.skip(true);
      this.parseUnary(nl);
      combined = true;
    }
    return combined ? this.dynamic('hcl-expression', start) : first;
  }

  private parseUnary(nl: boolean): Node {
    const start = this.pos;
    if (this.c() === '!' || this.c() === '-') {
      this.pos++;
      this.skip(nl);
      const inner = this.parseUnary(nl);
      if (this.text[start] === '-' && inner.kind === 'number') {
        return { kind: 'number', span: { start, end: inner.span.end }, value: -inner.value };
      }
      return this.dynamic('hcl-expression', start);
    }
    return this.parsePostfix(nl);
  }

  private parsePostfix(nl: boolean): Node {
    const start = this.pos;
    const primary = this.nested(() => this.parsePrimary(), this.dynamic('hcl-expression', start));
    let traversed = primary.kind === 'dynamic' && primary.function === 'hcl-expression';
    for (;;) {
      const save = this.pos;
      this.skip(nl);
      if (this.c() === '.' && this.peek() !== '.') {
        this.pos++;
        if (this.c() === '*') this.pos++;
        else if (!this.ident()) {
          while (/[0-9]/.test(this.c() ?? '')) this.pos++;
          if (this.pos === save + 1) this.problem("Expected an attribute name after '.'", this.pos);
        }
        traversed = true;
      } else if (this.c() === '[' && primary.kind !== 'array') {
        this.pos++;
        this.skip(true);
        if (this.c() === '*') this.pos++;
        else this.parseExpr(true);
        this.skip(true);
        if (this.c() === ']') this.pos++;
        else this.problem("Expected ']' to close the index", this.pos);
        traversed = true;
      } else {
        this.pos = save;
        break;
      }
    }
    return traversed ? this.dynamic('hcl-expression', start) : primary;
  }

  private parsePrimary(): Node {
    const start = this.pos;
    const c = this.c();
    if (c === undefined) {
      this.problem('Expected an expression', start);
      return { kind: 'null', span: { start, end: start } };
    }
    if (c === '"') return this.parseTemplate();
    if (c === '<' && this.peek() === '<') return this.parseHeredoc();
    if (/[0-9]/.test(c)) return this.parseNumber();
    if (c === '[') return this.parseTuple();
    if (c === '{') return this.parseObject();
    if (c === '(') {
      this.pos++;
      this.skip(true);
      this.parseExpr(true);
      this.skip(true);
      if (this.c() === ')') this.pos++;
      else this.problem("Expected ')'", this.pos);
      return this.dynamic('hcl-expression', start);
    }
    const id = this.ident();
    if (id) {
      if (id.name === 'true' || id.name === 'false')
        return { kind: 'boolean', span: id.span, value: id.name === 'true' };
      if (id.name === 'null') return { kind: 'null', span: id.span };
      // Provider-namespaced functions: provider::name::fn(…).
      while (this.c() === ':' && this.peek() === ':' && isIdStart(this.text[this.pos + 2])) {
        this.pos += 2;
        this.ident();
      }
      const save = this.pos;
      this.skip(false);
      if (this.c() === '(') return this.parseCall(start, this.text.slice(start, id.span.end));
      this.pos = save;
      return this.dynamic('hcl-expression', start);
    }
    this.problem(`Unexpected character '${c}' in an expression`, start);
    this.skipLine();
    return this.dynamic('hcl-invalid', start);
  }

  private parseCall(start: number, name: string): Node {
    this.pos++; // (
    const args: Node[] = [];
    for (;;) {
      this.skip(true);
      if (this.eof()) {
        this.problem(`Expected ')' to close the call to ${name}`, start, start + name.length);
        break;
      }
      if (this.c() === ')') {
        this.pos++;
        break;
      }
      const before = this.pos;
      args.push(this.parseExpr(true));
      this.skip(true);
      if (this.text.startsWith('...', this.pos)) this.pos += 3;
      this.skip(true);
      if (this.c() === ',') this.pos++;
      else if (this.c() !== ')') {
        this.problem(`Expected ',' or ')' in the call to ${name}`, this.pos);
        if (this.pos === before) this.pos++;
        this.skipTo(')');
      }
    }
    if (name === 'jsonencode' && args.length === 1) return this.dynamic('jsonencode', start, args[0]);
    const argument: Node | undefined = args.length
      ? { kind: 'array', span: { start: args[0]!.span.start, end: args[args.length - 1]!.span.end }, items: args }
      : undefined;
    return this.dynamic('hcl-call', start, argument);
  }

  /** Error recovery inside brackets: skips to the closing character without crossing a newline-free limit. */
  private skipTo(close: string): void {
    while (!this.eof() && this.c() !== close && this.c() !== ',' && !this.atNewline()) {
      if (this.c() === '"') this.scanString();
      else if (this.c() === '{' || this.c() === '[' || this.c() === '(') this.skipBalanced();
      else if (this.c() === '}' || this.c() === ']' || this.c() === ')') return;
      else this.pos++;
    }
  }

  private parseNumber(): Node {
    const start = this.pos;
    const m = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.pos, this.pos + 64));
    this.pos += m ? m[0].length : 1;
    return { kind: 'number', span: { start, end: this.pos }, value: Number(m?.[0] ?? '0') };
  }

  /**
   * Steps over the '[' or '{' at `start`; a `for` expression inside is kept whole as one expression node, returned
   * (the caller returns it); otherwise undefined, with the position after the bracket.
   */
  private openCollection(start: number): Node | undefined {
    this.pos++;
    this.skip(true);
    if (!this.text.startsWith('for', this.pos) || isIdPart(this.text[this.pos + 3])) return undefined;
    this.pos = start;
    this.skipBalanced();
    return this.dynamic('hcl-expression', start);
  }

  /** Inside a list or object: true at its end — the closing bracket consumed, or end of text reported. */
  private closeCollection(close: ']' | '}', what: 'list' | 'object', start: number): boolean {
    this.skip(true);
    if (this.eof()) {
      this.problem(`Expected '${close}' to close the ${what}`, start);
      return true;
    }
    if (this.c() !== close) return false;
    this.pos++;
    return true;
  }

  private parseTuple(): Node {
    const start = this.pos;
    const forExpression = this.openCollection(start);
    if (forExpression) return forExpression;
    const items: Node[] = [];
    while (!this.closeCollection(']', 'list', start)) {
      const before = this.pos;
      items.push(this.parseExpr(true));
      this.skip(true);
      if (this.c() === ',') this.pos++;
      else if (this.c() !== ']') {
        this.problem("Expected ',' or ']' in the list", this.pos);
        if (this.pos === before) this.pos++;
        this.skipTo(']');
        if (this.atNewline()) this.pos++;
      }
    }
    return { kind: 'array', span: { start, end: this.pos }, items };
  }

  private parseObject(): Node {
    const start = this.pos;
    const forExpression = this.openCollection(start);
    if (forExpression) return forExpression;
    const properties: Property[] = [];
    while (!this.closeCollection('}', 'object', start)) {
      const before = this.pos;
      const keyStart = this.pos;
      const keyNode = this.parseExpr(false);
      const key =
        keyNode.kind === 'string'
          ? keyNode.value
          : keyNode.kind === 'dynamic' &&
              keyNode.function === 'hcl-expression' &&
              /^[A-Za-z_][\w-]*$/.test(keyNode.text)
            ? keyNode.text
            : this.text.slice(keyNode.span.start, keyNode.span.end);
      this.skip(false);
      if (this.c() === '=' || this.c() === ':') {
        this.pos++;
        this.skip(true);
        const value = this.parseExpr(false);
        properties.push({ key, keySpan: keyNode.span, value, span: { start: keyStart, end: value.span.end } });
      } else {
        this.problem(
          `Expected '=' or ':' after the key '${key}'`,
          keyNode.span.start,
          Math.max(this.pos, keyNode.span.end),
        );
      }
      this.skip(false);
      if (this.c() === ',') {
        this.pos++;
        continue;
      }
      if (!this.atNewline() && this.c() !== '}' && !this.eof()) {
        if (this.pos === before) this.pos++;
        this.problem("Expected ',' or a newline between object entries", this.pos);
        this.skipTo('}');
      }
    }
    return { kind: 'object', span: { start, end: this.pos }, properties };
  }

  /** A quoted string literal (no templates): returns its unescaped value; for labels and keys. */
  private scanString(): { value: string; template: boolean; closed: boolean } {
    const open = this.pos;
    this.pos++;
    let value = '';
    let template = false;
    for (;;) {
      const c = this.c();
      if (c === undefined || c === '\n' || c === '\r') {
        this.problem('Unterminated string', open, this.pos);
        return { value, template, closed: false };
      }
      if (c === '"') {
        this.pos++;
        return { value, template, closed: true };
      }
      if (c === '\\') {
        const e = this.peek();
        const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
        if (e !== undefined && simple[e] !== undefined) {
          value += simple[e];
          this.pos += 2;
        } else if (e === 'u' || e === 'U') {
          const len = e === 'u' ? 4 : 8;
          const hex = this.text.slice(this.pos + 2, this.pos + 2 + len);
          const cp = /^[0-9a-fA-F]+$/.test(hex) && hex.length === len ? parseInt(hex, 16) : NaN;
          if (Number.isNaN(cp) || cp > 0x10ffff) {
            this.problem('Invalid unicode escape', this.pos, this.pos + 2);
            this.pos += 2;
          } else {
            value += String.fromCodePoint(cp);
            this.pos += 2 + len;
          }
        } else {
          this.problem('Invalid escape sequence', this.pos, this.pos + 2);
          this.pos += e === undefined ? 1 : 2;
        }
        continue;
      }
      if ((c === '$' || c === '%') && this.peek() === '{') {
        if (this.text[this.pos - 1] === c && this.text[this.pos - 2] !== c) {
          // `$${` / `%%{` are escapes for a literal `${` / `%{`: the first character was already added.
          value += '{';
          this.pos += 2;
          continue;
        }
        template = true;
        const s = this.pos;
        this.pos += 2;
        this.skipInterpolation(s);
        value += this.text.slice(s, this.pos);
        continue;
      }
      value += c;
      this.pos++;
    }
  }

  /** Skips the inside of `${ … }` / `%{ … }` up to and including its `}` (braces and strings aware). */
  private skipInterpolation(open: number): void {
    let depth = 1;
    while (!this.eof()) {
      const c = this.c()!;
      if (c === '"') {
        this.scanString();
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        this.pos++;
        return;
      }
      this.pos++;
    }
    this.problem("Expected '}' to close the interpolation", open, open + 2);
  }

  private parseTemplate(): Node {
    const start = this.pos;
    const lit = this.scanString();
    const end = this.pos;
    const valueSpan = { start: start + 1, end: lit.closed ? end - 1 : end };
    const str: StringNode = { kind: 'string', span: { start, end }, value: lit.value, valueSpan };
    return lit.template ? this.dynamic('hcl-template', start, str) : str;
  }

  private parseHeredoc(): Node {
    const start = this.pos;
    const m = /^<<(-?)([A-Za-z_][\w-]*)[ \t]*(\r\n|\n|\r)/.exec(this.text.slice(this.pos, this.pos + 256));
    if (!m) {
      this.problem('Expected a heredoc marker and a newline after <<', start, start + 2);
      this.skipLine();
      return this.dynamic('hcl-invalid', start);
    }
    const indent = m[1] === '-';
    const marker = m[2]!;
    const contentStart = this.pos + m[0].length;
    this.pos = contentStart;
    const lines: { start: number; text: string }[] = [];
    let closed = false;
    while (!this.eof()) {
      const lineStart = this.pos;
      while (!this.eof() && !this.atNewline()) this.pos++;
      const line = this.text.slice(lineStart, this.pos);
      if (line.trim() === marker) {
        closed = true;
        break;
      }
      lines.push({ start: lineStart, text: line });
      if (this.c() === '\r' && this.peek() === '\n') this.pos += 2;
      else if (!this.eof()) this.pos++;
    }
    if (!closed) this.problem(`Heredoc is not closed: expected a line with ${marker}`, start, contentStart - 1);
    const contentEnd = lines.length
      ? lines[lines.length - 1]!.start + lines[lines.length - 1]!.text.length
      : contentStart;
    let value: string;
    if (indent) {
      const widths = lines.filter((l) => l.text.trim() !== '').map((l) => /^[ \t]*/.exec(l.text)![0].length);
      const cut = widths.length ? Math.min(...widths) : 0;
      value = lines.map((l) => l.text.slice(Math.min(cut, /^[ \t]*/.exec(l.text)![0].length))).join('\n');
    } else {
      value = lines.map((l) => l.text).join('\n');
    }
    if (lines.length) value += '\n';
    const valueSpan = { start: contentStart, end: Math.max(contentStart, contentEnd) };
    const str: StringNode = { kind: 'string', span: { start, end: this.pos }, value, valueSpan };
    return /(^|[^$])\$\{|(^|[^%])%\{/.test(value) ? this.dynamic('hcl-template', start, str) : str;
  }
}

/** Attributes stay in order; all blocks of one type become one property holding an array, at the first's place. */
function groupBlocks(entries: readonly Entry[]): Property[] {
  const out: Property[] = [];
  const byType = new Map<string, { index: number; blocks: BlockEntry[] }>();
  for (const e of entries) {
    if (e.kind === 'attr') {
      out.push(e.prop);
      continue;
    }
    const g = byType.get(e.block.type);
    if (g) g.blocks.push(e.block);
    else {
      byType.set(e.block.type, { index: out.length, blocks: [e.block] });
      out.push(undefined as unknown as Property); // placeholder, filled below
    }
  }
  for (const [type, g] of byType) {
    const first = g.blocks[0]!;
    const last = g.blocks[g.blocks.length - 1]!;
    const span = { start: first.span.start, end: last.span.end };
    out[g.index] = {
      key: type,
      keySpan: first.typeSpan,
      span,
      value: { kind: 'array', span, items: g.blocks.map((b) => b.value) },
    };
  }
  return out;
}
