// MISSING_RESOURCE: identity and resource policy statements name what they apply to (trust policies must not).
import type { IamRule } from '../rule';
import { statementAnchor } from '../validity';

export const MISSING_RESOURCE: IamRule = {
  id: 'MISSING_RESOURCE',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'A statement of an identity or resource policy has neither Resource nor NotResource.',
  appliesTo: ['identity', 'resource'],
  check(ctx) {
    for (const s of ctx.policy.statements) {
      if (s.resource || s.notResource) continue;
      ctx.report({ message: `Statement ${s.index + 1} has no Resource or NotResource`, span: statementAnchor(s) });
    }
  },
};
