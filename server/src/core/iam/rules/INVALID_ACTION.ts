// INVALID_ACTION: the action is not in the service's catalogue (a typo or a made-up name), or is not written as
// service:Action, or its wildcard matches no action at all. An action another snapshot of the catalogue lists (removed
// since, or newer than ours) is a warning: AWS accepts it, we cannot vouch for it.
import { findService, hasWildcard, isFormerAction, splitAction, suggestActions } from '../catalog';
import { didYouMeanFixes } from '../fixes';
import type { IamRule } from '../rule';
import { literals } from '../validity';

export const INVALID_ACTION: IamRule = {
  id: 'INVALID_ACTION',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'An action does not exist in its service, or is not written as service:Action.',
  check(ctx) {
    const { data, text } = ctx;
    for (const s of ctx.policy.statements) {
      for (const v of [...literals(s.action), ...literals(s.notAction)]) {
        const name = v.value;
        if (name === '*' || name.includes('${')) continue;
        const parts = splitAction(name);
        if (!parts || parts.action === '') {
          ctx.report({ message: `Action ${name} must be written as service:ActionName (or "*")`, span: v.span });
          continue;
        }
        if (hasWildcard(parts.service) || !findService(data, parts.service)) continue; // other rules
        if (hasWildcard(parts.action)) {
          if (ctx.facts.expand(name).length === 0) {
            ctx.report({ message: `Action pattern ${name} matches no ${parts.service} action`, span: v.span });
          }
          continue;
        }
        if (ctx.facts.action(name)) continue;
        if (isFormerAction(data, name)) {
          ctx.report({
            message: `Action ${name} is not in the current catalogue (another snapshot of it lists the action); check that it still exists`,
            span: v.span,
            severity: 'warning',
          });
          continue;
        }
        const close = suggestActions(data, name);
        const hint = close[0] ? `; did you mean ${close[0]}?` : '';
        ctx.report({
          message: `Action ${name} does not exist in ${parts.service}${hint}`,
          span: v.span,
          fixes: didYouMeanFixes(text, v, close, 'action'),
        });
      }
    }
  },
};
