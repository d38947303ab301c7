// NOT_ACTION_WITH_ALLOW: "Allow everything except…" grants every action AWS adds later too.
import type { IamRule } from '../rule';
import { hasStarResource, listNames, literal } from '../risk';

export const NOT_ACTION_WITH_ALLOW: IamRule = {
  id: 'NOT_ACTION_WITH_ALLOW',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'An Allow statement uses NotAction, granting every action except those listed (and any added later).',
  appliesTo: ['identity', 'resource'],
  check(ctx) {
    for (const s of ctx.facts.allows(ctx.policy)) {
      if (!s.notAction) continue;
      const excluded = s.notAction.values.map((v) => literal(v) ?? '(computed)');
      const everywhere = hasStarResource(s) || s.notResource !== undefined;
      const narrowing = ctx.facts.scoping(s)[0];
      const what = excluded.length ? `every action except ${listNames(excluded)}` : 'every action';
      const where = everywhere ? 'on every resource' : 'on the listed resources';
      const soft = !everywhere || narrowing !== undefined;
      ctx.report({
        message: `Allow with NotAction grants ${what} ${where}${narrowing ? ` (narrowed by the condition on ${narrowing.key})` : ''}; list the allowed actions instead`,
        span: s.notAction.node.span,
        ...(soft ? { severity: 'info' as const } : {}),
      });
    }
  },
};
