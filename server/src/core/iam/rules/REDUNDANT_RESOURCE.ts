// REDUNDANT_RESOURCE: a resource already matched by another entry of the same list (arn:aws:s3:::b/x next to
// arn:aws:s3:::b/*, or written twice).
import { removeArrayItem } from '../fixes';
import type { IamRule } from '../rule';
import type { StringNode } from '../../syntax/tree';

/** A matcher for "does pattern `b` match every resource pattern `a` matches?"; a `?` of b never stands for a `*` of a. */
export function coverMatcher(b: string): (a: string) => boolean {
  if (b === '*') return () => true;
  // One pass over the pattern: `*` and `?` become their expressions, other special characters are escaped.
  const src = b.replace(/[\\^$.|+()[\]{}*?]/g, (ch) => (ch === '*' ? '.*' : ch === '?' ? '[^*]' : `\\${ch}`));
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
        // A pattern that is its start and then only `*` (`arn:aws:s3:::b/*`) covers exactly the texts with that start.
        const starOnly: boolean[] = [];
        const starts = items.map((n, j) => {
          if (n.kind !== 'string') return undefined;
          const wild = n.value.search(/[*?]/);
          if (wild < 0) return undefined;
          starOnly[j] = /^\**$/.test(n.value.slice(wild));
          return n.value.slice(0, wild);
        });
        const cover = (j: number, a: string): boolean => {
          const b = items[j];
          if (b?.kind !== 'string') return false;
          const start = starts[j];
          if (start === undefined) return a === b.value;
          if (!a.startsWith(start)) return false;
          return starOnly[j] === true || (matchers[j] ??= coverMatcher(b.value))(a);
        };
        // An entry is redundant by the first entry (in list order) that is the same text written earlier, or a
        // pattern covering it. Only patterns can cover another text, so a long list of plain ARNs is not compared
        // pair by pair: the first earlier copy comes from a table, the covering patterns from their own short list.
        const firstIndex = new Map<string, number>();
        const patterns: number[] = [];
        items.forEach((n, j) => {
          if (n.kind !== 'string') return;
          if (!firstIndex.has(n.value)) firstIndex.set(n.value, j);
          if (starts[j] !== undefined) patterns.push(j);
        });
        items.forEach((item, i) => {
          if (item.kind !== 'string') return;
          const copy = firstIndex.get(item.value);
          let found = copy !== undefined && copy < i ? copy : items.length;
          for (const j of patterns) {
            if (j >= found) break;
            const other = items[j] as StringNode;
            if (j === i || other.value === item.value) continue;
            if (cover(j, item.value) && !(cover(i, other.value) && j > i)) found = j;
          }
          const by = found < items.length ? (items[found] as StringNode) : undefined;
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
