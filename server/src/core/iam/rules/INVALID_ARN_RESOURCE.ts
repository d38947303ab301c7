// INVALID_ARN_RESOURCE: a resource ARN IAM cannot match against any real resource: the statement silently applies to
// nothing. The field checks are shared by the INVALID_ARN_* family (validity.ts).
import type { IamRule } from '../rule';
import { arnFixes, forEachArnProblem } from '../validity';

export const INVALID_ARN_RESOURCE: IamRule = {
  id: 'INVALID_ARN_RESOURCE',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'The resource part of an ARN matches none of the resource types of its service.',
  check(ctx) {
    forEachArnProblem(ctx, 'INVALID_ARN_RESOURCE', (f, node) =>
      ctx.report({ message: f.message, span: f.span, fixes: arnFixes(ctx.text, node, f) }),
    );
  },
};
