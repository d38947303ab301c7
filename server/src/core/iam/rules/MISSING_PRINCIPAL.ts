// MISSING_PRINCIPAL: a resource or trust policy statement must say who it applies to.
import type { IamRule } from '../rule';
import { statementAnchor } from '../validity';

export const MISSING_PRINCIPAL: IamRule = {
  id: 'MISSING_PRINCIPAL',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'A statement of a resource or trust policy has neither Principal nor NotPrincipal.',
  appliesTo: ['resource', 'trust'],
  check(ctx) {
    for (const s of ctx.policy.statements) {
      if (s.principal || s.notPrincipal) continue;
      ctx.report({
        message: `Statement ${s.index + 1} of this ${ctx.policy.kind} policy has no Principal`,
        span: statementAnchor(s),
      });
    }
  },
};
