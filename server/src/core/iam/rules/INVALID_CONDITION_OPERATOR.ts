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
      // One report per operator as written (JSON keys, or Terraform `test` values), whatever the number of keys.
      const seen = new Set<number>();
      const node = s.condition?.node;
      const operators = [
        ...(s.condition?.entries ?? []),
        // Operators with an empty block have no entries: take them from the JSON object itself.
        ...(node?.kind === 'object' ? node.properties.map((p) => ({ operator: p.key, operatorSpan: p.keySpan })) : []),
      ];
      for (const e of operators) {
        if (seen.has(e.operatorSpan.start) || e.operator.startsWith('Fn::')) continue;
        seen.add(e.operatorSpan.start);
        const op = parseOperator(e.operator);
        let problem: string | undefined;
        let close: string[] = [];
        const prefix = op.qualifier ? `${op.qualifier}:` : '';
        if (op.qualifierError) {
          problem = `Condition operator ${e.operator} has an ${op.qualifierError}: use ForAnyValue or ForAllValues`;
          const q = suggest(e.operator.split(':')[0] ?? '', ['ForAnyValue', 'ForAllValues'], 2);
          close = q.map((x) => `${x}:${e.operator.slice(e.operator.indexOf(':') + 1)}`);
        } else if (!op.base) {
          close = suggest(op.baseText + (op.ifExists ? 'IfExists' : ''), allOperatorNames()).map((x) => prefix + x);
          problem = `Condition operator ${e.operator} does not exist${close[0] ? `; did you mean ${close[0]}?` : ''}`;
        } else if (op.base === 'Null' && op.ifExists) {
          problem = `Condition operator ${e.operator} is not valid: Null cannot take IfExists`;
          close = [`${prefix}Null`];
        }
        if (!problem) continue;
        ctx.report({
          message: problem,
          span: e.operatorSpan,
          fixes: close.map((c, i) => renameKey(text, e.operatorSpan, c, i === 0)),
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
