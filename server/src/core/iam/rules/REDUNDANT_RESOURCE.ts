// REDUNDANT_RESOURCE: a resource already matched by another entry of the same list (arn:aws:s3:::b/x next to
// arn:aws:s3:::b/*, or written twice).
import { removeArrayItem } from '../fixes';
import type { IamRule } from '../rule';
import type { StringNode } from '../../syntax/tree';

/** A matcher for "does pattern `b` match every resource pattern `a` matches?"; a `?` of b never stands for a `*` of a. */
export function coverMatcher(b: string): (a: string) => boolean {
  if (b === '*') return () => true;
  let src = '';
  for (const ch of b) {
    if (ch === '*') src += '.*';
    else if (ch === '?') src += '[^*]';
    else src += ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  const re = new RegExp(`^${src}$`, 's');
  return (a) => re.test(a);
}

export function resourceCovers(b: string, a: string): boolean {
  return coverMatcher(b)(a);
}

export const REDUNDANT_RESOURCE: IamRule = {
  id: 'REDUNDANT_RESOURCE',
  domain: 'iam',
  defaultSeverity: 'hint',
  title: 'A resource of a statement is already matched by another resource entry of the same statement.',
  check(ctx) {
    const { text } = ctx;
    for (const s of ctx.policy.statements) {
      for (const list of [s.resource, s.notResource]) {
        if (list?.node.kind !== 'array') continue;
        const array = list.node;
        const items = array.items;
        // Each matcher is compiled on first need, and only for a pattern whose literal start (before its first `*`
        // or `?`) `a` begins with: the pattern is anchored and case-sensitive, so no other `a` can match it.
        const matchers: ((a: string) => boolean)[] = [];
        const wilds = items.map((n) => (n.kind === 'string' ? n.value.search(/[*?]/) : -1));
        const cover = (j: number, a: string): boolean => {
          const b = items[j];
          if (b?.kind !== 'string') return false;
          const wild = wilds[j] ?? -1;
          if (wild < 0) return a === b.value;
          if (!a.startsWith(b.value.slice(0, wild))) return false;
          return (matchers[j] ??= coverMatcher(b.value))(a);
        };
        items.forEach((item, i) => {
          if (item.kind !== 'string') return;
          const by = items.find((other, j): other is StringNode => {
            if (j === i || other.kind !== 'string') return false;
            if (other.value === item.value) return j < i;
            return cover(j, item.value) && !(cover(i, other.value) && j > i);
          });
          if (!by) return;
          ctx.report({
            message: `Resource ${item.value} is redundant: ${by.value} already matches it`,
            span: item.span,
            related: [{ span: by.span, message: `${by.value} matches ${item.value}` }],
            fixes: () => {
              const edit = removeArrayItem(text, array, i);
              return edit ? [{ title: `Remove ${item.value}`, edits: [edit], preferred: true }] : [];
            },
          });
        });
      }
    }
  },
};
