// Shared by PASS_ROLE_WITH_STAR_IN_RESOURCE and PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE: which Allow statements
// grant iam:PassRole on every role, through which action entry, and how their conditions weigh.
import type { IamRuleContext } from './rule';
import { type ActionEntry, actionList, matchListed, restrictedValues, wideResource, PASSED_TO_SERVICE } from './risk';
import { passedToServiceFixesFor, passedToServiceTargets } from './fixes';
import type { Fix, Span } from '../types';

export interface PassRoleGrant {
  readonly entry: ActionEntry;
  readonly resource: { readonly text: string; readonly span: Span };
  /** Services an iam:PassedToService condition limits the role to, when it does. */
  readonly passedTo?: readonly string[];
  /** Add an iam:PassedToService condition (none when the statement already has one). */
  readonly fixes: readonly Fix[];
}

/**
 * iam:PassRole granted on `*` or on every role (`arn:aws:iam::123456789012:role/*`). A tag or other scoping condition
 * removes the risk (no finding); iam:PassedToService only limits which service receives the role (softened).
 */
/** iam:PassRole as a list, so a pattern naming another service is refused without compiling it. */
const PASS_ROLE = actionList(['iam:PassRole']);

export function passRoleGrants(ctx: IamRuleContext, wildcardAction: boolean): PassRoleGrant[] {
  const passRole = ctx.facts.action('iam:PassRole');
  if (!passRole) return [];
  const out: PassRoleGrant[] = [];
  const statements = ctx.facts.allows(ctx.policy);
  // The services the policy's actions suggest for the fixes, worked out only once a grant needs them.
  let targets: readonly string[] | undefined;
  for (const s of statements) {
    if (ctx.facts.scoping(s, PASSED_TO_SERVICE).length > 0) continue;
    const resource = wideResource(ctx.facts, passRole, s);
    if (!resource) continue;
    const passedTo = restrictedValues(s, 'iam:PassedToService');
    for (const entry of ctx.facts.entries(s)) {
      if (entry.wildcard !== wildcardAction) continue;
      // An exact name is iam:PassRole or not; only a pattern needs matching.
      if (
        entry.lower !== 'iam:passrole' &&
        (!entry.wildcard || matchListed(PASS_ROLE, entry.text, ctx.facts.memo).length === 0)
      ) {
        continue;
      }
      targets ??= passedToServiceTargets(statements.flatMap((st) => ctx.facts.entries(st).map((e) => e.text)));
      const fixes = passedTo ? [] : passedToServiceFixesFor(ctx.text, s, targets);
      out.push({ entry, resource, fixes, ...(passedTo ? { passedTo } : {}) });
    }
  }
  return out;
}
