// Key attributes must be scalar strings, numbers or binary (S, N, B).
import { replace } from '../../syntax/edit';
import { AWS, cite } from '../guidance';
import type { DdbRule } from '../rule';
import { where } from '../support';

const VALID = new Set(['S', 'N', 'B']);

export const DDB_KEY_TYPE: DdbRule = {
  id: 'DDB_KEY_TYPE',
  domain: 'dynamodb',
  defaultSeverity: 'error',
  title: 'A key attribute whose type is not S, N or B.',
  check(ctx) {
    const t = ctx.table;
    const keyNames = new Set(
      [...t.keys, ...t.gsis.flatMap((g) => g.keys), ...t.lsis.flatMap((l) => l.keys)]
        .filter((k) => k.literal)
        .map((k) => k.attribute),
    );
    const defs = t.attributes ?? [...t.attributeTypes.values()];
    for (const def of defs) {
      // Definitions no key uses are DDB_ATTRIBUTE_DEFINITION_MISMATCH's business.
      if (!keyNames.has(def.name)) continue;
      if (VALID.has(def.type) || def.type === '') continue;
      const flag = def.type === 'BOOL' || /^(is|has|can)[A-Z_]/.test(def.name);
      const to = t.source === 'sam' ? 'String' : 'S';
      const fixes =
        def.typeSpan.start !== def.nameSpan.start
          ? [
              {
                title: `Change the type of "${def.name}" to ${to}`,
                edits: [replace(def.typeSpan, to)],
                preferred: true,
              },
            ]
          : [];
      ctx.report({
        span: def.typeSpan,
        message: cite(
          `Attribute "${def.name}" of ${where(t)} has type "${def.type}": key attributes must be S, N or B${
            flag ? '; for a flag, use a sparse index instead of a boolean key' : ''
          }`,
          AWS.coreComponents,
        ),
        fixes,
      });
    }
  },
};
