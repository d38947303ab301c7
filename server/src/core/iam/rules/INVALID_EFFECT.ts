// INVALID_EFFECT: Effect is exactly "Allow" or "Deny" (case-sensitive).
import { replaceString } from '../fixes';
import type { IamRule } from '../rule';

export const INVALID_EFFECT: IamRule = {
  id: 'INVALID_EFFECT',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'The Effect element is not "Allow" or "Deny".',
  check(ctx) {
    for (const s of ctx.policy.statements) {
      const prop = s.node.properties.find((p) => p.key.toLowerCase() === 'effect');
      const node = prop?.value;
      if (!node || node.kind === 'dynamic') continue;
      if (node.kind === 'string' && (node.value === 'Allow' || node.value === 'Deny')) continue;
      const shown = node.kind === 'string' ? node.value : ctx.text.slice(node.span.start, node.span.end);
      const lower = node.kind === 'string' ? node.value.toLowerCase() : '';
      const to = lower.startsWith('d') ? 'Deny' : lower.startsWith('a') ? 'Allow' : undefined;
      ctx.report({
        message: `Effect ${shown} is not valid: use Allow or Deny`,
        span: node.span,
        ...(to && node.kind === 'string'
          ? {
              fixes: [{ title: `Change Effect to ${to}`, edits: [replaceString(ctx.text, node, to)], preferred: true }],
            }
          : {}),
      });
    }
  },
};
