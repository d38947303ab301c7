// PRIVILEGE_ESCALATION: the policy's Allow statements, taken together, grant every action of a known escalation
// method (escalation.ts) on every resource those actions touch. Reported on the action entries involved.
import type { ActionRef } from '../catalog';
import { ESCALATION_METHODS, type EscalationMethod } from '../escalation';
import type { IamRule } from '../rule';
import {
  actionList,
  actionMatcher,
  hasStarResource,
  listNames,
  literal,
  matchListed,
  mayReachAll,
  reachesAll,
  restrictedValues,
  PASSED_TO_SERVICE,
} from '../risk';
import type { Span } from '../../types';

/** Where the policy grants one action without resource constraint. */
interface Source {
  readonly text: string;
  readonly span: Span;
  /** Services an iam:PassedToService condition limits a passed role to (PassRole only). */
  readonly passedTo?: readonly string[];
}

interface Enabled {
  readonly method: EscalationMethod;
  /** One source per method action, in the method's order. */
  readonly sources: readonly Source[];
}

function passesTo(source: Source, method: EscalationMethod): boolean {
  if (!source.passedTo || !method.passedTo) return true;
  return source.passedTo.some((v) => method.passedTo?.some((p) => actionMatcher(v)(p)));
}

/** Every action some method needs: lower-case name → canonical name. */
const METHOD_ACTIONS: ReadonlyMap<string, string> = new Map(
  ESCALATION_METHODS.flatMap((m) => m.actions.map((a) => [a.toLowerCase(), a] as const)),
);
const METHOD_LIST = actionList([...METHOD_ACTIONS.values()]);

/** The methods with their actions in lower case, as `sources` is keyed. */
const METHODS: readonly { readonly method: EscalationMethod; readonly lower: readonly string[] }[] =
  ESCALATION_METHODS.map((method) => ({ method, lower: method.actions.map((a) => a.toLowerCase()) }));

function spanKey(span: Span): string {
  return `${span.start}:${span.end}`;
}

export const PRIVILEGE_ESCALATION: IamRule = {
  id: 'PRIVILEGE_ESCALATION',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'The policy grants every action of a known privilege-escalation method on every resource.',
  appliesTo: ['identity'],
  check(ctx) {
    const statements = ctx.facts
      .allows(ctx.policy)
      .filter((s) => mayReachAll(s) && ctx.facts.scoping(s, PASSED_TO_SERVICE).length === 0);
    if (statements.length === 0) return;
    // Resolve catalogue entries only for the method actions some entry grants.
    const resolved = new Map<string, ActionRef | undefined>();
    const resolve = (name: string): ActionRef | undefined => {
      if (!resolved.has(name)) resolved.set(name, ctx.facts.action(METHOD_ACTIONS.get(name) ?? name));
      return resolved.get(name);
    };
    // Every place each wanted action is granted on every resource.
    const sources = new Map<string, Source[]>();
    const add = (name: string, source: Source): void => {
      const list = sources.get(name) ?? [];
      list.push(source);
      sources.set(name, list);
    };
    for (const s of statements) {
      const passedTo = restrictedValues(s, 'iam:PassedToService');
      const extra = passedTo ? { passedTo } : {};
      const fullAdmin = hasStarResource(s) || s.notResource !== undefined;
      for (const entry of ctx.facts.entries(s)) {
        if (fullAdmin && entry.all) continue; // FULL_ADMIN says it all.
        // An exact name is one lookup; only wildcards are matched against every method action.
        const lower = entry.lower;
        let hits: string[];
        if (entry.wildcard) {
          hits = matchListed(METHOD_LIST, entry.text, ctx.facts.memo).map((n) => n.toLowerCase());
        } else hits = METHOD_ACTIONS.has(lower) ? [lower] : [];
        for (const name of hits) {
          const ref = resolve(name);
          if (ref && reachesAll(ctx.facts, ref, s)) add(name, { text: entry.text, span: entry.span, ...extra });
        }
      }
      if (s.notAction) {
        const texts = s.notAction.values.map(literal);
        if (texts.some((t) => t === undefined)) continue;
        const excluded = (texts as string[]).map((t) => actionMatcher(t, ctx.facts.memo));
        for (const [name, canonical] of METHOD_ACTIONS) {
          if (excluded.some((m) => m(canonical))) continue;
          const ref = resolve(name);
          if (ref && reachesAll(ctx.facts, ref, s))
            add(name, { text: 'NotAction', span: s.notAction.node.span, ...extra });
        }
      }
    }
    if (sources.size === 0) return;

    const enabled: Enabled[] = [];
    for (const { method, lower } of METHODS) {
      if (!lower.every((a) => sources.has(a))) continue;
      const picked: Source[] = [];
      for (const a of lower) {
        const candidates = (sources.get(a) ?? []).filter((src) => a !== 'iam:passrole' || passesTo(src, method));
        const first = candidates[0];
        if (!first) break;
        picked.push(first);
      }
      if (picked.length === method.actions.length) enabled.push({ method, sources: picked });
    }
    // A method that needs more than another enabled one adds nothing: keep the minimal ones.
    const minimal = enabled.filter(
      (e) =>
        !enabled.some(
          (o) =>
            o !== e &&
            o.method.actions.length < e.method.actions.length &&
            o.method.actions.every((a) => e.method.actions.some((b) => b.toLowerCase() === a.toLowerCase())),
        ),
    );
    // One finding per anchoring entry: the first action of the method other than iam:PassRole.
    const groups = new Map<string, Enabled[]>();
    for (const e of minimal) {
      const idx = e.method.actions.findIndex((a) => a.toLowerCase() !== 'iam:passrole');
      const anchor = e.sources[idx < 0 ? 0 : idx];
      if (!anchor) continue;
      const key = spanKey(anchor.span);
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    for (const group of groups.values()) {
      const head = group[0];
      if (!head) continue;
      const idx = head.method.actions.findIndex((a) => a.toLowerCase() !== 'iam:passrole');
      const anchorIndex = idx < 0 ? 0 : idx;
      const anchor = head.sources[anchorIndex]!;
      const actions = head.method.actions;
      const anchorAction = actions[anchorIndex] ?? '';
      const subject = actions.join(' + ');
      const lead =
        anchor.text.toLowerCase() === anchorAction.toLowerCase()
          ? `${subject} ${actions.length > 1 ? 'let' : 'lets'} the holder`
          : actions.length > 1
            ? `${anchor.text} grants ${anchorAction}; ${subject} let the holder`
            : `${anchor.text} grants ${anchorAction}, which lets the holder`;
      const others = group.slice(1).map((g) => g.method.id);
      const more = others.length
        ? `; ${others.length} more method${others.length > 1 ? 's' : ''} here: ${listNames(others, 5)}`
        : '';
      const related: { span: Span; message: string }[] = [];
      const seen = new Set([spanKey(anchor.span)]);
      for (const e of group) {
        e.sources.forEach((src, i) => {
          const key = spanKey(src.span);
          if (seen.has(key)) return;
          seen.add(key);
          related.push({ span: src.span, message: `${e.method.actions[i]} (method ${e.method.id})` });
        });
      }
      ctx.report({
        message: `${lead} ${head.method.why} (method ${head.method.id})${more}`,
        span: anchor.span,
        ...(related.length ? { related } : {}),
      });
    }
  },
};
