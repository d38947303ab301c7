// POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA: IAM counts a policy's characters without whitespace and rejects a policy over its quota.
import type { IamRule } from '../rule';
import { resourceQuota, policyAnchor } from '../validity';

export const POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA: IamRule = {
  id: 'POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'The resource policy is longer than its service allows (S3 20,480, SQS 8,192, SNS 30,720 characters).',
  appliesTo: ['resource'],
  check(ctx) {
    const size = ctx.policy.size;
    if (ctx.policy.synthetic || size === undefined) return;
    const quota = resourceQuota(ctx.policy.origin);
    if (size <= quota.limit) return;
    ctx.report({
      message: `Policy is ${size.toLocaleString('en-US')} characters without whitespace, over the ${quota.limit.toLocaleString('en-US')}-character quota of a ${quota.label}`,
      span: policyAnchor(ctx.policy),
    });
  },
};
