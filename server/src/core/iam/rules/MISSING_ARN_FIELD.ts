// MISSING_ARN_FIELD: a resource ARN that IAM cannot match against any real resource, so the statement silently applies to
// nothing. The field checks are shared by the INVALID_ARN_* family (validity.ts).
import type { IamRule } from '../rule';
import { forEachArnProblem } from '../validity';

export const MISSING_ARN_FIELD: IamRule = {
  id: 'MISSING_ARN_FIELD',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'A resource ARN has fewer than the six fields arn:partition:service:region:account:resource.',
  check(ctx) {
    forEachArnProblem(ctx.data, ctx.policy, 'MISSING_ARN_FIELD', (f) =>
      ctx.report({ message: f.message, span: f.span }),
    );
  },
};
