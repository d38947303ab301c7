// INVALID_SERVICE_IN_ACTION: the service prefix of an action is not an AWS service (typo, or a service name
// instead of its prefix, e.g. "dynamo:GetItem"). A retired service (deeplens, iot1click, …) is a warning that says so:
// AWS still stores policies naming it, and the action simply grants nothing any more.
import { findRetiredService, findService, hasWildcard, splitAction, suggestServices } from '../catalog';
import { retiredReason } from '../data';
import { didYouMeanFixes } from '../fixes';
import type { IamRule } from '../rule';
import { literals } from '../validity';

export const INVALID_SERVICE_IN_ACTION: IamRule = {
  id: 'INVALID_SERVICE_IN_ACTION',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'The service prefix of an action does not exist.',
  check(ctx) {
    for (const s of ctx.policy.statements) {
      // An Action entry the catalogue resolved names a known service: only the others are taken apart.
      const unresolved = ctx.facts
        .entries(s)
        .filter((e) => e.ref === undefined)
        .map((e) => e.node);
      for (const v of [...unresolved, ...literals(s.notAction)]) {
        const parts = splitAction(v.value);
        if (!parts || hasWildcard(parts.service) || parts.service.includes('${')) continue;
        if (findService(ctx.data, parts.service)) continue;
        const retired = findRetiredService(ctx.data, parts.service);
        if (retired) {
          ctx.report({
            message: `Service ${parts.service} in action ${v.value} no longer exists (${retiredReason(retired)}); the action grants nothing`,
            span: v.span,
            severity: 'warning',
          });
          continue;
        }
        const close = suggestServices(ctx.data, parts.service);
        const hint = close[0] ? `; did you mean ${close[0]}?` : '';
        ctx.report({
          message: `Service ${parts.service} in action ${v.value} does not exist${hint}`,
          span: v.span,
          fixes: didYouMeanFixes(
            ctx.text,
            v,
            close.map((p) => `${p}:${parts.action}`),
            'action',
          ),
        });
      }
    }
  },
};
