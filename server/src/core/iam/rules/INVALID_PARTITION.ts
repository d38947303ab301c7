// INVALID_PARTITION: a resource ARN IAM cannot match against any real resource: the statement silently applies to
// nothing. The field checks are shared by the INVALID_ARN_* family (validity.ts).
import type { IamRule } from '../rule';
import { arnFixes, forEachArnProblem } from '../validity';

export const INVALID_PARTITION: IamRule = {
  id: 'INVALID_PARTITION',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'A resource ARN names a partition that does not exist.',
  check(ctx) {
    forEachArnProblem(ctx, 'INVALID_PARTITION', (f, node) =>
      ctx.report({ message: f.message, span: f.span, fixes: arnFixes(ctx.text, node, f) }),
    );
  },
};
