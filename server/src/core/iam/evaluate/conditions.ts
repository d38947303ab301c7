// The Condition element, evaluated against a request's context. AWS's rules: every operator block, and every key in
// it, must hold (AND); a key holds when the request value matches any listed value (OR), or, for a negated
// operator, none of them. A key missing from the request makes positive operators false and negated ones true;
// `…IfExists` makes a missing key true; `Null` tests presence. `ForAnyValue:` / `ForAllValues:` compare each value of
// a multi-valued key (an empty or missing key: ForAnyValue false, ForAllValues true).
import { parseOperator } from '../catalog';
import type { ConditionEntry } from '../model';
import { conditionValues } from '../risk';
import { compileGlob, type GlobToken } from './glob';
import { type ContextValues, literalText, parseTemplate, resolveTemplate, type Template } from './variables';

export interface CompiledCondition {
  readonly operator: string;
  readonly key: string;
  /** Whether the condition holds for the request. */
  test(context: ContextValues): boolean;
}

/** A request value against one policy value (already resolved). */
type Compare = (policy: readonly GlobToken[], value: string) => boolean;

const NEGATED = new Set([
  'StringNotEquals',
  'StringNotEqualsIgnoreCase',
  'StringNotLike',
  'NumericNotEquals',
  'DateNotEquals',
  'ArnNotEquals',
  'ArnNotLike',
  'NotIpAddress',
]);

function num(text: string): number {
  return /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(text) ? Number(text) : NaN;
}

/** Dates as ISO 8601 text or epoch seconds, in milliseconds. */
function date(text: string): number {
  if (/^\s*-?\d+\s*$/.test(text)) return Number(text) * 1000;
  return /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : NaN;
}

/** An IPv4 or IPv6 address (or CIDR block) as a bigint with its width in bits and prefix length. */
interface Block {
  readonly bits: 32 | 128;
  readonly value: bigint;
  readonly prefix: number;
}

function ipv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    v = (v << 8n) | BigInt(Number(p));
  }
  return v;
}

function ipv6(text: string): bigint | undefined {
  let s = text;
  let tail: bigint | undefined;
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.')) {
    tail = ipv4(s.slice(lastColon + 1));
    if (tail === undefined) return undefined;
    s = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - rest.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  let v = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    v = (v << 16n) | BigInt(parseInt(g, 16));
  }
  if (tail !== undefined) v = (v & ~0xffffffffn) | tail;
  return v;
}

function block(text: string): Block | undefined {
  const [addr = '', len] = text.trim().split('/');
  const v4 = ipv4(addr);
  const bits = v4 !== undefined ? 32 : 128;
  const value = v4 ?? ipv6(addr);
  if (value === undefined) return undefined;
  const prefix = len === undefined ? bits : /^\d{1,3}$/.test(len) ? Number(len) : NaN;
  if (!(prefix >= 0 && prefix <= bits)) return undefined;
  return { bits, value, prefix };
}

function inBlock(net: Block, ip: Block): boolean {
  if (net.bits !== ip.bits) return false;
  const shift = BigInt(net.bits - net.prefix);
  return net.value >> shift === ip.value >> shift;
}

