// INVALID_ARN_PREFIX: a resource ARN IAM cannot match against any real resource: the statement silently applies to
// nothing. The field checks are shared by the INVALID_ARN_* family (validity.ts).
import type { IamRule } from '../rule';
import { arnFixes, forEachArnProblem } from '../validity';

export const INVALID_ARN_PREFIX: IamRule = {
  id: 'INVALID_ARN_PREFIX',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'A Resource value is neither "*" nor an ARN starting with arn:.',
  check(ctx) {
    forEachArnProblem(ctx, 'INVALID_ARN_PREFIX', (f, node) =>
      ctx.report({ message: f.message, span: f.span, fixes: arnFixes(ctx.text, node, f) }),
    );
  },
};
