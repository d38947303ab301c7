// Access-pattern files (docs/dynamodb-evidence.md): our small YAML/JSON format, and the access patterns
// of a NoSQL Workbench model (`AccessPatterns` at the top or per `DataModel` entry, keys matched loosely).
import { type Node } from '../../syntax/tree';
import { isObject, listItems, num, propCI, text } from '../nodes';

export const OPERATIONS = [
  'GetItem',
  'Query',
  'Scan',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchGetItem',
  'BatchWriteItem',
  'TransactGetItems',
  'TransactWriteItems',
] as const;
export type Operation = (typeof OPERATIONS)[number];

export const WRITE_OPERATIONS: ReadonlySet<string> = new Set([
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
]);

export interface AccessPattern {
  readonly name: string;
  /** As written; normalised to the API spelling when recognised. */
  readonly operation: string;
  readonly table?: string;
  readonly index?: string;
  /** Attributes the key condition constrains (from `key: [...]` or parsed out of `keyCondition`). */
  readonly keyAttributes: readonly string[];
  /** Attributes the key condition compares with a literal (`status = "OPEN"`): all traffic lands on one value. */
  readonly literalKeyAttributes: readonly string[];
  readonly keyCondition?: string;
  readonly readsPerSecond?: number;
  readonly writesPerSecond?: number;
  /** Share (0..1] of the pattern's traffic that goes to its busiest key value. */
  readonly busiestKeyShare?: number;
  readonly itemsPerKey?: number;
  readonly itemSizeKB?: number;
  readonly consistentRead?: boolean;
}

export interface AccessPatternFile {
  readonly table?: string;
  readonly patterns: readonly AccessPattern[];
  /** Declared distinct-value counts per attribute (`attributes: {status: {distinctValues: 3}}`). */
  readonly distinctValues: ReadonlyMap<string, number>;
  readonly problems: readonly string[];
}

function normaliseOperation(op: string): string {
  const found = OPERATIONS.find((o) => o.toLowerCase() === op.replace(/[\s_-]/g, '').toLowerCase());
  return found ?? op;
}

