// Name heuristics for key attributes. They read the words of a name (camelCase, snake_case, kebab-case and
// prefixes split apart) and are only heuristics: rules built on them stay warnings and say so.

/** Splits `ticketStatus`, `created_day`, `GSI1PK`, `isActive` into lower-case words. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** Single-table design names (`PK`, `SK`, `GSI1PK`, `gsi2_sk`, `hashKey`): the name says nothing about the values. */
export function isGenericKeyName(name: string): boolean {
  return /^(pk|sk|(gsi|lsi)[0-9]*[-_]?(pk|sk)|hash[-_]?key|range[-_]?key|partition[-_]?key|sort[-_]?key)$/i.test(
    name.trim(),
  );
}

// AWS names "status code" as a bad partition key; the rest are documented additions (docs/rules).
const LOW_CARDINALITY = new Set([
  'status',
  'state',
  'tier',
  'plan',
  'type',
  'kind',
  'category',
  'role',
  'gender',
  'country',
  'region',
  'locale',
  'language',
  'lang',
  'currency',
  'priority',
  'level',
  'stage',
  'env',
  'environment',
  'source',
  'channel',
  'visibility',
  'severity',
  'phase',
]);
const LOW_CARDINALITY_QUALIFIERS = new Set(['code', 'name', 'type', 'value', 'key']);
const BOOLEAN_PREFIXES = new Set(['is', 'has', 'can', 'should', 'was', 'did', 'allow', 'allows']);
const BOOLEAN_WORDS = new Set([
  'enabled',
  'disabled',
  'active',
  'inactive',
  'deleted',
  'archived',
  'flag',
  'verified',
  'published',
  'visible',
  'hidden',
  'open',
  'closed',
  'done',
  'completed',
  'paid',
  'bool',
  'boolean',
]);
// Rounded times only: a full timestamp (createdAt, ts) is high-cardinality and hashes evenly.
const TIME_BUCKET = new Set([
  'date',
  'day',
  'hour',
  'minute',
  'month',
  'year',
  'week',
  'period',
  'quarter',
  'yyyymmdd',
]);

export type NameKind = 'generic' | 'boolean' | 'low-cardinality' | 'time-bucket' | 'other';

export interface NameVerdict {
  readonly kind: NameKind;
  /** The word that decided it, for messages. */
  readonly word?: string;
}

export function classifyName(name: string): NameVerdict {
  if (isGenericKeyName(name)) return { kind: 'generic' };
  const w = words(name);
  if (!w.length) return { kind: 'other' };
  const last = w[w.length - 1] as string;
  if (w.length > 1 && BOOLEAN_PREFIXES.has(w[0] as string)) return { kind: 'boolean', word: w[0] };
  if (BOOLEAN_WORDS.has(last)) return { kind: 'boolean', word: last };
  if (TIME_BUCKET.has(last)) return { kind: 'time-bucket', word: last };
  if (LOW_CARDINALITY.has(last)) return { kind: 'low-cardinality', word: last };
  // `statusCode`, `country_code`, `planName`: a low-cardinality word qualified by code/name/…
  if (w.length > 1 && LOW_CARDINALITY_QUALIFIERS.has(last) && LOW_CARDINALITY.has(w[w.length - 2] as string)) {
    return { kind: 'low-cardinality', word: w[w.length - 2] };
  }
  return { kind: 'other' };
}

/** Parent references (`customerId`, `tenant_id`, `accountParentId`) and the entity they name. */
export function parentEntity(name: string): string | undefined {
  const w = words(name);
  if (w.length < 2 || w[w.length - 1] !== 'id') return undefined;
  const entity = w[w.length - 2] as string;
  if (entity === 'parent') return w.length > 2 ? (w[w.length - 3] as string) : 'parent';
  return [
    'customer',
    'user',
    'tenant',
    'account',
    'org',
    'organization',
    'owner',
    'author',
    'project',
    'team',
  ].includes(entity)
    ? entity
    : undefined;
}

/** Rough singular of a table name's words: `CustomerOrders` → ['customer', 'order']. */
export function tableWords(tableName: string): string[] {
  return words(tableName)
    .map((w) => (w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.length > 1 ? w.replace(/s$/, '') : w))
    .filter(Boolean);
}

/** The shard attribute name a write-sharding fix introduces, in the name's own style. */
export function shardName(name: string): string {
  if (name.includes('_')) return `${name}_shard`;
  if (name.includes('-')) return `${name}-shard`;
  if (/^[A-Z0-9_]+$/.test(name)) return `${name}SHARD`;
  return `${name}Shard`;
}
