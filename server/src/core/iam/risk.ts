// Shared vocabulary of the over-privilege rules: which statements allow, which action entries they hold, whether a
// statement reaches every resource of an action, and whether its Condition really narrows what it grants.
// Pure functions over the policy model and the catalogue; catalogue answers come from the analysis' IamFacts.
import { type ActionRef, globToRegExp, isWildcardOnly } from './catalog';
import type { CatalogMemo } from './catalogMemo';
import type { IamFacts } from './facts';
import type { Policy, Statement } from './model';
import { isStar, literal } from './values';
import type { StringNode } from '../syntax/tree';
import type { Span } from '../types';

export { isStar, literal, resourcePatterns } from './values';
export {
  type ActionEntry,
  PASSED_TO_SERVICE,
  actionEntries,
  allowStatements,
  conditionValues,
  isAllActions,
  isAllow,
  isPrincipalScopingKey,
  isScopingKey,
  principalConditions,
  restrictedValues,
  restricts,
  scopingConditions,
} from './statements';
import { type ActionEntry, restrictedValues } from './statements';

/** The statement's Resource reaches everything with a bare `*`. */
export function hasStarResource(s: Statement): boolean {
  for (const v of s.resource?.values ?? []) if (v.kind === 'string' && isStar(v.value)) return true;
  return false;
}

/**
 * Can the statement reach every resource of some action at all? Only through NotResource or a pattern with `*`:
 * a cheap test the rules run before any per-action work (most least-privilege statements stop here).
 */
export function mayReachAll(s: Statement): boolean {
  if (s.notResource !== undefined) return true;
  for (const v of s.resource?.values ?? []) if (v.kind === 'string' && v.value.includes('*')) return true;
  return false;
}

/** Does the statement reach every resource of the action? (IamFacts.reachesAll, which remembers the answer.) */
export function reachesAll(facts: IamFacts, r: ActionRef, s: Statement): boolean {
  return facts.reachesAll(r, s);
}

