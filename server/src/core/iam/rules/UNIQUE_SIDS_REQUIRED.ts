// UNIQUE_SIDS_REQUIRED: IAM rejects a policy in which two statements share a Sid.
import type { IamRule } from '../rule';
import type { Span } from '../../types';

export const UNIQUE_SIDS_REQUIRED: IamRule = {
  id: 'UNIQUE_SIDS_REQUIRED',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'Two statements of the policy have the same Sid.',
  check(ctx) {
    const first = new Map<string, Span>();
    for (const s of ctx.policy.statements) {
      if (s.sid?.kind !== 'string' || s.sid.value === '') continue;
      const seen = first.get(s.sid.value);
      if (!seen) {
        first.set(s.sid.value, s.sid.span);
        continue;
      }
      ctx.report({
        message: `Sid ${s.sid.value} is used by another statement: Sids must be unique`,
        span: s.sid.span,
        related: [{ span: seen, message: `first statement with Sid ${s.sid.value}` }],
      });
    }
  },
};
