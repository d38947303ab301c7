// REDUNDANT_ACTION: an action already granted by another entry of the same list (s3:GetObject next to s3:Get*, or
// written twice) adds nothing and hides what the statement really grants.
import { type GlobMatcher, hasWildcard } from '../catalog';

/** The matcher of an exact entry: never used as a pattern. */
const NEVER: GlobMatcher = { test: () => false };
import { removeArrayItem } from '../fixes';
import type { IamRule, IamRuleContext } from '../rule';
import type { IamFacts } from '../facts';
import type { ArrayNode, StringNode } from '../../syntax/tree';

interface Entry {
  readonly node: StringNode;
  readonly index: number;
  readonly lower: string;
  readonly wildcard: boolean;
  readonly regex: GlobMatcher;
  /** A wildcard's literal start, before its first `*` or `?` ('s3:get' for s3:Get*). */
  readonly start: string;
}

/** Does wildcard entry `b` grant everything entry `a` grants? */
function covers(facts: IamFacts, b: Entry, a: Entry, expansions: Map<number, readonly string[]>): boolean {
  if (b.lower === '*') return true;
  if (!a.wildcard) return b.regex.test(a.lower);
  let granted = expansions.get(a.index);
  if (!granted) {
    granted = facts.expand(a.node.value).map((r) => r.fullName);
    expansions.set(a.index, granted);
  }
  return granted.length > 0 && granted.every((name) => b.regex.test(name));
}

export const REDUNDANT_ACTION: IamRule = {
  id: 'REDUNDANT_ACTION',
  domain: 'iam',
  defaultSeverity: 'hint',
  title: 'An action of a statement is already granted by another action entry of the same statement.',
  check(ctx) {
    const { facts } = ctx;
    for (const s of ctx.policy.statements) {
      for (const list of [s.action, s.notAction]) {
        if (list?.node.kind !== 'array') continue;
        const array = list.node;
        // Most lists name exact actions only: then only a name written twice is redundant, found with one table.
        if (!array.items.some((n) => n.kind === 'string' && hasWildcard(n.value))) {
          reportCopies(ctx, array);
          continue;
        }
        const entries: Entry[] = [];
        array.items.forEach((node, index) => {
          if (node.kind !== 'string' || node.value.includes('${')) return;
          const wildcard = hasWildcard(node.value);
          const lower = node.value.toLowerCase();
          entries.push({
            node,
            index,
            lower,
            wildcard,
            regex: wildcard ? facts.memo.glob(node.value) : NEVER,
            start: wildcard ? lower.slice(0, lower.search(/[*?]/)) : lower,
          });
        });
        // Wildcards by their literal start ('s3:get' for s3:Get*): a wildcard can only cover a name its start is a
        // prefix of, or a pattern whose own start runs along with it, so each entry is tried against a few
        // candidates (in list order) instead of every wildcard of a long list.
        const wildcards = entries.filter((e) => e.wildcard);
        // And by the service their start names ('s3' of s3:Get*): a name or pattern of one service is only tried
        // against that service's wildcards and those whose start names no service (`*`, `s3*`), not the whole list
        // (ReadOnlyAccess holds hundreds of each).
        const byService = new Map<string, Entry[]>();
        const anyService: Entry[] = [];
        for (const w of wildcards) {
          const colon = w.start.indexOf(':');
          if (colon < 0) anyService.push(w);
          else {
            const service = w.start.slice(0, colon);
            const list = byService.get(service);
            if (list) list.push(w);
            else byService.set(service, [w]);
          }
        }
        const firstOf = new Map<string, Entry>();
        const expansions = new Map<number, readonly string[]>();
        const candidates = (item: Entry): readonly Entry[] => {
          if (wildcards.length === 0) return [];
          const own = item.start;
          const colon = own.indexOf(':');
          const pool = colon < 0 ? wildcards : inListOrder(byService.get(own.slice(0, colon)) ?? [], anyService);
          if (item.wildcard) return pool.filter((w) => w.start.startsWith(own) || own.startsWith(w.start));
          return pool.filter((w) => own.startsWith(w.start));
        };
        for (const item of entries) {
          // Of two equal entries the later one is the redundant one.
          let by = firstOf.get(item.lower);
          if (!by) firstOf.set(item.lower, item);
          by ??= candidates(item).find(
            (w) =>
              w.index !== item.index &&
              w.lower !== item.lower &&
              covers(facts, w, item, expansions) &&
              // Two patterns granting the same actions: only the later one is redundant.
              !(item.wildcard && w.index > item.index && covers(facts, item, w, expansions)),
          );
          if (by) reportRedundant(ctx, array, item.node, item.index, by.node);
        }
      }
    }
  },
};

/** Two lists of entries, each in list order, as one in list order. */
function inListOrder(a: readonly Entry[], b: readonly Entry[]): readonly Entry[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: Entry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.index < b[j]!.index)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/** Reports `item` (at `index` of the list) as redundant next to `by`, with the fix that removes it. */
function reportRedundant(ctx: IamRuleContext, array: ArrayNode, item: StringNode, index: number, by: StringNode): void {
  ctx.report({
    message: `Action ${item.value} is redundant: ${by.value} already covers it`,
    span: item.span,
    related: [{ span: by.span, message: `${by.value} covers ${item.value}` }],
    fixes: () => {
      const edit = removeArrayItem(ctx.text, array, index);
      return edit ? [{ title: `Remove ${item.value}`, edits: [edit], preferred: true }] : [];
    },
  });
}

/** A list of exact names: each name written again (in any case) is redundant next to its first writing. */
function reportCopies(ctx: IamRuleContext, array: ArrayNode): void {
  const first = new Map<string, StringNode>();
  array.items.forEach((node, index) => {
    if (node.kind !== 'string' || node.value.includes('${')) return;
    const lower = node.value.toLowerCase();
    const by = first.get(lower);
    if (by) reportRedundant(ctx, array, node, index, by);
    else first.set(lower, node);
  });
}
