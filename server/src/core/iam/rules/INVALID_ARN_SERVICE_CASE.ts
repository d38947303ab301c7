// INVALID_ARN_SERVICE_CASE: a resource ARN IAM cannot match against any real resource: the statement silently applies to
// nothing. The field checks are shared by the INVALID_ARN_* family (validity.ts).
import type { IamRule } from '../rule';
import { arnFixes, forEachArnProblem } from '../validity';

export const INVALID_ARN_SERVICE_CASE: IamRule = {
  id: 'INVALID_ARN_SERVICE_CASE',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'The service field of a resource ARN is not lower case.',
  check(ctx) {
    forEachArnProblem(ctx, 'INVALID_ARN_SERVICE_CASE', (f, node) =>
      ctx.report({ message: f.message, span: f.span, fixes: arnFixes(ctx.text, node, f) }),
    );
  },
};
