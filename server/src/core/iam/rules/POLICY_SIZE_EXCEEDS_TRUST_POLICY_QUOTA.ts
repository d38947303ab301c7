// POLICY_SIZE_EXCEEDS_TRUST_POLICY_QUOTA: IAM counts a policy's characters without whitespace and rejects a policy over its quota.
import type { IamRule } from '../rule';
import { policyAnchor } from '../validity';

export const POLICY_SIZE_EXCEEDS_TRUST_POLICY_QUOTA: IamRule = {
  id: 'POLICY_SIZE_EXCEEDS_TRUST_POLICY_QUOTA',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'The role trust policy is longer than the default 2,048-character quota.',
  appliesTo: ['trust'],
  check(ctx) {
    const size = ctx.policy.size;
    if (ctx.policy.synthetic || size === undefined) return;
    const quota = { limit: 2048, label: 'role trust policy' };
    if (size <= quota.limit) return;
    ctx.report({
      message: `Policy is ${size.toLocaleString('en-US')} characters without whitespace, over the ${quota.limit.toLocaleString('en-US')}-character quota of a ${quota.label}`,
      span: policyAnchor(ctx.policy),
    });
  },
};
