// A tiny runtime validator for messages that cross the webview boundary. The host never trusts the view: every
// incoming message is checked against its declared shape, and anything else (unknown type, extra keys, wrong types,
// oversized strings) is rejected with a path that says what was wrong. No 'vscode', no Node: both sides may import it.

export class ProtocolError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path || 'message'}: expected ${expected}`);
  }
}

/** Checks a value and returns it typed, or throws a ProtocolError naming the path. */
export interface Validator<T> {
  (value: unknown, path: string): T;
  readonly optional?: boolean;
}

/** A validator whose key may be absent from the enclosing object. */
export interface OptionalValidator<T> extends Validator<T | undefined> {
  readonly optional: true;
}

export type Infer<V> = V extends Validator<infer T> ? T : never;

type OptionalKeys<S> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S];
type Shape<S extends Record<string, Validator<unknown>>> = {
  [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]>;
} & { [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined> };
type Flatten<T> = { [K in keyof T]: T[K] };

/** Longest string accepted by default: large enough for an item or a message body, small enough to bound memory. */
export const MAX_STRING = 1_048_576;

export function str(opts: { max?: number; min?: number; pattern?: RegExp } = {}): Validator<string> {
  const max = opts.max ?? MAX_STRING;
  const min = opts.min ?? 0;
  return (v, path) => {
    if (typeof v !== 'string') throw new ProtocolError(path, 'a string');
    if (v.length > max) throw new ProtocolError(path, `at most ${max} characters`);
    if (v.length < min) throw new ProtocolError(path, `at least ${min} characters`);
    if (opts.pattern && !opts.pattern.test(v)) throw new ProtocolError(path, `a string matching ${opts.pattern}`);
    return v;
  };
}

export function int(opts: { min?: number; max?: number } = {}): Validator<number> {
  const min = opts.min ?? Number.MIN_SAFE_INTEGER;
  const max = opts.max ?? Number.MAX_SAFE_INTEGER;
  return (v, path) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new ProtocolError(path, 'an integer');
    if (v < min || v > max) throw new ProtocolError(path, `an integer from ${min} to ${max}`);
    return v;
  };
}

export function bool(): Validator<boolean> {
  return (v, path) => {
    if (typeof v !== 'boolean') throw new ProtocolError(path, 'true or false');
    return v;
  };
}

export function literal<const L extends string | number | boolean>(value: L): Validator<L> {
  return (v, path) => {
    if (v !== value) throw new ProtocolError(path, JSON.stringify(value));
    return value;
  };
}

export function oneOf<const L extends string>(values: readonly L[]): Validator<L> {
  return (v, path) => {
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
      throw new ProtocolError(path, `one of ${values.join(', ')}`);
    }
    return v as L;
  };
}

export function array<T>(item: Validator<T>, opts: { max?: number } = {}): Validator<T[]> {
  const max = opts.max ?? 1000;
  return (v, path) => {
    if (!Array.isArray(v)) throw new ProtocolError(path, 'an array');
    if (v.length > max) throw new ProtocolError(path, `at most ${max} entries`);
    return v.map((x, i) => item(x, `${path}[${i}]`));
  };
}

export function optional<T>(inner: Validator<T>): OptionalValidator<T> {
  const check = (v: unknown, path: string): T | undefined => (v === undefined ? undefined : inner(v, path));
  return Object.assign(check, { optional: true as const });
}

/** An object with exactly these keys (optional ones may be missing); unknown keys are rejected. */
export function obj<S extends Record<string, Validator<unknown>>>(shape: S): Validator<Flatten<Shape<S>>> {
  return (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ProtocolError(path, 'an object');
    const record = v as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!Object.hasOwn(shape, key)) throw new ProtocolError(`${path}.${key}`, 'no such key');
    }
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      const value = check(record[key], `${path}.${key}`);
      if (value !== undefined) out[key] = value;
    }
    return out as Flatten<Shape<S>>;
  };
}

/** A string-keyed map with values of one shape (message attributes and the like). */
export function record<T>(value: Validator<T>, opts: { maxKeys?: number } = {}): Validator<Record<string, T>> {
  const maxKeys = opts.maxKeys ?? 100;
  return (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ProtocolError(path, 'an object');
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length > maxKeys) throw new ProtocolError(path, `at most ${maxKeys} keys`);
    const out: Record<string, T> = {};
    for (const [k, x] of entries) out[k] = value(x, `${path}.${k}`);
    return out;
  };
}

/** A discriminated union on `type`: each variant is an obj() whose `type` is a literal. */
export function tagged<const V extends Record<string, Validator<{ type: string }>>>(
  variants: V,
): Validator<Infer<V[keyof V]>> {
  return (v, path) => {
    const type = typeof v === 'object' && v !== null ? (v as { type?: unknown }).type : undefined;
    if (typeof type !== 'string' || !Object.hasOwn(variants, type)) {
      throw new ProtocolError(`${path}.type`, `one of ${Object.keys(variants).join(', ')}`);
    }
    return variants[type]!(v, path) as Infer<V[keyof V]>;
  };
}

/** Any JSON value, bounded in depth and size (used for opaque view state). */
export function json(opts: { maxDepth?: number } = {}): Validator<unknown> {
  const maxDepth = opts.maxDepth ?? 32;
  const walk = (v: unknown, path: string, depth: number): unknown => {
    if (depth > maxDepth) throw new ProtocolError(path, `nesting of at most ${maxDepth}`);
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new ProtocolError(path, 'a finite number');
      return v;
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${path}[${i}]`, depth + 1));
    if (typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = walk(x, `${path}.${k}`, depth + 1);
      return out;
    }
    throw new ProtocolError(path, 'a JSON value');
  };
  return (v, path) => walk(v, path, 0);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Runs a validator without throwing: the host logs and drops what fails. */
export function parse<T>(validator: Validator<T>, value: unknown): Parsed<T> {
  try {
    return { ok: true, value: validator(value, 'message') };
  } catch (err) {
    if (err instanceof ProtocolError) return { ok: false, error: err.message };
    throw err;
  }
}
