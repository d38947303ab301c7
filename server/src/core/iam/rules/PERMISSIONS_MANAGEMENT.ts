// PERMISSIONS_MANAGEMENT: actions of the "Permissions management" access level (they change who may do what) granted
// on every resource with no condition that narrows them.
import type { ActionRef } from '../catalog';
import type { IamRule } from '../rule';
import { listNames, unconstrainedPicks } from '../risk';

const permissionsManagement = (r: ActionRef): boolean => r.action.accessLevel === 'Permissions management';

export const PERMISSIONS_MANAGEMENT: IamRule = {
  id: 'PERMISSIONS_MANAGEMENT',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'Permissions-management actions (which change who may do what) are granted on every resource.',
  appliesTo: ['identity', 'resource'],
  check(ctx) {
    const picks = unconstrainedPicks(ctx.facts, ctx.policy, permissionsManagement);
    for (const { entry, names, single } of picks) {
      ctx.report({
        message: single
          ? `${names[0]} can change who may do what, and is granted on every resource`
          : `${entry.text} grants ${names.length} permissions-management action${names.length > 1 ? 's' : ''} on every resource (${listNames(names)})`,
        span: entry.span,
      });
    }
  },
};
