// INVALID_ARN_RESOURCE: a resource ARN IAM cannot match against any resource type the catalogue knows: the statement
// may silently apply to nothing. A warning, not an error: IAM accepts such ARNs, and the service reference omits some
// real forms (AWS's own managed policies use WAF change tokens, log groups without `log-group:`, …).
// The field checks are shared by the INVALID_ARN_* family (validity.ts).
import type { IamRule } from '../rule';
import { arnFixes, forEachArnProblem } from '../validity';

export const INVALID_ARN_RESOURCE: IamRule = {
  id: 'INVALID_ARN_RESOURCE',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'The resource part of an ARN matches none of the resource types of its service.',
  check(ctx) {
    forEachArnProblem(ctx, 'INVALID_ARN_RESOURCE', (f, node) =>
      ctx.report({ message: f.message, span: f.span, fixes: arnFixes(ctx.text, node, f) }),
    );
  },
};
