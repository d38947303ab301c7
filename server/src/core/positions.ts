// Offset ↔ line/character conversion, shared by the language server and the CLI so both report the same ranges.
// Offsets and characters are UTF-16 code units (JavaScript string indices), as in LSP. Lines end at \n, \r\n or \r.
import type { Span } from './types';

export interface Position {
  /** 0-based line. */
  readonly line: number;
  /** 0-based UTF-16 column. */
  readonly character: number;
}
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface LineIndex {
  readonly lineCount: number;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  rangeOf(span: Span): Range;
}

/** Start offset of every line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // The usual case: only \n ends lines, and the native search is much faster than a loop over every character.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Builds the line table once; each conversion is then a binary search. */
export function createLineIndex(text: string): LineIndex {
  const starts = lineStarts(text);
  const clamp = (offset: number): number => Math.max(0, Math.min(text.length, Math.floor(offset)));
  const positionAt = (offset: number): Position => {
    const o = clamp(offset);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo]! };
  };
  const offsetAt = (p: Position): number => {
    if (p.line < 0) return 0;
    if (p.line >= starts.length) return text.length;
    const start = starts[p.line]!;
    const next = p.line + 1 < starts.length ? starts[p.line + 1]! : text.length;
    // Never past the line's end-of-line characters.
    let lineEnd = next;
    while (lineEnd > start && (text.charCodeAt(lineEnd - 1) === 10 || text.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
    return Math.max(start, Math.min(start + Math.max(0, p.character), lineEnd));
  };
  return {
    lineCount: starts.length,
    positionAt,
    offsetAt,
    rangeOf: (span) => ({ start: positionAt(span.start), end: positionAt(span.end) }),
  };
}

/** One-off conversion; build a LineIndex when converting many offsets of the same text. */
export function positionAt(text: string, offset: number): Position {
  return createLineIndex(text).positionAt(offset);
}
