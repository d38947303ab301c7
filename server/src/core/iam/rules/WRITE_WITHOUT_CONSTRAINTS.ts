// WRITE_WITHOUT_CONSTRAINTS: Tagging actions, and Write actions that can only be granted on "*", allowed with no
// condition to narrow them. (Write actions that could be scoped to ARNs are RESOURCE_STAR's.)
import { isWildcardOnly } from '../catalog';
import type { IamRule } from '../rule';
import {
  actionEntries,
  allowStatements,
  isAllActions,
  listNames,
  scopingConditions,
  unconstrainedGrants,
} from '../risk';

export const WRITE_WITHOUT_CONSTRAINTS: IamRule = {
  id: 'WRITE_WITHOUT_CONSTRAINTS',
  domain: 'iam',
  defaultSeverity: 'info',
  title: 'Write or tagging actions that only a condition could narrow are granted without one.',
  appliesTo: ['identity', 'resource'],
  check(ctx) {
    for (const s of allowStatements(ctx.policy)) {
      if (scopingConditions(s).length > 0) continue;
      for (const entry of actionEntries(s)) {
        if (isAllActions(entry.text)) continue; // FULL_ADMIN / SERVICE_WILDCARD report a bare "*".
        const names = unconstrainedGrants(ctx.facts, entry)
          .filter((g) => {
            const level = g.ref.action.accessLevel;
            return level === 'Tagging' || (level === 'Write' && isWildcardOnly(g.ref));
          })
          .map((g) => g.ref.fullName);
        if (names.length === 0) continue;
        const single = names.length === 1 && names[0]?.toLowerCase() === entry.text.toLowerCase();
        ctx.report({
          message: single
            ? `${names[0]} changes resources everywhere with no condition to narrow it (e.g. aws:RequestedRegion or aws:ResourceTag)`
            : `${entry.text} grants ${names.length} write or tagging action${names.length > 1 ? 's' : ''} with no condition to narrow them (${listNames(names)})`,
          span: entry.span,
        });
      }
    }
  },
};
