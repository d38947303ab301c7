// Wildcard patterns as IAM reads them: `*` any run of characters, `?` one character. Actions compare ignoring case,
// ARNs and condition values exactly. Patterns come as token lists so that a `*` written as `${*}` (or substituted
// from a request value) stays a literal character. Also: containment and overlap of two patterns, which the custom
// checks use to compare policies without a request.

/** A pattern token: a run of literal text, or a wildcard. */
export type GlobToken = string | typeof STAR | typeof ONE;
export const STAR: unique symbol = Symbol('*');
export const ONE: unique symbol = Symbol('?');

/** Tokens of a plain pattern string: every `*` and `?` is a wildcard. */
export function tokensOf(pattern: string): GlobToken[] {
  const out: GlobToken[] = [];
  let lit = '';
  for (const ch of pattern) {
    if (ch === '*' || ch === '?') {
      if (lit) out.push(lit);
      lit = '';
      out.push(ch === '*' ? STAR : ONE);
    } else lit += ch;
  }
  if (lit) out.push(lit);
  return out;
}

export function hasWildcards(tokens: readonly GlobToken[]): boolean {
  return tokens.some((t) => typeof t !== 'string');
}

/** Longest pattern compiled to a RegExp ("Regular expression too large" comes not far above). */
const MAX_REGEXP_PATTERN = 2000;

function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.|+()[\]{}*?/-]/g, '\\$&');
}

/**
 * A matcher for a token pattern. With `arnSegments`, a pattern of six or more colon-separated parts matches ARNs part
 * by part: wildcards in partition, service, Region and account never cross a colon (ArnLike, Resource). Shorter
 * patterns (`*`, `arn:aws:s3:::*` has six) match the whole string.
 */
export function compileGlob(
  tokens: readonly GlobToken[],
  opts: { readonly ignoreCase?: boolean; readonly arnSegments?: boolean } = {},
): (text: string) => boolean {
  if (!hasWildcards(tokens)) {
    const lit = tokens.join('');
    if (opts.ignoreCase) {
      const lower = lit.toLowerCase();
      return (t) => t.length === lower.length && t.toLowerCase() === lower;
    }
    return (t) => t === lit;
  }
  if (tokens.length === 1 && tokens[0] === STAR) return () => true; // a lone `*`
  let colons = 0;
  if (opts.arnSegments) for (const t of tokens) if (typeof t === 'string') colons += t.split(':').length - 1;
  const segmented = opts.arnSegments === true && colons >= 5;
  // Many stars would make a backtracking regular expression slow on a text that almost matches, and V8 refuses very
  // large ones: such patterns (rare, and never slow to write) are matched by a search linear in each text part.
  const length = tokens.reduce((n, t) => n + (typeof t === 'string' ? t.length : 1), 0);
  if (tokens.filter((t) => t === STAR).length > 2 || length > MAX_REGEXP_PATTERN) {
    return starMatcher(tokens, opts.ignoreCase === true, segmented);
  }
  let seen = 0;
  let src = '';
  for (const t of tokens) {
    if (typeof t === 'string') {
      src += escapeRegExp(t);
      seen += t.split(':').length - 1;
    } else {
      const inFixedPart = segmented && seen < 5;
      src += t === STAR ? (inFixedPart ? '[^:]*' : '[\\s\\S]*') : inFixedPart ? '[^:]' : '[\\s\\S]';
    }
  }
  const re = new RegExp(`^${src}$`, opts.ignoreCase ? 'i' : '');
  return (t) => re.test(t);
}

/** Splits a text (or a pattern's symbols) at its first five colons: partition, service, Region, account, rest. */
function arnSplit<T>(items: readonly T[], isColon: (x: T) => boolean): T[][] {
  const parts: T[][] = [[]];
  for (const x of items) {
    if (parts.length < 6 && isColon(x)) parts.push([]);
    else parts[parts.length - 1]!.push(x);
  }
  return parts;
}

/**
 * Wildcard match of one part without backtracking blow-up: on a mismatch, the last `*` takes one more character.
 * Quadratic at worst in the part's length.
 */
