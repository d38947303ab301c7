// Small display helpers shared by the explorer services.

export function humanBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/**
 * Where a 128-bit hash key sits in the key space, as a percentage ("0 %", "50 %"). An inclusive range end is shown
 * as the boundary after it, so 0…2^127-1 reads "0 % – 50 %".
 */
export function keySpacePercent(hashKey: string, edge: 'start' | 'end' = 'start'): string {
  const space = 1n << 128n;
  const at = BigInt(hashKey) + (edge === 'end' ? 1n : 0n);
  const pct = Number((at * 10000n) / space) / 100;
  return `${pct % 1 === 0 ? pct.toFixed(0) : pct.toFixed(2)} %`;
}

/** Last path segment of an S3 key or prefix ("a/b/c.txt" → "c.txt", "a/b/" → "b/"). */
export function lastSegment(keyOrPrefix: string, parentPrefix: string): string {
  return keyOrPrefix.startsWith(parentPrefix) ? keyOrPrefix.slice(parentPrefix.length) : keyOrPrefix;
}

/** JSON text indented, or the text as it was when it is not JSON. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