/** The resource entry (span and text) that makes the statement reach every resource of the action. */
export function wideResource(
  facts: IamFacts,
  r: ActionRef,
  s: Statement,
): { readonly text: string; readonly span: Span; readonly node: StringNode } | undefined {
  const types = isWildcardOnly(r) ? [] : facts.types(r);
  for (const v of s.resource?.values ?? []) {
    if (v.kind !== 'string') continue;
    const text = v.value;
    if (isStar(text) || types.some((t) => facts.covers(text, t.arn))) return { text, span: v.span, node: v };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Granted actions

/** An action an Allow statement grants on every resource it can touch, and the entry that grants it. */
export interface Grant {
  readonly ref: ActionRef;
  readonly entry: ActionEntry;
}

/**
 * What one action entry grants without resource constraint: the catalogue actions it expands to that the statement
 * reaches everywhere. The caller decides about conditions.
 */
export function unconstrainedGrants(
  facts: IamFacts,
  entry: ActionEntry,
  pick: (ref: ActionRef) => boolean = ANY,
): Grant[] {
  if (!mayReachAll(entry.statement)) return [];
  const out: Grant[] = [];
  for (const ref of pickedActions(facts, entry, pick)) {
    if (reachesAll(facts, ref, entry.statement)) out.push({ ref, entry });
  }
  return out;
}

const NO_ACTIONS: readonly ActionRef[] = Object.freeze([]);

/**
 * The catalogue actions an entry grants that `pick` (a constant of the caller's module) selects, in catalogue order:
 * an exact name's one resolved action, or a pattern's expansion picked once per pattern by the catalogue memo.
 */
export function pickedActions(
  facts: IamFacts,
  entry: ActionEntry,
  pick: (ref: ActionRef) => boolean,
): readonly ActionRef[] {
  if (entry.wildcard) return facts.memo.picked(entry.text, pick);
  return entry.ref && pick(entry.ref) ? [entry.ref] : NO_ACTIONS;
}

const ANY = (): boolean => true;

/** An action entry and the actions it grants on every resource that a rule singles out (see unconstrainedPicks). */
export interface UnconstrainedPick {
  readonly entry: ActionEntry;
  /** Full names of the picked actions, in catalogue order. */
  readonly names: string[];
  /** The entry names exactly that one action (so a message can name it rather than count). */
  readonly single: boolean;
}

/**
 * The action entries of Allow statements with no scoping condition that grant, on every resource, at least one
 * action `pick` selects; a bare "*" is skipped (FULL_ADMIN / SERVICE_WILDCARD report it). `pick` is a constant of
 * the rule's module: the catalogue memo keeps each pattern's picked actions under it.
 */
export function unconstrainedPicks(
  facts: IamFacts,
  policy: Policy,
  pick: (ref: ActionRef) => boolean,
): UnconstrainedPick[] {
  const out: UnconstrainedPick[] = [];
  for (const s of facts.allows(policy)) {
    if (!mayReachAll(s) || facts.scoping(s).length > 0) continue;
    for (const entry of facts.entries(s)) {
      if (entry.all) continue;
      // unconstrainedGrants without a Grant object per action: a wildcard entry may pick hundreds.
      const names: string[] = [];
      for (const ref of pickedActions(facts, entry, pick)) if (facts.reachesAll(ref, s)) names.push(ref.fullName);
      if (names.length === 0) continue;
      const single = names.length === 1 && names[0]?.toLowerCase() === entry.text.toLowerCase();
      out.push({ entry, names, single });
    }
  }
  return out;
}

/** Case-insensitive matcher for one action pattern, compiled once (or taken from the catalogue's memo). */
export function actionMatcher(pattern: string, memo?: CatalogMemo): (fullName: string) => boolean {
  if (isStar(pattern)) return () => true;
  const re = memo ? memo.glob(pattern) : globToRegExp(pattern);
  return (name) => re.test(name);
}

/** Formats a short list of names: 'a, b, c' or 'a, b, c and 4 more'. */
export function listNames(names: readonly string[], max = 3): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** A fixed list of canonical action names, indexed by lower-case name (built once, at module load, by a rule). */
export interface ActionList {
  readonly names: readonly string[];
  readonly byLower: ReadonlyMap<string, string>;
  /** The names of each lower-case service prefix: a pattern naming one service is only tried against these. */
  readonly byService: ReadonlyMap<string, readonly string[]>;
  /**
   * The names a pattern matches, for CatalogMemo.answer (this list's own function keys its answers; the pattern's
   * matcher comes from the memo, compiled once for every list).
   */
  readonly match: (pattern: string, memo?: CatalogMemo) => readonly string[];
}
export function actionList(names: readonly string[]): ActionList {
  const byService = new Map<string, string[]>();
  for (const n of names) {
    const service = n.slice(0, n.indexOf(':')).toLowerCase();
    const list = byService.get(service);
    if (list) list.push(n);
    else byService.set(service, [n]);
  }
  const list: ActionList = {
    names,
    byLower: new Map(names.map((n) => [n.toLowerCase(), n])),
    byService,
    match: (pattern, memo) => listedMatches(list, pattern, memo),
  };
  return list;
}

function listedMatches(list: ActionList, pattern: string, memo?: CatalogMemo): string[] {
  const colon = pattern.indexOf(':');
  const service = colon < 0 ? undefined : pattern.slice(0, colon);
  const candidates =
    service !== undefined && !/[*?]/.test(service) ? (list.byService.get(service.toLowerCase()) ?? []) : list.names;
  if (candidates.length === 0) return [];
  const matches = actionMatcher(pattern, memo);
  return candidates.filter((n) => matches(n));
}

/**
 * The listed names a wildcard pattern matches; a pattern with a literal service is tried on that service's only.
 * With the catalogue's memo, once per list and pattern. Callers must not modify the array.
 */
export function matchListed(list: ActionList, pattern: string, memo?: CatalogMemo): readonly string[] {
  return memo ? memo.answer(pattern, list.match) : list.match(pattern);
}

/** Where a statement grants some of a fixed list of actions: an Action entry, or the NotAction element. */
export interface ListedGrant {
  readonly text: string;
  readonly span: Span;
  readonly statement: Statement;
  /** Canonical names of the listed actions granted on every resource. */
  readonly names: readonly string[];
}

/**
 * Which of `listed` (canonical 'svc:Action' names) the policy's Allow statements grant on every resource, with no
 * scoping condition, entry by entry. A bare `*` on `*` is left to FULL_ADMIN; an Allow with NotAction grants every
 * listed action it does not exclude.
 */
export function listedGrants(facts: IamFacts, policy: Policy, list: ActionList): ListedGrant[] {
  const listed = list.names;
  const canonical = list.byLower;
  const statements = facts.allows(policy).filter((s) => mayReachAll(s) && facts.scoping(s).length === 0);
  if (statements.length === 0) return [];
  // Resolve catalogue entries only for the names some entry grants (most policies touch few of the list).
  const reached = (names: readonly string[], s: Statement): string[] =>
    names.length === 0
      ? []
      : names
          .map((name) => facts.action(name))
          .filter((r): r is ActionRef => r !== undefined && reachesAll(facts, r, s))
          .map((r) => r.fullName);
  const out: ListedGrant[] = [];
  for (const s of statements) {
    const fullAdmin = hasStarResource(s) || s.notResource !== undefined;
    for (const entry of facts.entries(s)) {
      if (fullAdmin && entry.all) continue;
      // An exact name is one lookup; only wildcards are matched against the whole list.
      let matched: readonly string[];
      if (entry.wildcard) {
        matched = matchListed(list, entry.text, facts.memo);
      } else {
        const exact = canonical.get(entry.lower);
        matched = exact ? [exact] : [];
      }
      const names = reached(matched, s);
      if (names.length) out.push({ text: entry.text, span: entry.span, statement: s, names });
    }
    if (s.notAction) {
      const texts = s.notAction.values.map(literal);
      if (texts.some((t) => t === undefined)) continue; // a computed exclusion: unknown
      const excluded = (texts as string[]).map((t) => actionMatcher(t, facts.memo));
      const names = reached(
        listed.filter((n) => !excluded.some((m) => m(n))),
        s,
      );
      if (names.length) out.push({ text: 'NotAction', span: s.notAction.node.span, statement: s, names });
    }
  }
  return out;
}

/**
 * The Allow statements that grant iam:CreateServiceLinkedRole on every role with nothing naming the services
 * (no iam:AWSServiceName, no other scoping condition), with that wide resource entry.
 */
export function unscopedServiceLinkedRoleGrants(
  facts: IamFacts,
  policy: Policy,
): readonly { statement: Statement; resource: NonNullable<ReturnType<typeof wideResource>> }[] {
  // Both CREATE_SLR rules ask: worked out once per policy.
  return facts.once(policy, slrGrants);
}

function slrGrants(
  policy: Policy,
  facts: IamFacts,
): { statement: Statement; resource: NonNullable<ReturnType<typeof wideResource>> }[] {
  const slr = facts.action('iam:CreateServiceLinkedRole');
  if (!slr) return [];
  const out: { statement: Statement; resource: NonNullable<ReturnType<typeof wideResource>> }[] = [];
  for (const s of facts.allows(policy)) {
    if (restrictedValues(s, 'iam:AWSServiceName')) continue;
    if (facts.scoping(s).length > 0) continue;
    const resource = wideResource(facts, slr, s);
    if (resource) out.push({ statement: s, resource });
  }
  return out;
}
