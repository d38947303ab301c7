// POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA: IAM counts a policy's characters without whitespace and rejects a policy over its quota.
// A standalone policy file says nothing of how it will be attached (AWS managed policies are not bound by the
// customer quota, a role's inline policy may hold 10,240 characters), so there it is a warning.
import type { IamRule } from '../rule';
import { identityQuota, policyAnchor } from '../validity';

export const POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA: IamRule = {
  id: 'POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA',
  domain: 'iam',
  defaultSeverity: 'error',
  title:
    'The identity policy is longer than IAM allows for its kind (managed 6,144, user 2,048, role 10,240 characters).',
  appliesTo: ['identity'],
  check(ctx) {
    const size = ctx.policy.size;
    if (ctx.policy.synthetic || size === undefined) return;
    const quota = identityQuota(ctx.policy.origin);
    if (size <= quota.limit) return;
    const standalone = ctx.policy.origin.startsWith('policy file');
    ctx.report({
      message: `Policy is ${size.toLocaleString('en-US')} characters without whitespace, over the ${quota.limit.toLocaleString('en-US')}-character quota of a ${quota.label}${standalone ? ' (if it is created as a customer managed policy)' : ''}`,
      span: policyAnchor(ctx.policy),
      ...(standalone ? { severity: 'warning' as const } : {}),
    });
  },
};