const IDENT = /[A-Za-z_#][\w.#-]*/;
const COMPARISON = new RegExp(
  `(${IDENT.source})\\s*(=|<=|>=|<|>|BETWEEN\\b)\\s*(:[\\w]+|"[^"]*"|'[^']*'|-?\\d+(?:\\.\\d+)?)?`,
  'gi',
);
const BEGINS = new RegExp(`begins_with\\s*\\(\\s*(${IDENT.source})`, 'gi');

/** Reads the attributes out of a key condition: `customerId = :c AND begins_with(sk, :p)`. */
export function parseKeyCondition(expr: string): { attributes: string[]; literal: string[] } {
  const attributes: string[] = [];
  const literal: string[] = [];
  for (const m of expr.matchAll(COMPARISON)) {
    const attr = m[1] as string;
    if (/^(and|or|not)$/i.test(attr)) continue;
    if (!attributes.includes(attr)) attributes.push(attr);
    const rhs = m[3];
    if (m[2] === '=' && rhs && !rhs.startsWith(':') && !literal.includes(attr)) literal.push(attr);
  }
  for (const m of expr.matchAll(BEGINS)) {
    const attr = m[1] as string;
    if (!attributes.includes(attr)) attributes.push(attr);
  }
  return { attributes, literal };
}

function bool(node: Node | undefined): boolean | undefined {
  if (node?.kind === 'boolean') return node.value;
  const t = text(node)?.toLowerCase();
  return t === 'true' ? true : t === 'false' ? false : undefined;
}

function readPattern(node: Node, i: number, problems: string[]): AccessPattern | undefined {
  if (!isObject(node)) {
    problems.push(`pattern ${i + 1}: expected a mapping`);
    return undefined;
  }
  const name = text(propCI(node, 'name', 'Name', 'AccessPatternName')?.value) ?? `pattern ${i + 1}`;
  const opText = text(propCI(node, 'operation', 'type', 'op')?.value);
  if (!opText) {
    problems.push(`${name}: no operation (one of ${OPERATIONS.join(', ')})`);
    return undefined;
  }
  const operation = normaliseOperation(opText);
  if (!(OPERATIONS as readonly string[]).includes(operation)) problems.push(`${name}: unknown operation "${opText}"`);
  const keyCondition = text(propCI(node, 'keyCondition', 'KeyConditionExpression', 'key_condition')?.value);
  const keyNode = propCI(node, 'key', 'keyAttributes')?.value;
  const listed = listItems(keyNode)
    .map(text)
    .filter((x): x is string => !!x);
  const parsed = keyCondition ? parseKeyCondition(keyCondition) : { attributes: [], literal: [] };
  const rates = propCI(node, 'rates', 'rate')?.value;
  const reads =
    num(propCI(node, 'readsPerSecond', 'reads_per_second')?.value) ?? num(propCI(rates, 'reads', 'read')?.value);
  const writes =
    num(propCI(node, 'writesPerSecond', 'writes_per_second')?.value) ?? num(propCI(rates, 'writes', 'write')?.value);
  const share = num(propCI(node, 'busiestKeyShare', 'busiest_key_share')?.value);
  if (share !== undefined && (share <= 0 || share > 1)) problems.push(`${name}: busiestKeyShare must be in (0, 1]`);
  return {
    name,
    operation,
    table: text(propCI(node, 'table', 'TableName')?.value),
    index: text(propCI(node, 'index', 'IndexName')?.value),
    keyAttributes: [...new Set([...listed, ...parsed.attributes])],
    literalKeyAttributes: parsed.literal,
    keyCondition,
    readsPerSecond: reads,
    writesPerSecond: writes,
    busiestKeyShare: share !== undefined && share > 0 && share <= 1 ? share : undefined,
    itemsPerKey: num(propCI(node, 'itemsPerKey', 'items_per_key')?.value),
    itemSizeKB: num(propCI(node, 'itemSizeKB', 'item_size_kb', 'avgItemKB')?.value),
    consistentRead: bool(propCI(node, 'consistentRead', 'consistent_read')?.value),
  };
}

function readDistinct(node: Node | undefined, into: Map<string, number>): void {
  if (!isObject(node)) return;
  for (const p of node.properties) {
    const n = num(propCI(p.value, 'distinctValues', 'distinct_values', 'cardinality')?.value) ?? num(p.value);
    if (n !== undefined && n >= 0) into.set(p.key, n);
  }
}

/** Whether a tree is an access-pattern file (ours or a Workbench model with access patterns). */
export function looksLikeAccessPatterns(root: Node | undefined): boolean {
  return (
    propCI(root, 'patterns', 'accessPatterns') !== undefined ||
    listItems(propCI(root, 'DataModel')?.value).some((t) => propCI(t, 'AccessPatterns') !== undefined)
  );
}

export function readAccessPatterns(root: Node | undefined): AccessPatternFile {
  const problems: string[] = [];
  const distinct = new Map<string, number>();
  const patterns: AccessPattern[] = [];
  const table = text(propCI(root, 'table', 'TableName')?.value);
  let entries = 0;
  const collect = (list: Node | undefined, tableName: string | undefined) => {
    entries += listItems(list).length;
    listItems(list).forEach((n, i) => {
      const p = readPattern(n, i, problems);
      if (p) patterns.push(p.table || !tableName ? p : { ...p, table: tableName });
    });
  };
  collect(propCI(root, 'patterns', 'accessPatterns')?.value, undefined);
  for (const t of listItems(propCI(root, 'DataModel')?.value)) {
    collect(propCI(t, 'AccessPatterns')?.value, text(propCI(t, 'TableName')?.value));
  }
  readDistinct(propCI(root, 'attributes')?.value, distinct);
  if (!entries && !distinct.size && propCI(root, 'patterns', 'accessPatterns')?.value.kind !== 'array')
    problems.push('no access patterns found (expected `patterns: [...]`)');
  return { table, patterns, distinctValues: distinct, problems };
}

/** Capacity units one request of the pattern consumes (reads in RCU, writes in WCU). */
export function unitsPerRequest(p: AccessPattern): { rcu: number; wcu: number } {
  const kb = p.itemSizeKB && p.itemSizeKB > 0 ? p.itemSizeKB : 1;
  const items = p.operation === 'Query' && p.itemsPerKey && p.itemsPerKey > 0 ? p.itemsPerKey : 1;
  const transactional = p.operation.startsWith('Transact') ? 2 : 1;
  // A Query sums item sizes before rounding to 4 KB; eventually consistent reads cost half.
  const rcu = Math.ceil((items * kb) / 4) * (p.consistentRead ? 1 : 0.5) * transactional;
  const wcu = Math.ceil(kb) * transactional;
  return { rcu, wcu };
}
