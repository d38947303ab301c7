// The literal text of policy values, as the rules and the analysis' shared facts read it: a computed value (`!Ref`,
// `var.x`) has no literal text and is never taken for a wildcard.
import type { Statement, Value } from './model';

/** The literal text of a value, or undefined when the host format computes it (never treated as a wildcard). */
export function literal(v: Value | undefined): string | undefined {
  return v?.kind === 'string' ? v.value : undefined;
}

/** A pattern made only of `*` (`*`, `**`) grants every action or resource. */
export function isStar(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 42) return false; // every character is '*'
  return true;
}

/** Literal resource patterns of the statement (computed values are unknown, hence constrained). */
export function resourcePatterns(s: Statement): string[] {
  const out: string[] = [];
  for (const v of s.resource?.values ?? []) {
    const text = literal(v);
    if (text !== undefined) out.push(text);
  }
  return out;
}