function comparator(base: string): Compare | undefined {
  switch (base) {
    case 'StringEquals':
    case 'StringNotEquals':
      return (p, v) => literalText(p) === v;
    case 'StringEqualsIgnoreCase':
    case 'StringNotEqualsIgnoreCase':
      return (p, v) => literalText(p).toLowerCase() === v.toLowerCase();
    case 'StringLike':
    case 'StringNotLike':
      return (p, v) => compileGlob(p)(v);
    case 'ArnEquals':
    case 'ArnNotEquals':
    case 'ArnLike':
    case 'ArnNotLike':
      return (p, v) => compileGlob(p, { arnSegments: true })(v);
    case 'NumericEquals':
    case 'NumericNotEquals':
      return (p, v) => num(literalText(p)) === num(v);
    case 'NumericLessThan':
      return (p, v) => num(v) < num(literalText(p));
    case 'NumericLessThanEquals':
      return (p, v) => num(v) <= num(literalText(p));
    case 'NumericGreaterThan':
      return (p, v) => num(v) > num(literalText(p));
    case 'NumericGreaterThanEquals':
      return (p, v) => num(v) >= num(literalText(p));
    case 'DateEquals':
    case 'DateNotEquals':
      return (p, v) => date(literalText(p)) === date(v);
    case 'DateLessThan':
      return (p, v) => date(v) < date(literalText(p));
    case 'DateLessThanEquals':
      return (p, v) => date(v) <= date(literalText(p));
    case 'DateGreaterThan':
      return (p, v) => date(v) > date(literalText(p));
    case 'DateGreaterThanEquals':
      return (p, v) => date(v) >= date(literalText(p));
    case 'Bool':
      return (p, v) => literalText(p).toLowerCase() === v.toLowerCase();
    case 'BinaryEquals':
      return (p, v) => literalText(p) === v;
    case 'IpAddress':
    case 'NotIpAddress':
      return (p, v) => {
        const net = block(literalText(p));
        const ip = block(v);
        return net !== undefined && ip !== undefined && inBlock(net, ip);
      };
    default:
      return undefined;
  }
}

const NEVER: CompiledCondition['test'] = () => false;

/** Compiles one `operator: {key: values}` entry. Malformed entries never hold (AWS would reject the policy). */
export function compileCondition(entry: ConditionEntry, withVariables: boolean): CompiledCondition {
  const key = entry.key.toLowerCase();
  const op = parseOperator(entry.operator);
  const values = conditionValues(entry.valueNode);
  const base = { operator: entry.operator, key };
  if (!op.base || op.qualifierError || values === undefined) return { ...base, test: NEVER };
  if (op.base === 'Null') {
    const wantMissing = values.map((v) => v.toLowerCase());
    return {
      ...base,
      test: (ctx) => {
        const present = (ctx.get(key)?.length ?? 0) > 0;
        return wantMissing.some((w) => (w === 'true' ? !present : w === 'false' ? present : false));
      },
    };
  }
  const compare = comparator(op.base);
  if (!compare) return { ...base, test: NEVER };
  const negated = NEGATED.has(op.base);
  const templates: Template[] = values.map((v) => parseTemplate(v, withVariables));
  const fixed = templates.every((t) => t.fixed);
  // Static patterns compile once; the regex compile of StringLike/ArnLike would otherwise dominate.
  const staticMatch =
    fixed && (op.base.includes('Like') || op.base.startsWith('Arn'))
      ? templates.map((t) => compileGlob(t.tokens, { arnSegments: op.base!.startsWith('Arn') }))
      : undefined;
  const test = (ctx: ContextValues): boolean => {
    const requestValues = ctx.get(key);
    const missing = requestValues === undefined || requestValues.length === 0;
    if (missing && op.ifExists) return true;
    let resolved: (readonly GlobToken[])[] | undefined;
    if (!staticMatch) {
      resolved = [];
      for (const t of templates) {
        const r = resolveTemplate(t, ctx);
        // A variable with no value: this condition cannot hold.
        if (r === undefined) return false;
        resolved.push(r);
      }
    }
    const matchesAny = (v: string): boolean =>
      staticMatch ? staticMatch.some((m) => m(v)) : resolved!.some((p) => compare(p, v));
    if (op.qualifier === 'ForAllValues') {
      if (missing) return true;
      return requestValues.every((v) => (negated ? !matchesAny(v) : matchesAny(v)));
    }
    if (op.qualifier === 'ForAnyValue') {
      if (missing) return false;
      return requestValues.some((v) => (negated ? !matchesAny(v) : matchesAny(v)));
    }
    if (missing) return negated;
    const any = requestValues.some(matchesAny);
    return negated ? !any : any;
  };
  return { ...base, test };
}
