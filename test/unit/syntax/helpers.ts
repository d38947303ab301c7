// Shared assertions for the syntax tests: every span of a tree lies inside the text and inside its parent.
import assert from 'node:assert/strict';
import type { Node, ParseResult } from '../../../server/src/core/syntax/tree';
import type { Span } from '../../../server/src/core/types';
import { children } from '../../../server/src/core/syntax/walk';

export function assertSpanInside(span: Span, outer: Span, what: string): void {
  assert.ok(
    outer.start <= span.start && span.start <= span.end && span.end <= outer.end,
    `${what} [${span.start},${span.end}) is not inside [${outer.start},${outer.end})`,
  );
}

export function assertTreeInside(node: Node, outer: Span): void {
  assertSpanInside(node.span, outer, `${node.kind} node`);
  if (node.kind === 'object') {
    for (const p of node.properties) {
      assertSpanInside(p.keySpan, { start: 0, end: outer.end }, `key ${p.key}`);
      assertSpanInside(p.span, { start: 0, end: outer.end }, `property ${p.key}`);
    }
  }
  if (node.kind === 'string') assertSpanInside(node.valueSpan, { start: 0, end: outer.end }, 'string value');
  for (const c of children(node)) assertTreeInside(c, { start: 0, end: outer.end });
}

/** All spans of the parse result lie inside the text. */
export function assertResultInside(result: ParseResult, text: string): void {
  const whole = { start: 0, end: text.length };
  for (const p of result.problems) assertSpanInside(p.span, whole, `problem "${p.message}"`);
  for (const d of result.documents ?? (result.root ? [result.root] : [])) assertTreeInside(d, whole);
}

export function slice(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/** Follows keys / indexes through objects, arrays and dynamic arguments. */
export function at(node: Node | undefined, ...path: (string | number)[]): Node | undefined {
  let n = node;
  for (const step of path) {
    if (!n) return undefined;
    if (n.kind === 'dynamic' && n.argument) n = n.argument;
    if (typeof step === 'number') n = n.kind === 'array' ? n.items[step] : undefined;
    else n = n.kind === 'object' ? n.properties.find((p) => p.key === step)?.value : undefined;
  }
  return n;
}
