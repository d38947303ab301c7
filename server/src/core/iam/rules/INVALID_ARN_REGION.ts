// INVALID_ARN_REGION: a resource ARN IAM cannot match against any real resource: the statement silently applies to
// nothing. The field checks are shared by the INVALID_ARN_* family (validity.ts).
import type { IamRule } from '../rule';
import { arnFixes, forEachArnProblem } from '../validity';

export const INVALID_ARN_REGION: IamRule = {
  id: 'INVALID_ARN_REGION',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'The Region field of a resource ARN is not a Region.',
  check(ctx) {
    forEachArnProblem(ctx, 'INVALID_ARN_REGION', (f, node) =>
      ctx.report({ message: f.message, span: f.span, fixes: arnFixes(ctx.text, node, f) }),
    );
  },
};
