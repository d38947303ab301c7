// AttributeDefinitions must list exactly the attributes the table, GSI and LSI key schemas use:
// CreateTable rejects both an unused definition and an undefined key attribute.
import { addAttributeDefinition, removeAttributeDefinition } from '../fixes';
import { AWS, cite } from '../guidance';
import type { DdbRule } from '../rule';
import { where } from '../support';

/** A type guess for a missing definition from the attribute's name. */
function guessType(name: string): string {
  return /(count|number|num|total|amount|size|version|epoch|ttl|timestamp|^ts$|seq(uence)?)$/i.test(name) ? 'N' : 'S';
}

export const DDB_ATTRIBUTE_DEFINITION_MISMATCH: DdbRule = {
  id: 'DDB_ATTRIBUTE_DEFINITION_MISMATCH',
  domain: 'dynamodb',
  defaultSeverity: 'error',
  title: 'An attribute definition no key uses, or a key attribute that is not defined.',
  check(ctx) {
    const t = ctx.table;
    if (!t.attributes) return;
    // With a computed key schema or index list the set of key attributes is unknown.
    if (
      ['KeySchema', 'GlobalSecondaryIndexes', 'LocalSecondaryIndexes', 'AttributeDefinitions'].some((p) =>
        t.computed.has(p),
      )
    ) {
      return;
    }
    const keys = [...t.keys, ...t.gsis.flatMap((g) => g.keys), ...t.lsis.flatMap((l) => l.keys)];
    // A computed key name (a !Ref, a variable) makes the comparison meaningless.
    if (keys.some((k) => !k.literal)) return;
    const used = new Set(keys.map((k) => k.attribute).filter(Boolean));
    const defined = new Map<string, number>();
    for (const def of t.attributes) defined.set(def.name, (defined.get(def.name) ?? 0) + 1);
    for (const def of t.attributes) {
      if (!used.has(def.name)) {
        const fix = removeAttributeDefinition(ctx.doc, t, def);
        ctx.report({
          span: def.span,
          message: cite(
            `Attribute "${def.name}" is defined on ${where(t)} but no table or index key uses it; CreateTable rejects unused definitions`,
            AWS.createTable,
          ),
          fixes: fix ? [fix] : [],
        });
      } else if ((defined.get(def.name) ?? 0) > 1 && t.attributes.find((d) => d.name === def.name) !== def) {
        ctx.report({
          span: def.span,
          message: cite(`Attribute "${def.name}" is defined twice on ${where(t)}`, AWS.createTable),
        });
      }
    }
    const reported = new Set<string>();
    for (const k of keys) {
      if (!k.attribute || defined.has(k.attribute) || reported.has(k.attribute)) continue;
      reported.add(k.attribute);
      const fix = addAttributeDefinition(ctx.doc, t, k.attribute, guessType(k.attribute));
      ctx.report({
        span: k.nameSpan,
        message: cite(
          `Key attribute "${k.attribute}" of ${where(t)} has no attribute definition; CreateTable needs its type (S, N or B)`,
          AWS.createTable,
        ),
        fixes: fix ? [fix] : [],
      });
    }
  },
};
