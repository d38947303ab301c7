// MISSING_ARN_FIELD: a resource ARN IAM cannot match against any real resource: the statement silently applies to
// nothing. The field checks are shared by the INVALID_ARN_* family (validity.ts).
import type { IamRule } from '../rule';
import { arnFixes, forEachArnProblem } from '../validity';

export const MISSING_ARN_FIELD: IamRule = {
  id: 'MISSING_ARN_FIELD',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'A resource ARN has fewer than the six fields arn:partition:service:region:account:resource.',
  check(ctx) {
    forEachArnProblem(ctx, 'MISSING_ARN_FIELD', (f, node) =>
      ctx.report({ message: f.message, span: f.span, fixes: arnFixes(ctx.text, node, f) }),
    );
  },
};
