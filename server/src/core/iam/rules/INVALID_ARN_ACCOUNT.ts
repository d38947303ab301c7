// INVALID_ARN_ACCOUNT: a resource ARN IAM cannot match against any real resource: the statement silently applies to
// nothing. The field checks are shared by the INVALID_ARN_* family (validity.ts).
import type { IamRule } from '../rule';
import { arnFixes, forEachArnProblem } from '../validity';

export const INVALID_ARN_ACCOUNT: IamRule = {
  id: 'INVALID_ARN_ACCOUNT',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'The account field of a resource ARN is not a 12-digit account ID.',
  check(ctx) {
    forEachArnProblem(ctx, 'INVALID_ARN_ACCOUNT', (f, node) =>
      ctx.report({ message: f.message, span: f.span, fixes: arnFixes(ctx.text, node, f) }),
    );
  },
};
