// Sample items: parsing (JSON array, JSON Lines, `{"Items": […]}` scan output, batch-write request files,
// `{"table": …, "items": […]}`), DynamoDB-JSON or plain values, and the statistics the rules need.
// Everything is bounded by the number of items given; a caller caps the sample.

export type Item = Readonly<Record<string, unknown>>;

export interface ParsedItems {
  readonly items: readonly Item[];
  /** The table the file names (batch-write shape or a `table` field). */
  readonly table?: string;
  /** Whether values are DynamoDB JSON (`{"S": "x"}`). */
  readonly dynamoJson: boolean;
  /** Readable problems ("line 4: Unexpected token …"); the items that parsed are kept. */
  readonly problems: readonly string[];
  /** How the file held its items; 'single' is one bare object (only trusted when the file name binds it). */
  readonly shape: 'array' | 'container' | 'lines' | 'single' | 'none';
}

const TYPE_TAGS = new Set(['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isTypedValue(v: unknown): boolean {
  if (!isRecord(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && TYPE_TAGS.has(keys[0] as string);
}

/** True when every attribute of the first items is a DynamoDB-JSON typed value. */
export function detectDynamoJson(items: readonly Item[]): boolean {
  let seen = 0;
  for (const item of items.slice(0, 20)) {
    for (const v of Object.values(item)) {
      if (!isTypedValue(v)) return false;
      seen++;
    }
  }
  return seen > 0;
}

function fromContainer(value: unknown): { items: Item[]; table?: string } | undefined {
  if (Array.isArray(value)) return { items: value.filter(isRecord) };
  if (!isRecord(value)) return undefined;
  const items = value.Items ?? value.items ?? value.TableData;
  if (Array.isArray(items)) {
    const table = value.table ?? value.Table ?? value.TableName;
    return { items: items.filter(isRecord), table: typeof table === 'string' ? table : undefined };
  }
  // batch-write-item request file: {"Orders": [{"PutRequest": {"Item": {…}}}]}
  const entries = Object.entries(value);
  if (entries.length === 1 && Array.isArray(entries[0]?.[1])) {
    const [table, requests] = entries[0] as [string, unknown[]];
    const put = requests
      .map((r) => (isRecord(r) && isRecord(r.PutRequest) ? r.PutRequest.Item : undefined))
      .filter(isRecord);
    if (put.length) return { items: put, table };
  }
  return undefined;
}

/** Parses a sample-items file. Never throws. */
export function parseItems(text: string): ParsedItems {
  const problems: string[] = [];
  const trimmed = text.trim();
  if (!trimmed) return { items: [], dynamoJson: false, problems: ['the file is empty'], shape: 'none' };
  let whole: unknown;
  let wholeError: string | undefined;
  try {
    whole = JSON.parse(trimmed);
  } catch (e) {
    wholeError = e instanceof Error ? e.message : String(e);
  }
  if (wholeError === undefined) {
    const c = fromContainer(whole);
    if (c) {
      const shape = Array.isArray(whole) ? 'array' : 'container';
      return { items: c.items, table: c.table, dynamoJson: detectDynamoJson(c.items), problems, shape };
    }
    if (isRecord(whole)) return { items: [whole], dynamoJson: detectDynamoJson([whole]), problems, shape: 'single' };
    const message = 'expected an array of items, JSON Lines or {"Items": […]}';
    return { items: [], dynamoJson: false, problems: [message], shape: 'none' };
  }
  // JSON Lines: one item per line; a bad line is reported and skipped.
  if (trimmed.startsWith('[')) {
    return { items: [], dynamoJson: false, problems: [`not valid JSON: ${wholeError}`], shape: 'none' };
  }
  const items: Item[] = [];
  // Walk the lines with indexOf: splitting a large sample into an array first costs as much as parsing it.
  let lineNo = 0;
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNo++;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (!line) continue;
    try {
      const v: unknown = JSON.parse(line);
      if (isRecord(v)) items.push(isRecord(v.Item) && Object.keys(v).length === 1 ? v.Item : v);
      else problems.push(`line ${lineNo}: not a JSON object`);
    } catch (e) {
      problems.push(`line ${lineNo}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (problems.length > 20) {
      problems.push('too many bad lines; stopped reading');
      break;
    }
  }
  return { items, dynamoJson: detectDynamoJson(items), problems, shape: 'lines' };
}

/** A key attribute's value as text (S, N or B), or undefined when missing or not a valid key type. */
export function keyValue(item: Item, attribute: string, dynamoJson: boolean): string | undefined {
  const v = item[attribute];
  if (v === undefined || v === null) return undefined;
  if (dynamoJson) {
    if (!isRecord(v)) return undefined;
    const s = v.S ?? v.N ?? v.B;
    return typeof s === 'string' ? s : undefined;
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return undefined;
}

// eslint-disable-next-line no-control-regex -- matching the whole ASCII range is the point
const ASCII = /^[\x00-\x7f]*$/;

function utf8Length(s: string): number {
  // Most sample text is ASCII: one native scan instead of a loop in JavaScript.
  if (ASCII.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function numberSize(n: string): number {
  // DynamoDB stores numbers as about one byte per two significant digits, plus one.
  const digits = n.replace(/^[-+]?0*/, '').replace(/[.eE].*$/, '').length + (n.split('.')[1]?.length ?? 0);
  return Math.ceil(Math.max(digits, 1) / 2) + 1;
}

function base64Bytes(s: string): number {
  return Math.floor((s.replace(/=+$/, '').length * 3) / 4);
}

function typedSize(v: unknown, depth: number): number {
  if (!isRecord(v) || depth > 32) return 0;
  // A typed value has one key, its tag: switch on it instead of probing every tag.
  for (const tag in v) {
    const x = v[tag];
    switch (tag) {
      case 'S':
        return typeof x === 'string' ? utf8Length(x) : 0;
      case 'N':
        return typeof x === 'string' ? numberSize(x) : 0;
      case 'B':
        return typeof x === 'string' ? base64Bytes(x) : 0;
      case 'BOOL':
      case 'NULL':
        return 1;
      case 'SS':
      case 'NS':
      case 'BS': {
        if (!Array.isArray(x)) return 0;
        let n = 0;
        for (const e of x) {
          const t = String(e);
          n += tag === 'SS' ? utf8Length(t) : tag === 'NS' ? numberSize(t) : base64Bytes(t);
        }
        return n;
      }
      case 'L': {
        if (!Array.isArray(x)) return 0;
        let n = 3;
        for (const e of x) n += 1 + typedSize(e, depth + 1);
        return n;
      }
      case 'M': {
        if (!isRecord(x)) return 0;
        let n = 3;
        for (const k in x) n += 1 + utf8Length(k) + typedSize(x[k], depth + 1);
        return n;
      }
      default:
        return 0;
    }
  }
  return 0;
}

function plainSize(v: unknown, depth: number): number {
  if (depth > 32) return 0;
  if (typeof v === 'string') return utf8Length(v);
  if (typeof v === 'number') return numberSize(String(v));
  if (typeof v === 'boolean' || v === null || v === undefined) return 1;
  if (Array.isArray(v)) {
    let n = 3;
    for (const e of v) n += 1 + plainSize(e, depth + 1);
    return n;
  }
  if (isRecord(v)) {
    let n = 3;
    for (const k in v) n += 1 + utf8Length(k) + plainSize(v[k], depth + 1);
    return n;
  }
  return 0;
}

/** Approximate stored size in bytes (attribute names count), following the DynamoDB item-size rules. */
export function itemSize(item: Item, dynamoJson: boolean): number {
  let n = 0;
  for (const k in item) n += utf8Length(k) + (dynamoJson ? typedSize(item[k], 0) : plainSize(item[k], 0));
  return n;
}

const DATE_BUCKET =
  /^(?:[A-Za-z][\w-]*[#:|_.-])?(?:19|20)\d{2}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])(?:[T ](?:[01]\d|2[0-3])(?::[0-5]\d)?)?)?|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])?)$/;

/** A date, hour or minute bucket (`2024-07-09`, `DAY#2024-07-09`, `2024070912`) — not a full timestamp. */
export function looksLikeTimeBucket(value: string): boolean {
  return value.length <= 64 && DATE_BUCKET.test(value);
}

export interface KeyCount {
  readonly value: string;
  readonly count: number;
}

export interface Distribution {
  /** Attribute names (several for a multi-attribute GSI key, joined by ' + ' in messages). */
  readonly attributes: readonly string[];
  /** Items that carry the key (the rest are not in the index: a sparse index). */
  readonly keyed: number;
  readonly missing: number;
  readonly distinct: number;
  /** Most frequent values, busiest first (at most `topN`). */
  readonly top: readonly KeyCount[];
  /** Share (0..1) of keyed items held by the busiest value. */
  readonly topShare: number;
  /** Gini coefficient (0 = every value equally frequent, → 1 = one value holds everything). */
  readonly gini: number;
  /** Share (0..1) of distinct values that look like date/hour buckets. */
  readonly timeBucketShare: number;
  /** Largest item-collection size (bytes) per key value, when sizes were computed. */
  readonly largestCollectionBytes?: number;
}

/** Gini coefficient of counts (order irrelevant). */
export function gini(counts: readonly number[]): number {
  const n = counts.length;
  if (n < 2) return 0;
  const sorted = [...counts].sort((a, b) => a - b);
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    const c = sorted[i] as number;
    total += c;
    weighted += (i + 1) * c;
  }
  if (total === 0) return 0;
  const g = (2 * weighted) / (n * total) - (n + 1) / n;
  return Math.min(1, Math.max(0, g));
}

export function distribution(
  items: readonly Item[],
  attributes: readonly string[],
  dynamoJson: boolean,
  opts: { topN?: number; sizes?: readonly number[] } = {},
): Distribution {
  const counts = new Map<string, number>();
  const bytes = opts.sizes ? new Map<string, number>() : undefined;
  let missing = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Item;
    let key: string | undefined;
    if (attributes.length === 1) key = keyValue(item, attributes[0] as string, dynamoJson);
    else {
      const parts: string[] = [];
      for (const a of attributes) {
        const v = keyValue(item, a, dynamoJson);
        if (v === undefined) break;
        parts.push(v);
      }
      key = parts.length === attributes.length ? parts.join(' + ') : undefined;
    }
    if (key === undefined) {
      missing++;
      continue;
    }
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (bytes) bytes.set(key, (bytes.get(key) ?? 0) + (opts.sizes?.[i] ?? 0));
  }
  const keyed = items.length - missing;
  const entries = [...counts.entries()];
  const topN = opts.topN ?? 20;
  // Partial selection would be faster, but a full sort of distinct values is well inside the bench budget.
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = entries.slice(0, topN).map(([value, count]) => ({ value, count }));
  let buckets = 0;
  for (const [v] of entries) if (looksLikeTimeBucket(v)) buckets++;
  let largest: number | undefined;
  if (bytes) for (const b of bytes.values()) largest = Math.max(largest ?? 0, b);
  return {
    attributes,
    keyed,
    missing,
    distinct: counts.size,
    top,
    topShare: keyed ? (top[0]?.count ?? 0) / keyed : 0,
    gini: gini([...counts.values()]),
    timeBucketShare: counts.size ? buckets / counts.size : 0,
    largestCollectionBytes: largest,
  };
}
