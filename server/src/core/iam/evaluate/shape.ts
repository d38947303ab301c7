// Statements as sets the custom checks can compare without a request: action, resource and principal lists as
// wildcard patterns, conditions as a set of entries. A value the checks cannot read exactly (computed by the host
// format, or a policy variable) is over-approximated on the side that grants and under-approximated on the side
// that must cover, so every comparison errs towards FAIL.
import { parseOperator } from '../catalog';
import type { Policy, Statement, Value } from '../model';
import { conditionValues } from '../risk';
import { compileGlob, type GlobToken, ONE, STAR, tokensOf } from './glob';
import type { PolicySource, StatementRef } from './evaluate';
import { malformedCondition, statementRef } from './evaluate';

/** 'over': may stand for more than written (the side being checked); 'under': for less (the side that must cover). */
export type Mode = 'over' | 'under';

export interface Pattern {
  readonly text: string;
  readonly tokens: readonly GlobToken[];
  /** The text was read with policy variables (Version 2012-10-17): equal texts mean equal sets only then. */
  readonly variables?: boolean;
  /** Matcher of concrete names, for action patterns (ignoring case). */
  readonly match?: (name: string) => boolean;
}

/** The literal text before the first wildcard (lower case when `ic`): a quick test before comparing patterns. */
export function prefixOf(p: Pattern, ic: boolean): string {
  const first = p.tokens[0];
  const text = typeof first === 'string' ? first : '';
  return ic ? text.toLowerCase() : text;
}

export interface PatternList {
  /** NotAction / NotResource / NotPrincipal: everything except the patterns. */
  readonly not: boolean;
  readonly patterns: readonly Pattern[];
  /** `keyOf` of every pattern, for the common case of the very same text on both sides. */
  readonly keys: ReadonlySet<string>;
  /** The patterns with a wildcard (only these can cover a pattern of different text), with their prefixes. */
  readonly wild: readonly { readonly p: Pattern; readonly prefix: string }[];
}

/** Identity of a pattern's meaning: its text (lower case for actions) and how variables were read. */
export function keyOf(p: Pattern, ignoreCase: boolean): string {
  return `${p.variables ? 'v' : 't'}${ignoreCase ? p.text.toLowerCase() : p.text}`;
}

export interface Shape {
  readonly ref: StatementRef;
  /** The statement as parsed (for checks that read its condition entries). */
  readonly statement: Statement;
  readonly effect: 'Allow' | 'Deny';
  readonly actions: PatternList;
  readonly resources: PatternList;
  /** Undefined in identity policies. Entries as `AWS|arn:aws:iam::123456789012:root`, `Service|…`, `*`. */
  readonly principal?: { readonly not: boolean; readonly entries: ReadonlySet<string> };
  /** Canonical condition entries; the statement applies when all hold. */
  readonly conditions: ReadonlySet<string>;
  readonly hasConditions: boolean;
}

export const STAR_PATTERN: Pattern = { text: '*', tokens: [STAR] };

/** A marker no real ARN or action contains: an under-approximated unknown matches nothing but itself. */
const UNKNOWN = '\u0000';

function patternOf(text: string, mode: Mode, variables: boolean): Pattern {
  if (!variables || !text.includes('${')) return { text, tokens: tokensOf(text) };
  // `${*}` and friends are the literal characters; other variables stand for any text ('over') or none ('under').
  const tokens: GlobToken[] = [];
  const re = /\$\{([^}]*)\}/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    tokens.push(...tokensOf(text.slice(last, m.index)));
    const inner = (m[1] ?? '').trim();
    if (inner === '*' || inner === '?' || inner === '$') tokens.push(inner);
    else tokens.push(mode === 'over' ? STAR : `${UNKNOWN}${inner}${UNKNOWN}`);
    last = (m.index ?? 0) + m[0].length;
  }
  tokens.push(...tokensOf(text.slice(last)));
  return { text, tokens, variables: true };
}

