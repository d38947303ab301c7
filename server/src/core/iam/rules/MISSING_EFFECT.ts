// MISSING_EFFECT: a statement must say whether it allows or denies.
import type { IamRule } from '../rule';
import { statementAnchor } from '../validity';

export const MISSING_EFFECT: IamRule = {
  id: 'MISSING_EFFECT',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'A statement has no Effect element.',
  check(ctx) {
    // Terraform's aws_iam_policy_document defaults `effect` to Allow.
    if (ctx.policy.synthetic) return;
    for (const s of ctx.policy.statements) {
      if (s.node.properties.some((p) => p.key.toLowerCase() === 'effect')) continue;
      ctx.report({
        message: `Statement ${s.index + 1} has no Effect: add "Effect": "Allow" or "Deny"`,
        span: statementAnchor(s),
      });
    }
  },
};
