// MISSING_QUALIFIER: a multivalued key (aws:TagKeys, aws:CalledVia, …) compares a set; without ForAnyValue: or
// ForAllValues: the result is not what the author means. The reverse misuse, a set qualifier on a single-valued
// key, is reported as a warning: ForAllValues then also matches when the key is absent.
import { familyForKeyType, isMultivaluedType, parseOperator } from '../catalog';
import { replaceKey } from '../fixes';
import type { IamRule } from '../rule';
import type { Fix } from '../../types';
import type { ConditionEntry, Statement } from '../model';

function blockSize(s: Statement, e: ConditionEntry): number {
  return s.condition?.entries.filter((x) => x.operatorSpan.start === e.operatorSpan.start).length ?? 0;
}

export const MISSING_QUALIFIER: IamRule = {
  id: 'MISSING_QUALIFIER',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'A multivalued condition key is used without ForAnyValue/ForAllValues (or a single-valued key with one).',
  check(ctx) {
    const { text } = ctx;
    for (const s of ctx.policy.statements) {
      for (const e of s.condition?.entries ?? []) {
        const op = parseOperator(e.operator);
        if (!op.base || op.base === 'Null') continue;
        const info = ctx.facts.conditionKey(e.key);
        if (!info || !familyForKeyType(info.type)) continue;
        const single = blockSize(s, e) === 1;
        if (isMultivaluedType(info.type) && !op.qualifier) {
          const fixes: Fix[] = single
            ? ['ForAnyValue', 'ForAllValues'].map((q, i) => ({
                title: `Change operator to ${q}:${e.operator}`,
                edits: [replaceKey(text, e.operatorSpan, `${q}:${e.operator}`)],
                ...(i === 0 ? { preferred: true } : {}),
              }))
            : [];
          ctx.report({
            message: `Condition key ${e.key} has multiple values: use ForAnyValue:${e.operator} or ForAllValues:${e.operator}`,
            span: e.keySpan,
            fixes,
          });
        } else if (!isMultivaluedType(info.type) && op.qualifier) {
          const plain = e.operator.slice(e.operator.indexOf(':') + 1);
          ctx.report({
            message: `Condition key ${e.key} is single-valued: ${op.qualifier} is not needed${op.qualifier === 'ForAllValues' ? ' and also matches when the key is absent' : ''}`,
            span: e.operatorSpan,
            severity: 'warning',
            fixes: single
              ? [
                  {
                    title: `Change operator to ${plain}`,
                    edits: [replaceKey(text, e.operatorSpan, plain)],
                    preferred: true,
                  },
                ]
              : [],
          });
        }
      }
    }
  },
};
