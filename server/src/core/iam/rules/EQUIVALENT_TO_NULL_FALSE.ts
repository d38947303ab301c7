// EQUIVALENT_TO_NULL_FALSE: `StringLike {key: "*"}` only asks that the key be present; `Null {key: "false"}` says
// that directly.
import { parseOperator } from '../catalog';
import { replaceKey, replaceString } from '../fixes';
import type { IamRule } from '../rule';
import type { StringNode } from '../../syntax/tree';

export const EQUIVALENT_TO_NULL_FALSE: IamRule = {
  id: 'EQUIVALENT_TO_NULL_FALSE',
  domain: 'iam',
  defaultSeverity: 'hint',
  title: 'A StringLike condition with the single value "*" only tests that the key is present; use Null false.',
  check(ctx) {
    const { text } = ctx;
    for (const s of ctx.policy.statements) {
      const entries = s.condition?.entries ?? [];
      for (const e of entries) {
        const op = parseOperator(e.operator);
        if (op.base !== 'StringLike' || op.qualifier || op.ifExists) continue;
        const v = e.valueNode;
        const star: StringNode | undefined =
          v.kind === 'string'
            ? v
            : v.kind === 'array' && v.items.length === 1 && v.items[0]?.kind === 'string'
              ? v.items[0]
              : undefined;
        if (!star || star.value !== '*') continue;
        const alone = entries.filter((x) => x.operatorSpan.start === e.operatorSpan.start).length === 1;
        const clash = entries.some((x) => x.operator === 'Null');
        ctx.report({
          message: `StringLike ${e.key} "*" only checks that ${e.key} is present: use Null ${e.key} "false"`,
          span: e.keySpan,
          fixes:
            alone && !clash
              ? [
                  {
                    title: `Replace with Null ${e.key} false`,
                    edits: [replaceKey(text, e.operatorSpan, 'Null'), replaceString(text, star, 'false')],
                    preferred: true,
                  },
                ]
              : [],
        });
      }
    }
  },
};
