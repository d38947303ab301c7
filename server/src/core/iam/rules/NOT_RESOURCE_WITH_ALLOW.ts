// NOT_RESOURCE_WITH_ALLOW: "Allow on everything except…" reaches every resource created later too.
import type { IamRule } from '../rule';
import { listNames, literal } from '../risk';

export const NOT_RESOURCE_WITH_ALLOW: IamRule = {
  id: 'NOT_RESOURCE_WITH_ALLOW',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'An Allow statement uses NotResource, granting its actions on every resource except those listed.',
  appliesTo: ['identity', 'resource'],
  check(ctx) {
    for (const s of ctx.facts.allows(ctx.policy)) {
      if (!s.notResource) continue;
      const excluded = s.notResource.values.map((v) => literal(v) ?? '(computed)');
      const actions = s.notAction ? ['every action but a few'] : ctx.facts.entries(s).map((e) => e.text);
      const narrowing = ctx.facts.scoping(s)[0];
      const what = actions.length ? listNames(actions) : 'its actions';
      const except = excluded.length ? `every resource except ${listNames(excluded, 2)}` : 'every resource';
      ctx.report({
        message: `Allow with NotResource grants ${what} on ${except}${narrowing ? ` (narrowed by the condition on ${narrowing.key})` : ''}; list the allowed resources instead`,
        span: s.notResource.node.span,
        ...(narrowing ? { severity: 'info' as const } : {}),
      });
    }
  },
};
