// MISSING_VERSION: without `"Version": "2012-10-17"` IAM reads the policy with the 2008 grammar, where policy
// variables such as ${aws:username} are plain text.
import { insertProperty } from '../fixes';
import type { IamRule } from '../rule';
import { policyAnchor } from '../validity';

export const MISSING_VERSION: IamRule = {
  id: 'MISSING_VERSION',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'The policy has no Version element; add "Version": "2012-10-17".',
  check(ctx) {
    const { policy, text } = ctx;
    if (policy.synthetic || policy.node.kind !== 'object') return;
    if (policy.node.properties.some((p) => p.key.toLowerCase() === 'version')) return;
    ctx.report({
      message: `Policy (${policy.origin}) has no Version: add "Version": "2012-10-17"`,
      span: policyAnchor(policy),
      fixes: [
        {
          title: 'Add "Version": "2012-10-17"',
          edits: [insertProperty(text, policy.node, 'Version', '2012-10-17', 'first')],
          preferred: true,
        },
      ],
    });
  },
};