function matchPart(p: readonly (string | symbol)[], t: readonly string[]): boolean {
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (j < t.length) {
    const x = p[i];
    if (x !== undefined && x !== STAR && (x === ONE || x === t[j])) {
      i++;
      j++;
    } else if (x === STAR) {
      star = i++;
      mark = j;
    } else if (star >= 0) {
      i = star + 1;
      j = ++mark;
    } else return false;
  }
  while (p[i] === STAR) i++;
  return i === p.length;
}

function starMatcher(tokens: readonly GlobToken[], ignoreCase: boolean, segmented: boolean): (text: string) => boolean {
  const p = symbols(tokens, ignoreCase);
  if (!segmented) return (text) => matchPart(p, [...(ignoreCase ? text.toLowerCase() : text)]);
  const parts = arnSplit(p, (x) => x === ':');
  return (text) => {
    const t = arnSplit([...(ignoreCase ? text.toLowerCase() : text)], (c) => c === ':');
    return t.length === parts.length && parts.every((part, k) => matchPart(part, t[k]!));
  };
}

/** One-off match of a plain pattern string. */
export function globMatch(pattern: string, text: string, ignoreCase = false): boolean {
  return compileGlob(tokensOf(pattern), { ignoreCase })(text);
}

/** Symbols of a pattern for the two-pattern algorithms: characters, STAR or ONE. */
function symbols(tokens: readonly GlobToken[], ignoreCase: boolean): (string | symbol)[] {
  const out: (string | symbol)[] = [];
  for (const t of tokens) {
    if (typeof t === 'string') for (const ch of ignoreCase ? t.toLowerCase() : t) out.push(ch);
    else if (t === STAR && out[out.length - 1] === STAR) continue;
    else out.push(t);
  }
  return out;
}

type Sym = string | symbol;

/**
 * Depth-first search over pairs of positions (i in `a`, j in `b`): `moves` pushes the next pairs reachable from
 * (i, j) as offsets; true when both ends are reached together.
 */
function reachesEnd(
  a: readonly Sym[],
  b: readonly Sym[],
  moves: (x: Sym | undefined, y: Sym | undefined, push: (di: number, dj: number) => void) => void,
): boolean {
  const width = b.length + 1;
  const seen = new Uint8Array((a.length + 1) * width);
  const stack = [0];
  let key = 0;
  const push = (di: number, dj: number): void => {
    stack.push(key + di * width + dj);
  };
  while (stack.length) {
    key = stack.pop()!;
    if (seen[key]) continue;
    seen[key] = 1;
    const i = Math.floor(key / width);
    const j = key % width;
    if (i === a.length && j === b.length) return true;
    moves(a[i], b[j], push);
  }
  return false;
}

/**
 * Does pattern `outer` match every string `inner` matches? Sound (a yes is always right); a no may be wrong only for
 * contrived patterns. `*` in `outer` takes any run of `inner`'s symbols; `?` takes one character or `?`; a
 * character takes the same character.
 */
export function covers(outer: readonly GlobToken[], inner: readonly GlobToken[], ignoreCase = false): boolean {
  const a = symbols(outer, ignoreCase);
  if (a.length === 1 && a[0] === STAR) return true;
  return reachesEnd(a, symbols(inner, ignoreCase), (x, y, push) => {
    if (x === STAR) {
      push(1, 0);
      if (y !== undefined) push(0, 1);
    } else if (x === ONE) {
      if (y !== undefined && y !== STAR) push(1, 1);
    } else if (x !== undefined && y === x) push(1, 1);
  });
}

/** Is there a string both patterns match? Sound in the other direction: a no is always right. */
export function overlaps(p: readonly GlobToken[], q: readonly GlobToken[], ignoreCase = false): boolean {
  return reachesEnd(symbols(p, ignoreCase), symbols(q, ignoreCase), (x, y, push) => {
    if (x === STAR) {
      push(1, 0); // the star takes nothing more
      if (y !== undefined) push(0, 1); // the star takes q's next symbol (or runs alongside q's star)
    } else if (y === STAR) {
      push(0, 1);
      if (x !== undefined) push(1, 0);
    } else if (x !== undefined && y !== undefined && (x === ONE || y === ONE || x === y)) push(1, 1);
  });
}
