// Policy variables in Resource, NotResource and condition values: `${aws:username}`, `${aws:PrincipalTag/team}`,
// `${aws:SourceArn}`, a default as in `${aws:username, 'nobody'}`, and the escapes `${*}`, `${?}` and `${$}` for the
// literal characters. Only policies of Version 2012-10-17 have variables; older ones read `${…}` as text.
import { type GlobToken, ONE, STAR, tokensOf } from './glob';

export type TemplatePart =
  | { readonly kind: 'text'; readonly tokens: readonly GlobToken[] }
  | { readonly kind: 'var'; readonly key: string; readonly fallback?: string };

export interface Template {
  readonly parts: readonly TemplatePart[];
  /** True when there is nothing to substitute: `tokens` is the whole pattern. */
  readonly fixed: boolean;
  readonly tokens: readonly GlobToken[];
}

/** The request's context: condition key (lower case) → values. */
export type ContextValues = ReadonlyMap<string, readonly string[]>;

const ESCAPES: Readonly<Record<string, GlobToken>> = { '*': '*', '?': '?', $: '$' };

export function parseTemplate(text: string, withVariables: boolean): Template {
  if (!withVariables || !text.includes('${')) {
    const tokens = tokensOf(text);
    return { parts: [{ kind: 'text', tokens }], fixed: true, tokens };
  }
  const parts: TemplatePart[] = [];
  let fixed = true;
  let rest = text;
  while (rest.length) {
    const at = rest.indexOf('${');
    const end = at < 0 ? -1 : rest.indexOf('}', at);
    if (at < 0 || end < 0) {
      parts.push({ kind: 'text', tokens: tokensOf(rest) });
      break;
    }
    if (at > 0) parts.push({ kind: 'text', tokens: tokensOf(rest.slice(0, at)) });
    const inner = rest.slice(at + 2, end).trim();
    const escaped = ESCAPES[inner];
    if (escaped !== undefined) parts.push({ kind: 'text', tokens: [escaped] });
    else {
      const m = /^([^,]+?)\s*,\s*'([^']*)'$/.exec(inner);
      parts.push(
        m ? { kind: 'var', key: m[1]!.toLowerCase(), fallback: m[2]! } : { kind: 'var', key: inner.toLowerCase() },
      );
      fixed = false;
    }
    rest = rest.slice(end + 1);
  }
  const tokens = fixed ? parts.flatMap((p) => (p.kind === 'text' ? p.tokens : [])) : [];
  return { parts, fixed, tokens };
}

/**
 * The pattern with variables replaced by the request's values (as literal text: a `*` in a tag value is not a
 * wildcard). Undefined when a variable has no single value and no default: the element then does not match.
 */
export function resolveTemplate(t: Template, context: ContextValues): GlobToken[] | undefined {
  if (t.fixed) return t.tokens as GlobToken[];
  const out: GlobToken[] = [];
  for (const p of t.parts) {
    if (p.kind === 'text') out.push(...p.tokens);
    else {
      const values = context.get(p.key);
      const value = values?.length === 1 ? values[0]! : p.fallback;
      if (value === undefined) return undefined;
      if (value) out.push(value);
    }
  }
  return out;
}

/** A resolved pattern as plain text, for values compared without wildcards (StringEquals and friends). */
export function literalText(tokens: readonly GlobToken[]): string {
  return tokens.map((t) => (t === STAR ? '*' : t === ONE ? '?' : t)).join('');
}