function listOf(values: readonly Value[], not: boolean, mode: Mode, variables: boolean, ic: boolean): PatternList {
  const patterns: Pattern[] = [];
  // A computed value in a positive list widens it ('over') or drops out ('under'); in a Not list the other way.
  const widen = not ? mode === 'under' : mode === 'over';
  for (const v of values) {
    if (v.kind === 'string') patterns.push(patternOf(v.value, not ? flip(mode) : mode, variables));
    else if (widen) patterns.push({ text: `\u0000${v.text}`, tokens: [STAR] });
  }
  const ready = ic ? patterns.map((p) => ({ ...p, match: compileGlob(p.tokens, { ignoreCase: true }) })) : patterns;
  return { not, patterns: ready, keys: new Set(patterns.map((p) => keyOf(p, ic))), wild: wildOf(ready, ic) };
}

function wildOf(patterns: readonly Pattern[], ic: boolean): PatternList['wild'] {
  return patterns
    .filter((p) => p.tokens.some((t) => typeof t !== 'string'))
    .map((p) => ({ p, prefix: prefixOf(p, ic) }));
}

const flip = (m: Mode): Mode => (m === 'over' ? 'under' : 'over');

function principalEntries(s: Statement): Shape['principal'] {
  const model = s.principal ?? s.notPrincipal;
  if (!model) return undefined;
  const entries = new Set<string>();
  for (const e of model.entries) {
    for (const v of e.values) {
      const value = v.kind === 'string' ? v.value : `${UNKNOWN}${v.text}`;
      if (e.type === '*' || (e.type === 'AWS' && value === '*')) entries.add('*');
      else if (e.type === 'AWS' && /^\d{12}$/.test(value)) entries.add(`AWS|arn:aws:iam::${value}:root`);
      else entries.add(`${e.type}|${value}`);
    }
  }
  return { not: !s.principal, entries };
}

function conditionKeys(s: Statement): Set<string> {
  const out = new Set<string>();
  for (const e of s.condition?.entries ?? []) {
    const op = parseOperator(e.operator);
    const values = conditionValues(e.valueNode) ?? [`${UNKNOWN}${e.valueNode.span.start}`];
    out.add(
      `${op.qualifier ?? ''}:${(op.base ?? e.operator).toLowerCase()}:${op.ifExists}|${e.key.toLowerCase()}|${JSON.stringify([...values].sort())}`,
    );
  }
  return out;
}

/** The shapes of a policy's Allow and Deny statements (others never apply). */
export function shapesOf(source: PolicySource, mode: { allow: Mode; deny: Mode }): Shape[] {
  const policy: Policy = source.policy;
  const variables = policy.version?.kind === 'string' && policy.version.value === '2012-10-17';
  const out: Shape[] = [];
  for (const s of policy.statements) {
    const effect = s.effect?.kind === 'string' ? s.effect.value : undefined;
    if (effect !== 'Allow' && effect !== 'Deny') continue;
    const m = effect === 'Allow' ? mode.allow : mode.deny;
    if (!s.action === !s.notAction) continue;
    if (s.resource && s.notResource) continue;
    // A Condition AWS could not read never holds: on the covering side such a statement grants nothing.
    if (m === 'under' && malformedCondition(s)) continue;
    const actions = listOf((s.action ?? s.notAction)!.values, !s.action, m, false, true);
    const resList = s.resource ?? s.notResource;
    const resources: PatternList = resList
      ? listOf(resList.values, !s.resource, m, variables, false)
      : {
          not: false,
          patterns: [STAR_PATTERN],
          keys: new Set([keyOf(STAR_PATTERN, false)]),
          wild: wildOf([STAR_PATTERN], false),
        };
    const principal = principalEntries(s);
    const conditions = conditionKeys(s);
    out.push({
      ref: statementRef(s, source.file, source.lines),
      statement: s,
      effect,
      actions,
      resources,
      ...(principal ? { principal } : {}),
      conditions,
      hasConditions: conditions.size > 0,
    });
  }
  return out;
}

/** A pattern as text for messages: `*` and `?` as written. */
export function patternText(p: Pattern): string {
  return p.tokens.map((t) => (t === STAR ? '*' : t === ONE ? '?' : t)).join('');
}
