// REDUNDANT_ACTION: an action already granted by another entry of the same list (s3:GetObject next to s3:Get*, or
// written twice) adds nothing and hides what the statement really grants.
import { actionMatches, expandActionPattern, hasWildcard } from '../catalog';
import { removeArrayItem } from '../fixes';
import type { IamRule } from '../rule';
import type { IamData } from '../data';
import type { StringNode } from '../../syntax/tree';

/** Does pattern `b` grant everything `a` grants? */
function covers(data: IamData, b: string, a: string): boolean {
  if (b === '*') return true;
  if (!hasWildcard(a)) return actionMatches(b, a);
  if (!hasWildcard(b)) return false;
  const granted = expandActionPattern(data, a);
  return granted.length > 0 && granted.every((r) => actionMatches(b, r.fullName));
}

export const REDUNDANT_ACTION: IamRule = {
  id: 'REDUNDANT_ACTION',
  domain: 'iam',
  defaultSeverity: 'hint',
  title: 'An action of a statement is already granted by another action entry of the same statement.',
  check(ctx) {
    const { data, text } = ctx;
    for (const s of ctx.policy.statements) {
      for (const list of [s.action, s.notAction]) {
        if (list?.node.kind !== 'array') continue;
        const array = list.node;
        const items = array.items;
        items.forEach((item, i) => {
          if (item.kind !== 'string' || item.value.includes('${')) return;
          const by = items.find((other, j): other is StringNode => {
            if (j === i || other.kind !== 'string' || other.value.includes('${')) return false;
            const same = other.value.toLowerCase() === item.value.toLowerCase();
            // Of two equal entries the later one is the redundant one.
            if (same) return j < i;
            return covers(data, other.value, item.value) && !(covers(data, item.value, other.value) && j > i);
          });
          if (!by) return;
          const edit = removeArrayItem(text, array, i);
          ctx.report({
            message: `Action ${item.value} is redundant: ${by.value} already covers it`,
            span: item.span,
            related: [{ span: by.span, message: `${by.value} covers ${item.value}` }],
            ...(edit ? { fixes: [{ title: `Remove ${item.value}`, edits: [edit], preferred: true }] } : {}),
          });
        });
      }
    }
  },
};
