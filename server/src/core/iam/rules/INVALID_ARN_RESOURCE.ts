// INVALID_ARN_RESOURCE: a resource ARN that IAM cannot match against any real resource, so the statement silently applies to
// nothing. The field checks are shared by the INVALID_ARN_* family (validity.ts).
import type { IamRule } from '../rule';
import { forEachArnProblem } from '../validity';

export const INVALID_ARN_RESOURCE: IamRule = {
  id: 'INVALID_ARN_RESOURCE',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'The resource part of an ARN matches none of the resource types of its service.',
  check(ctx) {
    forEachArnProblem(ctx.data, ctx.policy, 'INVALID_ARN_RESOURCE', (f) =>
      ctx.report({ message: f.message, span: f.span }),
    );
  },
};
