// INVALID_ARN_SERVICE_CASE: a resource ARN that IAM cannot match against any real resource, so the statement silently applies to
// nothing. The field checks are shared by the INVALID_ARN_* family (validity.ts).
import type { IamRule } from '../rule';
import { forEachArnProblem } from '../validity';

export const INVALID_ARN_SERVICE_CASE: IamRule = {
  id: 'INVALID_ARN_SERVICE_CASE',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'The service field of a resource ARN is not lower case.',
  check(ctx) {
    forEachArnProblem(ctx.data, ctx.policy, 'INVALID_ARN_SERVICE_CASE', (f) =>
      ctx.report({ message: f.message, span: f.span }),
    );
  },
};
