// Shared vocabulary of the over-privilege rules: which statements allow, which action entries they hold, whether a
// statement reaches every resource of an action, and whether its Condition really narrows what it grants.
// Pure functions over the policy model and the catalogue; catalogue answers come from the analysis' IamFacts.
import { type ActionRef, globToRegExp, isWildcardOnly, parseOperator } from './catalog';
import type { CatalogMemo } from './catalogMemo';
import type { IamFacts } from './facts';
import type { ConditionEntry, Policy, Statement } from './model';
import { isStar, literal } from './values';
import type { Node, StringNode } from '../syntax/tree';
import type { Span } from '../types';

export { isStar, literal, resourcePatterns } from './values';

/**
 * Only a literal `"Allow"` allows; a computed or misspelt Effect is left to the validity rules. In a Terraform
 * `aws_iam_policy_document` (a synthetic policy) a statement without `effect` allows: that is the provider's default.
 */
export function isAllow(s: Statement, policy?: Policy): boolean {
  if (s.effect === undefined) return policy?.synthetic === true;
  return literal(s.effect) === 'Allow';
}

export function allowStatements(policy: Policy): Statement[] {
  return policy.statements.filter((s) => isAllow(s, policy));
}

/** One literal entry of an Action list, with what the rules ask of its text worked out once. */
export interface ActionEntry {
  readonly text: string;
  readonly node: StringNode;
  readonly span: Span;
  readonly statement: Statement;
  /** The text in lower case. */
  readonly lower: string;
  /** The text has `*` or `?`. */
  readonly wildcard: boolean;
  /** The text grants every action of every service (isAllActions). */
  readonly all: boolean;
  /** The catalogue action an exact entry names; undefined for a wildcard or a name the catalogue lacks. */
  readonly ref: ActionRef | undefined;
}

/**
 * The literal Action entries of a statement, exact names resolved with `resolve` (findAction; rules get the entries
 * once per statement from IamFacts.entries, which resolves through the catalogue memo).
 */
export function actionEntries(s: Statement, resolve: (name: string) => ActionRef | undefined): ActionEntry[] {
  const out: ActionEntry[] = [];
  for (const v of s.action?.values ?? []) {
    if (v.kind !== 'string') continue;
    const text = v.value;
    const wildcard = text.includes('*') || text.includes('?');
    const lower = text.toLowerCase();
    const all = wildcard && isAllActions(text);
    out.push({
      text,
      node: v,
      span: v.span,
      statement: s,
      lower,
      wildcard,
      all,
      ref: wildcard ? undefined : resolve(text),
    });
  }
  return out;
}

/** An action pattern granting every action of every service: `*` (or `*:*`, which IAM reads the same way). */
export function isAllActions(text: string): boolean {
  return /^\*+(:\*+)?$/.test(text);
}

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
// Conditions

/** Keys that restrict which resources a statement reaches, whatever service they belong to. */
const RESOURCE_KEYS = /^aws:(ResourceTag\/.+|ResourceAccount|ResourceOrgID|ResourceOrgPaths)$/i;
/** Service keys that say how a request travels, not what it touches. */
const TRANSPORT_KEYS =
  /^s3:(signatureversion|signatureAge|authType|TlsVersion|x-amz-content-sha256)$|^kms:(CallerAccount|ViaService)$/i;

/** Keys that restrict who may use a resource or trust policy (identity of the caller or the calling service). */
const PRINCIPAL_KEYS =
  /^aws:(PrincipalOrgID|PrincipalOrgPaths|PrincipalAccount|PrincipalArn|SourceArn|SourceAccount|SourceOwner|SourceOrgID|SourceOrgPaths|SourceVpc|SourceVpce|SourceIp|VpcSourceIp|userid|username|PrincipalServiceName)$/i;

/** Values of a condition entry as literal strings; undefined when any value is computed (unknown). */
export function conditionValues(node: Node): string[] | undefined {
  const items = node.kind === 'array' ? node.items : [node];
  const out: string[] = [];
  for (const item of items) {
    if (item.kind === 'string') out.push(item.value);
    else if (item.kind === 'number' || item.kind === 'boolean') out.push(String(item.value));
    else if (item.kind === 'dynamic') return undefined;
  }
  return out;
}

