// INVALID_CONDITION_OPERATOR: an operator IAM does not know (or a wrong set qualifier, or Null with IfExists): the
// policy is rejected.
import { allOperatorNames, parseOperator, suggest } from '../catalog';
import type { IamRule } from '../rule';
import type { Fix, Span } from '../../types';

export const INVALID_CONDITION_OPERATOR: IamRule = {
  id: 'INVALID_CONDITION_OPERATOR',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'A condition operator does not exist.',
  check(ctx) {
    const { text } = ctx;
    for (const s of ctx.policy.statements) {
      const node = s.condition?.node;
      if (node?.kind !== 'object') continue;
      for (const p of node.properties) {
        if (p.key.startsWith('Fn::')) continue;
        const op = parseOperator(p.key);
        let problem: string | undefined;
        let close: string[] = [];
        const prefix = op.qualifier ? `${op.qualifier}:` : '';
        if (op.qualifierError) {
          problem = `Condition operator ${p.key} has an ${op.qualifierError}: use ForAnyValue or ForAllValues`;
          const q = suggest(p.key.split(':')[0] ?? '', ['ForAnyValue', 'ForAllValues'], 2);
          close = q.map((x) => `${x}:${p.key.slice(p.key.indexOf(':') + 1)}`);
        } else if (!op.base) {
          close = suggest(op.baseText + (op.ifExists ? 'IfExists' : ''), allOperatorNames()).map((x) => prefix + x);
          problem = `Condition operator ${p.key} does not exist${close[0] ? `; did you mean ${close[0]}?` : ''}`;
        } else if (op.base === 'Null' && op.ifExists) {
          problem = `Condition operator ${p.key} is not valid: Null cannot take IfExists`;
          close = [`${prefix}Null`];
        }
        if (!problem) continue;
        ctx.report({
          message: problem,
          span: p.keySpan,
          fixes: close.map((c, i) => renameKey(text, p.keySpan, c, i === 0)),
        });
      }
    }
  },
};

function renameKey(text: string, span: Span, to: string, preferred: boolean): Fix {
  const raw = text.slice(span.start, span.end);
  const q = raw[0] === '"' || raw[0] === "'" ? raw[0] : '';
  return {
    title: `Change operator to ${to}`,
    edits: [{ span, newText: `${q}${to}${q}` }],
    ...(preferred ? { preferred } : {}),
  };
}
