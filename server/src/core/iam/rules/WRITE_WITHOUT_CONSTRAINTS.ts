// WRITE_WITHOUT_CONSTRAINTS: Tagging actions, and Write actions that can only be granted on "*", allowed with no
// condition to narrow them. (Write actions that could be scoped to ARNs are RESOURCE_STAR's.)
import { type ActionRef, isWildcardOnly } from '../catalog';
import type { IamRule } from '../rule';
import { listNames, unconstrainedPicks } from '../risk';

/** Tagging actions, and Write actions that only accept Resource "*". */
function unscopableWrite(r: ActionRef): boolean {
  const level = r.action.accessLevel;
  return level === 'Tagging' || (level === 'Write' && isWildcardOnly(r));
}

export const WRITE_WITHOUT_CONSTRAINTS: IamRule = {
  id: 'WRITE_WITHOUT_CONSTRAINTS',
  domain: 'iam',
  defaultSeverity: 'info',
  title: 'Write or tagging actions that only a condition could narrow are granted without one.',
  appliesTo: ['identity', 'resource'],
  check(ctx) {
    const picks = unconstrainedPicks(ctx.facts, ctx.policy, unscopableWrite);
    for (const { entry, names, single } of picks) {
      ctx.report({
        message: single
          ? `${names[0]} changes resources everywhere with no condition to narrow it (e.g. aws:RequestedRegion or aws:ResourceTag)`
          : `${entry.text} grants ${names.length} write or tagging action${names.length > 1 ? 's' : ''} with no condition to narrow them (${listNames(names)})`,
        span: entry.span,
      });
    }
  },
};
