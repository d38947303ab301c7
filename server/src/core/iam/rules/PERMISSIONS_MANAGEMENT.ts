// PERMISSIONS_MANAGEMENT: actions of the "Permissions management" access level (they change who may do what) granted
// on every resource with no condition that narrows them.
import type { IamRule } from '../rule';
import {
  actionEntries,
  allowStatements,
  isAllActions,
  listNames,
  scopingConditions,
  unconstrainedGrants,
} from '../risk';

export const PERMISSIONS_MANAGEMENT: IamRule = {
  id: 'PERMISSIONS_MANAGEMENT',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'Permissions-management actions (which change who may do what) are granted on every resource.',
  appliesTo: ['identity', 'resource'],
  check(ctx) {
    for (const s of allowStatements(ctx.policy)) {
      if (scopingConditions(s).length > 0) continue;
      for (const entry of actionEntries(s)) {
        if (isAllActions(entry.text)) continue; // FULL_ADMIN / SERVICE_WILDCARD report a bare "*".
        const names = unconstrainedGrants(ctx.facts, entry)
          .filter((g) => g.ref.action.accessLevel === 'Permissions management')
          .map((g) => g.ref.fullName);
        if (names.length === 0) continue;
        const single = names.length === 1 && names[0]?.toLowerCase() === entry.text.toLowerCase();
        ctx.report({
          message: single
            ? `${names[0]} can change who may do what, and is granted on every resource`
            : `${entry.text} grants ${names.length} permissions-management action${names.length > 1 ? 's' : ''} on every resource (${listNames(names)})`,
          span: entry.span,
        });
      }
    }
  },
};
