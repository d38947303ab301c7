// FULL_ADMIN: an Allow statement grants every action on every resource.
import type { IamRule } from '../rule';
import { hasStarResource, isStar, literal } from '../risk';

export const FULL_ADMIN: IamRule = {
  id: 'FULL_ADMIN',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'An Allow statement grants every action on every resource (full administrator access).',
  appliesTo: ['identity', 'resource'],
  check(ctx) {
    for (const s of ctx.facts.allows(ctx.policy)) {
      const everywhere = hasStarResource(s) || s.notResource !== undefined;
      if (!everywhere) continue;
      const star = ctx.facts.entries(s).find((e) => e.all);
      if (!star) continue;
      const resource = s.resource?.values.find((v) => isStar(literal(v) ?? ''));
      const where = resource ? 'Resource "*"' : 'NotResource';
      const narrowing = ctx.facts.scoping(s);
      const first = narrowing[0];
      ctx.report({
        message: first
          ? `Action "${star.text}" with ${where} grants every action on every resource that the condition on ${first.key} allows`
          : `Action "${star.text}" with ${where} grants every action on every resource (full administrator access)`,
        span: star.span,
        ...(first ? { severity: 'info' as const } : {}),
        ...(resource ? { related: [{ span: resource.span, message: 'every resource' }] } : {}),
      });
    }
  },
};
