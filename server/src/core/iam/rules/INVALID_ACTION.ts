// INVALID_ACTION: the action is not in the service's catalogue (a typo or a made-up name), or is not written as
// service:Action, or its wildcard matches no action at all. An action another snapshot of the catalogue lists (removed
// since, or newer than ours) is a warning: AWS accepts it, we cannot vouch for it.
import { findService, hasWildcard, isFormerAction, splitAction, suggestActions } from '../catalog';
import type { CatalogMemo } from '../catalogMemo';
import { didYouMeanFixes } from '../fixes';
import type { IamRule } from '../rule';
import { literals } from '../validity';

/** What the rule says about one action name, or undefined when it is fine (or another rule's business). */
interface Verdict {
  readonly message: string;
  readonly severity?: 'warning';
  /** Suggestions, for the did-you-mean fixes of an unknown action. */
  readonly close?: readonly string[];
}

/** The verdict depends only on the name and the catalogue: worked out once per name (CatalogMemo.answer). */
function verdict(name: string, memo: CatalogMemo): Verdict | undefined {
  const data = memo.data;
  if (name === '*' || name.includes('${')) return undefined;
  const parts = splitAction(name);
  if (!parts || parts.action === '')
    return { message: `Action ${name} must be written as service:ActionName (or "*")` };
  if (hasWildcard(parts.service) || !findService(data, parts.service)) return undefined; // other rules
  if (hasWildcard(parts.action)) {
    return memo.expand(name).length === 0
      ? { message: `Action pattern ${name} matches no ${parts.service} action` }
      : undefined;
  }
  if (memo.action(name)) return undefined;
  if (isFormerAction(data, name)) {
    return {
      message: `Action ${name} is not in the current catalogue (another snapshot of it lists the action); check that it still exists`,
      severity: 'warning',
    };
  }
  const close = suggestActions(data, name);
  const hint = close[0] ? `; did you mean ${close[0]}?` : '';
  return { message: `Action ${name} does not exist in ${parts.service}${hint}`, close };
}

export const INVALID_ACTION: IamRule = {
  id: 'INVALID_ACTION',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'An action does not exist in its service, or is not written as service:Action.',
  check(ctx) {
    for (const s of ctx.policy.statements) {
      // An Action entry that resolved to a catalogue action is fine: no verdict to look up.
      const unresolved = ctx.facts.entries(s).filter((e) => e.ref === undefined);
      for (const v of [...unresolved.map((e) => e.node), ...literals(s.notAction)]) {
        const found = ctx.facts.memo.answer(v.value, verdict);
        if (!found) continue;
        ctx.report({
          message: found.message,
          span: v.span,
          ...(found.severity ? { severity: found.severity } : {}),
          ...(found.close ? { fixes: didYouMeanFixes(ctx.text, v, found.close, 'action') } : {}),
        });
      }
    }
  },
};
