// A key schema CreateTable rejects: no HASH key, two HASH keys in a table key, RANGE first, unknown key types,
// an LSI that does not share the table's partition key, a GSI with more than four HASH or RANGE attributes.
import { AWS, cite } from '../guidance';
import type { IndexDef, KeyElement } from '../model';
import type { DdbRule, DdbRuleContext } from '../rule';
import { where } from '../support';

function checkTableKeys(
  ctx: DdbRuleContext,
  keys: readonly KeyElement[],
  label: string,
  spanIfEmpty: { start: number; end: number },
): void {
  const say = (span: KeyElement['span'], msg: string) => ctx.report({ span, message: cite(msg, AWS.createTable) });
  if (!keys.length) {
    say(spanIfEmpty, `${label} has no key schema: a table needs exactly one HASH (partition) key`);
    return;
  }
  for (const k of keys) {
    if (k.keyType !== 'HASH' && k.keyType !== 'RANGE') {
      say(k.span, `${label}: key type "${k.keyType || '(missing)'}" of "${k.attribute}" must be HASH or RANGE`);
    }
  }
  const hashes = keys.filter((k) => k.keyType === 'HASH');
  const ranges = keys.filter((k) => k.keyType === 'RANGE');
  if (!hashes.length) say(keys[0]!.span, `${label} has no HASH (partition) key`);
  if (hashes.length > 1) say(hashes[1]!.span, `${label} has ${hashes.length} HASH keys: a table key has exactly one`);
  if (ranges.length > 1) say(ranges[1]!.span, `${label} has ${ranges.length} RANGE keys: a table key has at most one`);
  if (keys.length > 2) say(keys[2]!.span, `${label} has ${keys.length} key elements: a table key has one or two`);
  if (keys[0]?.keyType === 'RANGE' && hashes.length)
    say(keys[0].span, `${label}: the HASH key must come before the RANGE key`);
  if (hashes[0] && ranges[0] && hashes[0].literal && hashes[0].attribute === ranges[0].attribute) {
    say(ranges[0].span, `${label}: "${ranges[0].attribute}" cannot be both the HASH and the RANGE key`);
  }
}

function computed(node: IndexDef['keysNode']): boolean {
  return node?.kind === 'dynamic' || (node?.kind === 'array' && node.items.some((i) => i.kind === 'dynamic'));
}

function checkGsi(ctx: DdbRuleContext, g: IndexDef): void {
  if (computed(g.keysNode)) return;
  const label = where(ctx.table, g);
  const say = (span: KeyElement['span'], msg: string) =>
    ctx.report({ span, message: cite(msg, AWS.multiAttributeKeys) });
  if (!g.keys.length) {
    say(g.nameSpan, `${label} has no key schema`);
    return;
  }
  for (const k of g.keys) {
    if (k.keyType !== 'HASH' && k.keyType !== 'RANGE') {
      say(k.span, `${label}: key type "${k.keyType || '(missing)'}" of "${k.attribute}" must be HASH or RANGE`);
    }
  }
  const hashes = g.keys.filter((k) => k.keyType === 'HASH');
  const ranges = g.keys.filter((k) => k.keyType === 'RANGE');
  if (!hashes.length) say(g.keysSpan, `${label} has no HASH (partition) key`);
  // Multi-attribute GSI keys: up to four HASH and four RANGE attributes, HASH attributes first.
  if (hashes.length > 4) say(hashes[4]!.span, `${label} has ${hashes.length} HASH attributes: at most 4`);
  if (ranges.length > 4) say(ranges[4]!.span, `${label} has ${ranges.length} RANGE attributes: at most 4`);
  const firstRange = g.keys.findIndex((k) => k.keyType === 'RANGE');
  const lastHash = g.keys.map((k) => k.keyType).lastIndexOf('HASH');
  if (firstRange >= 0 && lastHash > firstRange)
    say(g.keys[firstRange]!.span, `${label}: HASH attributes must come before RANGE attributes`);
  const names = g.keys.filter((k) => k.literal).map((k) => k.attribute);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) say(g.keysSpan, `${label}: "${dup}" appears twice in the key schema`);
}

function checkLsi(ctx: DdbRuleContext, l: IndexDef): void {
  if (computed(l.keysNode)) return;
  const label = where(ctx.table, l);
  const say = (span: KeyElement['span'], msg: string) => ctx.report({ span, message: cite(msg, AWS.lsiCollections) });
  const tableHash = ctx.table.keys.find((k) => k.keyType === 'HASH');
  const tableRange = ctx.table.keys.find((k) => k.keyType === 'RANGE');
  if (!tableRange && ctx.table.keys.length) {
    say(l.nameSpan, `${label}: local secondary indexes need a table with a sort key (composite primary key)`);
  }
  const hash = l.keys.filter((k) => k.keyType === 'HASH');
  const range = l.keys.filter((k) => k.keyType === 'RANGE');
  if (hash.length !== 1 || range.length !== 1 || l.keys.length !== 2) {
    say(l.keysSpan, `${label}: an LSI key has exactly one HASH and one RANGE attribute`);
    return;
  }
  if (tableHash?.literal && hash[0]!.literal && hash[0]!.attribute !== tableHash.attribute) {
    say(
      hash[0]!.span,
      `${label}: the LSI partition key must be the table's ("${tableHash.attribute}"), not "${hash[0]!.attribute}"`,
    );
  }
}

export const DDB_KEY_SCHEMA_INVALID: DdbRule = {
  id: 'DDB_KEY_SCHEMA_INVALID',
  domain: 'dynamodb',
  defaultSeverity: 'error',
  title: 'A table or index key schema that DynamoDB rejects (no HASH key, two HASH keys, RANGE first, …).',
  check(ctx) {
    const t = ctx.table;
    if (!t.computed.has('KeySchema'))
      checkTableKeys(ctx, t.keys, where(t), t.keysSpan.start === t.keysSpan.end ? t.nameSpan : t.keysSpan);
    for (const g of t.gsis) checkGsi(ctx, g);
    for (const l of t.lsis) checkLsi(ctx, l);
    const names = [...t.gsis, ...t.lsis].map((i) => i.name);
    [...t.gsis, ...t.lsis].forEach((i, n) => {
      if (names.indexOf(i.name) !== n) {
        ctx.report({
          span: i.nameSpan,
          message: cite(`Index name "${i.name}" is used twice on ${where(t)}`, AWS.createTable),
        });
      }
    });
  },
};
