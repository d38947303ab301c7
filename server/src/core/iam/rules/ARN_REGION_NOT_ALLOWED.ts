// ARN_REGION_NOT_ALLOWED: a resource ARN IAM cannot match against any real resource: the statement silently applies to
// nothing. The field checks are shared by the INVALID_ARN_* family (validity.ts).
import type { IamRule } from '../rule';
import { arnFixes, forEachArnProblem } from '../validity';

export const ARN_REGION_NOT_ALLOWED: IamRule = {
  id: 'ARN_REGION_NOT_ALLOWED',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'A resource ARN has a Region although resources of that kind have none (S3 buckets, IAM roles).',
  check(ctx) {
    forEachArnProblem(ctx, 'ARN_REGION_NOT_ALLOWED', (f, node) =>
      ctx.report({ message: f.message, span: f.span, fixes: arnFixes(ctx.text, node, f) }),
    );
  },
};