/**
 * Does this condition entry really restrict the request? Negated operators (StringNotEquals, ArnNotLike, …), Null,
 * IfExists (absent key passes) and a Like match on a bare `*` only exclude or test presence, so they do not.
 */
export function restricts(e: ConditionEntry): boolean {
  const op = parseOperator(e.operator);
  if (!op.base) return false;
  if (op.ifExists || op.base === 'Null' || /Not/.test(op.base)) return false;
  const values = conditionValues(e.valueNode);
  if (values === undefined) return true;
  if (values.length === 0) return false;
  return !values.every((v) => isStar(v));
}

/** Service-specific keys (anything but aws:) and resource-tag/account keys narrow what an identity statement grants. */
export function isScopingKey(key: string): boolean {
  if (RESOURCE_KEYS.test(key)) return true;
  const prefix = key.split(':')[0]?.toLowerCase() ?? '';
  if (prefix === '' || prefix === 'aws' || !key.includes(':')) return false;
  return !TRANSPORT_KEYS.test(key);
}

export function isPrincipalScopingKey(key: string): boolean {
  return PRINCIPAL_KEYS.test(key);
}

const NO_CONDITIONS: readonly ConditionEntry[] = Object.freeze([]);

/** The `ignore` list of the PassRole rules (IamFacts.scoping keys its answers by this very array). */
export const PASSED_TO_SERVICE: readonly string[] = Object.freeze(['iam:PassedToService']);

/**
 * The condition entries of the statement that narrow what it grants (resource scoping). Keys in `ignore` are left
 * out (a rule that weighs them on its own, as PassRole rules do with iam:PassedToService).
 */
export function scopingConditions(s: Statement, ignore: readonly string[] = []): readonly ConditionEntry[] {
  const entries = s.condition?.entries;
  if (!entries || entries.length === 0) return NO_CONDITIONS; // most statements: nothing to build
  const skip = new Set(ignore.map((k) => k.toLowerCase()));
  return entries.filter((e) => !skip.has(e.key.toLowerCase()) && isScopingKey(e.key) && restricts(e));
}

/** Condition entries that narrow who may use a resource or trust policy statement. */
export function principalConditions(s: Statement): ConditionEntry[] {
  return (s.condition?.entries ?? []).filter((e) => isPrincipalScopingKey(e.key) && restricts(e));
}

/** Literal values of one key's restricting conditions (e.g. the services of iam:PassedToService); undefined when
 * the statement does not restrict the key or a value is computed. */
export function restrictedValues(s: Statement, key: string): string[] | undefined {
  const entries = (s.condition?.entries ?? []).filter((e) => e.key.toLowerCase() === key.toLowerCase() && restricts(e));
  if (entries.length === 0) return undefined;
  const out: string[] = [];
  for (const e of entries) {
    const values = conditionValues(e.valueNode);
    if (values === undefined) return undefined;
    out.push(...values);
  }
  return out;
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
    if (facts.scoping(s).length > 0) continue;
    for (const entry of facts.entries(s)) {
      if (entry.all) continue;
      const names = unconstrainedGrants(facts, entry, pick).map((g) => g.ref.fullName);
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
  /** The names a pattern matches, for CatalogMemo.answer (this list's own function keys its answers). */
  readonly match: (pattern: string) => readonly string[];
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
    match: (pattern) => listedMatches(list, pattern),
  };
  return list;
}

function listedMatches(list: ActionList, pattern: string): string[] {
  const colon = pattern.indexOf(':');
  const service = colon < 0 ? undefined : pattern.slice(0, colon);
  const candidates =
    service !== undefined && !/[*?]/.test(service) ? (list.byService.get(service.toLowerCase()) ?? []) : list.names;
  if (candidates.length === 0) return [];
  const matches = actionMatcher(pattern);
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
