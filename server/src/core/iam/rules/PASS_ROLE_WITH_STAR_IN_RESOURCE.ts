// PASS_ROLE_WITH_STAR_IN_RESOURCE (IAM Access Analyzer's code): iam:PassRole, named explicitly, on every role.
import { passRoleGrants } from '../passrole';
import type { IamRule } from '../rule';
import { listNames } from '../risk';

export const PASS_ROLE_WITH_STAR_IN_RESOURCE: IamRule = {
  id: 'PASS_ROLE_WITH_STAR_IN_RESOURCE',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'iam:PassRole is granted on every role, so the holder can hand any role to a service.',
  appliesTo: ['identity'],
  check(ctx) {
    for (const g of passRoleGrants(ctx, false)) {
      const to = g.passedTo
        ? `to ${listNames(g.passedTo)} (limited by iam:PassedToService); scope Resource to the roles meant for it`
        : 'to any service; scope Resource to the role ARNs and add an iam:PassedToService condition';
      ctx.report({
        message: `iam:PassRole on "${g.resource.text}" lets the holder pass any role in the account ${to}`,
        span: g.entry.span,
        ...(g.passedTo ? { severity: 'info' as const } : {}),
        related: [{ span: g.resource.span, message: 'every role' }],
        ...(g.fixes.length ? { fixes: g.fixes } : {}),
      });
    }
  },
};
