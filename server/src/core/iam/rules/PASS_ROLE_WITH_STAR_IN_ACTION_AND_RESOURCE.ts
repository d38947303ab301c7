// PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE (IAM Access Analyzer's code): a wildcard action that includes
// iam:PassRole ("*", "iam:*", "iam:Pass*") on every role.
import { passRoleGrants } from '../passrole';
import type { IamRule } from '../rule';
import { listNames } from '../risk';

export const PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE: IamRule = {
  id: 'PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'A wildcard action includes iam:PassRole on every role, so the holder can hand any role to a service.',
  appliesTo: ['identity'],
  check(ctx) {
    for (const g of passRoleGrants(ctx, true)) {
      const to = g.passedTo
        ? `to ${listNames(g.passedTo)} (limited by iam:PassedToService)`
        : 'to any service; grant iam:PassRole on its own, scoped to role ARNs';
      ctx.report({
        message: `Action "${g.entry.text}" on Resource "${g.resource.text}" includes iam:PassRole: the holder can pass any role in the account ${to}`,
        span: g.entry.span,
        ...(g.passedTo ? { severity: 'info' as const } : {}),
        related: [{ span: g.resource.span, message: 'every role' }],
        ...(g.fixes.length ? { fixes: g.fixes } : {}),
      });
    }
  },
};
