// Helpers shared by several rules: what the evidence says about a key's cardinality, labels for messages.
import type { TableEvidence } from './evidence/bind';
import type { IndexDef, KeyElement, TableDef } from './model';
import { classifyName, type NameVerdict } from './names';

/** Below this many distinct values a key is "low cardinality" (AWS MCP guidance: aim for 100+). */
export const MIN_DISTINCT = 100;

export interface Cardinality {
  readonly distinct: number;
  readonly from: 'declared' | 'sample' | 'name';
  /** Readable origin for messages: "declared in orders.access-patterns.yaml", "2,000 sample items". */
  readonly origin: string;
}

/**
 * The best cardinality figure for a key: a declared count, else a saturated sample (every value seen
 * several times, so more items would not show many new ones), else a boolean-like name (2 values).
 */
export function cardinality(
  evidence: TableEvidence,
  attributes: readonly string[],
  opts: { allowName?: boolean } = {},
): Cardinality | undefined {
  if (attributes.length === 1) {
    const declared = evidence.distinctValues.get(attributes[0] as string);
    if (declared !== undefined)
      return { distinct: declared, from: 'declared', origin: 'declared in the access-pattern file' };
  }
  const d = evidence.distribution(attributes);
  if (d && d.keyed > 0 && d.keyed >= 10 * d.distinct) {
    return { distinct: d.distinct, from: 'sample', origin: `seen in ${d.keyed.toLocaleString('en-US')} sample items` };
  }
  if (opts.allowName && attributes.length === 1 && classifyName(attributes[0] as string).kind === 'boolean') {
    return { distinct: 2, from: 'name', origin: 'a boolean-like name (heuristic)' };
  }
  return undefined;
}

/** True when a sample shows the key has many distinct values: name heuristics then stay quiet. */
export function evidenceShowsManyValues(evidence: TableEvidence, attributes: readonly string[]): boolean {
  const declared = attributes.length === 1 ? evidence.distinctValues.get(attributes[0] as string) : undefined;
  if (declared !== undefined) return declared >= MIN_DISTINCT;
  const d = evidence.distribution(attributes);
  return d !== undefined && d.distinct >= MIN_DISTINCT;
}

export function hashAttributes(keys: readonly KeyElement[]): string[] {
  return keys.filter((k) => k.keyType === 'HASH' && k.literal && k.attribute).map((k) => k.attribute);
}

export function where(table: TableDef, index?: IndexDef): string {
  return index ? `${index.kind} "${index.name}" of table "${table.name}"` : `table "${table.name}"`;
}

export function verdict(name: string): NameVerdict {
  return classifyName(name);
}
