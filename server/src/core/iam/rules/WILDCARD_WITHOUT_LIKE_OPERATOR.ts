// WILDCARD_WITHOUT_LIKE_OPERATOR: `*` and `?` are literal characters for the Equals operators; the author almost
// always meant a pattern (StringLike).
import { parseOperator } from '../catalog';
import { replaceKey } from '../fixes';
import type { IamRule } from '../rule';
import type { StringNode } from '../../syntax/tree';

const TO_LIKE: Readonly<Record<string, string>> = { StringEquals: 'StringLike', StringNotEquals: 'StringNotLike' };

function hasWildcardChar(value: string): boolean {
  // ${*} and ${?} are the escapes for a literal * and ?.
  return /[*?]/.test(value.replace(/\$\{[*?$]\}/g, ''));
}

export const WILDCARD_WITHOUT_LIKE_OPERATOR: IamRule = {
  id: 'WILDCARD_WITHOUT_LIKE_OPERATOR',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'A condition value contains * or ? but the operator is not a Like operator.',
  check(ctx) {
    const { text } = ctx;
    for (const s of ctx.policy.statements) {
      const entries = s.condition?.entries ?? [];
      for (const e of entries) {
        const op = parseOperator(e.operator);
        if (!op.base || !/^String(Not)?Equals(IgnoreCase)?$/.test(op.base)) continue;
        const values = (e.valueNode.kind === 'array' ? e.valueNode.items : [e.valueNode]).filter(
          (v): v is StringNode => v.kind === 'string' && hasWildcardChar(v.value),
        );
        const first = values[0];
        if (!first) continue;
        const like = TO_LIKE[op.base];
        const renamed = like
          ? `${op.qualifier ? `${op.qualifier}:` : ''}${like}${op.ifExists ? 'IfExists' : ''}`
          : undefined;
        const alone = entries.filter((x) => x.operatorSpan.start === e.operatorSpan.start).length === 1;
        const clash = entries.some((x) => x.operator === renamed);
        ctx.report({
          message: `Value ${first.value} of ${e.key} contains a wildcard, but ${e.operator} compares it literally${renamed ? `: use ${renamed}` : ''}`,
          span: first.span,
          fixes:
            renamed && alone && !clash
              ? [
                  {
                    title: `Change ${e.operator} to ${renamed}`,
                    edits: [replaceKey(text, e.operatorSpan, renamed)],
                    preferred: true,
                  },
                ]
              : [],
        });
      }
    }
  },
};
