// Offline custom checks with AWS Access Analyzer's names: CheckNoNewAccess, CheckAccessNotGranted and
// CheckNoPublicAccess. Each answers PASS only when it can show the property holds; anything it cannot decide
// exactly (wildcards that may match actions the catalogue does not list, computed values, conditions it cannot
// compare) is a FAIL with the access that may be granted. See docs/iam-evaluation.md for the method and its limits.
import { expandActionPattern, findService, parseOperator } from '../catalog';
import type { IamData } from '../data';
import { conditionValues, isPrincipalScopingKey } from '../risk';
import type { PolicySource, StatementRef } from './evaluate';
import { compileGlob, covers, type GlobToken, hasWildcards, overlaps, STAR, tokensOf } from './glob';
import { keyOf, type Pattern, type PatternList, patternText, prefixOf, type Shape, shapesOf } from './shape';

export interface CheckReason {
  readonly action: string;
  readonly resource: string;
  /** The statement that grants it (for text output; the JSON shape has action and resource only). */
  readonly statement?: StatementRef;
  /** Why, when it is not simply "granted": e.g. the pattern may match actions the catalogue does not list. */
  readonly note?: string;
}

export interface CheckResult {
  readonly result: 'PASS' | 'FAIL';
  readonly reasons: readonly CheckReason[];
}

function result(reasons: CheckReason[]): CheckResult {
  const seen = new Set<string>();
  const unique = reasons.filter((r) => {
    const key = `${r.action}\u0000${r.resource}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { result: unique.length ? 'FAIL' : 'PASS', reasons: unique };
}

// ---------------------------------------------------------------------------------------------------------------
// Pattern comparisons: resources by ARN part (as the evaluator matches them), actions ignoring case.

/** Splits tokens at the first five colons (partition, service, Region, account); the rest is the resource part. */
function arnParts(tokens: readonly GlobToken[]): GlobToken[][] {
  const parts: GlobToken[][] = [[]];
  for (const t of tokens) {
    if (typeof t !== 'string' || parts.length === 6) {
      parts[parts.length - 1]!.push(t);
      continue;
    }
    const pieces = t.split(':');
    pieces.forEach((piece, i) => {
      if (i > 0) {
        if (parts.length < 6) parts.push([]);
        else parts[parts.length - 1]!.push(':');
      }
      if (piece) parts[parts.length - 1]!.push(piece);
    });
  }
  return parts;
}

/** Does resource pattern `outer` (the covering side) match every ARN `inner` may match? */
function resourceCovers(outer: Pattern, inner: Pattern): boolean {
  if (keyOf(outer, false) === keyOf(inner, false)) return true;
  const o = arnParts(outer.tokens);
  if (o.length < 6) return covers(outer.tokens, inner.tokens);
  const i = arnParts(inner.tokens);
  if (i.length < 6) {
    // A short inner pattern matches by whole string; only a literal ARN can be compared part by part.
    return !hasWildcards(inner.tokens) && compileGlob(outer.tokens, { arnSegments: true })(inner.tokens.join(''));
  }
  return o.every((part, k) => covers(part, i[k]!));
}

function actionCovers(outer: Pattern, inner: Pattern): boolean {
  return covers(outer.tokens, inner.tokens, true);
}

/** Does a list (Action/NotAction, Resource/NotResource) cover one pattern of the other side? */
function listCoversPattern(list: PatternList, p: Pattern, cover: (o: Pattern, i: Pattern) => boolean, ic: boolean) {
  if (list.not) return !list.patterns.some((x) => overlaps(x.tokens, p.tokens, ic));
  if (list.keys.has(keyOf(p, ic))) return true;
  const prefix = prefixOf(p, ic);
  return list.wild.some((w) => prefix.startsWith(w.prefix) && cover(w.p, p));
}

/** Does a list cover a Not list of the other side (everything except `excluded`)? */
function listCoversNot(list: PatternList, excluded: readonly Pattern[], cover: (o: Pattern, i: Pattern) => boolean) {
  if (list.not) return list.patterns.every((x) => excluded.some((e) => cover(e, x)));
  return list.patterns.some((x) => cover(x, { text: '*', tokens: [STAR] }));
}

type Item = { readonly kind: 'one'; readonly p: Pattern } | { readonly kind: 'not'; readonly ps: readonly Pattern[] };

function itemsOf(list: PatternList): Item[] {
  return list.not ? [{ kind: 'not', ps: list.patterns }] : list.patterns.map((p) => ({ kind: 'one', p }));
}

function itemText(item: Item): string {
  return item.kind === 'one' ? patternText(item.p) : `* except ${item.ps.map(patternText).join(', ')}`;
}

function coversResource(s: Shape, item: Item): boolean {
  return item.kind === 'one'
    ? listCoversPattern(s.resources, item.p, resourceCovers, false)
    : listCoversNot(s.resources, item.ps, resourceCovers);
}

function coversAction(s: Shape, item: Item): boolean {
  return item.kind === 'one'
    ? listCoversPattern(s.actions, item.p, actionCovers, true)
    : listCoversNot(s.actions, item.ps, actionCovers);
}

function grantsConcreteAction(s: Shape, action: string): boolean {
  const hit = s.actions.patterns.some((x) => (x.match ?? compileGlob(x.tokens, { ignoreCase: true }))(action));
  return s.actions.not ? !hit : hit;
}

/** Does `outer`'s Principal element name everyone `inner`'s does? */
function principalCovers(outer: Shape, inner: Shape): boolean {
  const o = outer.principal;
  const i = inner.principal;
  if (!o || !i) return !o && !i;
  if (!o.not && o.entries.has('*')) return true;
  if (o.not !== i.not) return false;
  // Same kind: a Principal must list every name of the other; a NotPrincipal may exclude only what the other does.
  const [small, large] = o.not ? [o.entries, i.entries] : [i.entries, o.entries];
  for (const e of small) if (!large.has(e)) return false;
  return true;
}

/** A statement with a subset of another's conditions applies at least whenever the other does. */
function conditionsCover(outer: Shape, inner: Shape): boolean {
  for (const c of outer.conditions) if (!inner.conditions.has(c)) return false;
  return true;
}

/** Catalogue actions an action item stands for (a Not item: every catalogued action it does not exclude). */
function concreteActions(data: IamData, item: Item): string[] {
  if (item.kind === 'one') return expandActionPattern(data, patternText(item.p)).map((r) => r.fullName);
  const excluded = item.ps.map((p) => compileGlob(p.tokens, { ignoreCase: true }));
  const out: string[] = [];
  for (const service of data.services.values()) {
    for (const a of service.actions.values()) {
      const name = `${service.prefix}:${a.name}`;
      if (!excluded.some((m) => m(name))) out.push(name);
    }
  }
  return out;
}

/** Whether an action item may match actions missing from the catalogue (a wildcard, a Not list, an unknown name). */
function mayReachUnlisted(data: IamData, item: Item): boolean {
  if (item.kind === 'not') return true;
  if (hasWildcards(item.p.tokens)) return true;
  const [prefix] = patternText(item.p).split(':');
  return !findService(data, prefix ?? '');
}

/**
 * The (action, resource) pairs `s` grants that no statement of `cover` also grants. Structural first (one
 * statement's patterns contain the other's); then action by action through the catalogue.
 */
function uncovered(data: IamData, s: Shape, cover: readonly Shape[], note: string | undefined): CheckReason[] {
  const out: CheckReason[] = [];
  const extra = note ? { note } : {};
  const eligible = cover.filter((b) => b.effect === s.effect && principalCovers(b, s) && conditionsCover(b, s));
  for (const res of itemsOf(s.resources)) {
    const candidates = eligible.filter((b) => coversResource(b, res));
    const resource = itemText(res);
    for (const act of itemsOf(s.actions)) {
      const key = act.kind === 'one' ? keyOf(act.p, true) : undefined;
      if (key && candidates.some((b) => !b.actions.not && b.actions.keys.has(key))) continue;
      if (candidates.some((b) => coversAction(b, act))) continue;
      const missing = concreteActions(data, act).filter((a) => !candidates.some((b) => grantsConcreteAction(b, a)));
      for (const action of missing) out.push({ action, resource, statement: s.ref, ...extra });
      if (!missing.length && mayReachUnlisted(data, act)) {
        out.push({
          action: itemText(act),
          resource,
          statement: s.ref,
          note: 'the pattern may match actions the IAM catalogue does not list, so it cannot be compared exactly',
        });
      }
    }
  }
  return out;
}

function mayOverlap(a: Shape, b: Shape): boolean {
  const acts =
    a.actions.not ||
    b.actions.not ||
    a.actions.patterns.some((x) => b.actions.patterns.some((y) => overlaps(x.tokens, y.tokens, true)));
  const res =
    a.resources.not ||
    b.resources.not ||
    a.resources.patterns.some((x) => b.resources.patterns.some((y) => overlaps(x.tokens, y.tokens)));
  return acts && res;
}

/**
 * CheckNoNewAccess: PASS when every Allow of `next` is covered by Allows of `base` (same or fewer conditions, same
 * or wider principals), and every Deny of `base` that could touch something `next` allows is kept by a Deny of
 * `next`. Access(next) = Allow(next) − Deny(next) ⊆ Allow(base) − Deny(base) then follows.
 */
export function checkNoNewAccess(
  data: IamData,
  base: readonly PolicySource[],
  next: readonly PolicySource[],
): CheckResult {
  const baseShapes = base.flatMap((p) => shapesOf(p, { allow: 'under', deny: 'over' }));
  const nextShapes = next.flatMap((p) => shapesOf(p, { allow: 'over', deny: 'under' }));
  const baseAllow = baseShapes.filter((s) => s.effect === 'Allow');
  const baseDeny = baseShapes.filter((s) => s.effect === 'Deny');
  const nextAllow = nextShapes.filter((s) => s.effect === 'Allow');
  const nextDeny = nextShapes.filter((s) => s.effect === 'Deny');
  const reasons: CheckReason[] = [];
  for (const s of nextAllow) reasons.push(...uncovered(data, s, baseAllow, undefined));
  for (const d of baseDeny) {
    if (!nextAllow.some((a) => mayOverlap(a, d))) continue;
    // Deny direction: a Deny of `next` keeps `d` when its conditions are a subset of `d`'s (it applies more often).
    reasons.push(...uncovered(data, d, nextDeny, `the base denies this (${d.ref.sid}) and the new version does not`));
  }
  return result(reasons);
}

/**
 * CheckAccessNotGranted: FAIL when some Allow may grant one of `actions` (on one of `resources`, when given) and no
 * unconditional Deny of the same policy takes it away. Conditions are assumed satisfiable.
 */
export function checkAccessNotGranted(
  sources: readonly PolicySource[],
  actions: readonly string[],
  resources: readonly string[],
): CheckResult {
  const shapes = sources.flatMap((p) => shapesOf(p, { allow: 'over', deny: 'under' }));
  const denies = shapes.filter(
    (s) =>
      s.effect === 'Deny' && !s.hasConditions && (!s.principal || (!s.principal.not && s.principal.entries.has('*'))),
  );
  const reasons: CheckReason[] = [];
  const asked = actions.map((a) => ({ text: a, tokens: tokensOf(a) }));
  const wanted = resources.map((r) => ({ text: r, tokens: tokensOf(r) }));
  for (const s of shapes) {
    if (s.effect !== 'Allow') continue;
    for (const a of asked) {
      const actionHit = s.actions.not
        ? !s.actions.patterns.some((x) => covers(x.tokens, a.tokens, true))
        : s.actions.patterns.some((x) => overlaps(x.tokens, a.tokens, true));
      if (!actionHit) continue;
      const items: Item[] = wanted.length ? wanted.map((p) => ({ kind: 'one', p })) : itemsOf(s.resources);
      for (const item of items) {
        if (wanted.length) {
          const p = (item as { p: Pattern }).p;
          const hit = s.resources.not
            ? !s.resources.patterns.some((x) => resourceCovers(x, p))
            : s.resources.patterns.some((x) => overlaps(x.tokens, p.tokens));
          if (!hit) continue;
        }
        const removed = denies.some((d) => coversAction(d, { kind: 'one', p: a }) && coversResource(d, item));
        if (!removed) reasons.push({ action: a.text, resource: itemText(item), statement: s.ref });
      }
    }
  }
  return result(reasons);
}

export const RESOURCE_TYPES = [
  'AWS::S3::Bucket',
  'AWS::SQS::Queue',
  'AWS::SNS::Topic',
  'AWS::KMS::Key',
  'AWS::SecretsManager::Secret',
  'AWS::Lambda::Function',
] as const;
export type PublicResourceType = (typeof RESOURCE_TYPES)[number];

/** Keys of a type's own service that tie a request to known accounts or access points. */
const TYPE_KEYS: Readonly<Record<PublicResourceType, RegExp | undefined>> = {
  'AWS::S3::Bucket': /^s3:(DataAccessPointAccount|DataAccessPointArn|x-amz-server-side-encryption-aws-kms-key-id)$/i,
  'AWS::SQS::Queue': undefined,
  'AWS::SNS::Topic': undefined,
  'AWS::KMS::Key': /^kms:CallerAccount$/i,
  'AWS::SecretsManager::Secret': undefined,
  'AWS::Lambda::Function': undefined,
};

/** A value naming one fixed thing: no wildcard and no variable (aws:userid may end in `:*` after a role id). */
function fixedValue(key: string, v: string): boolean {
  if (/^aws:userid$/i.test(key) && /^AROA[A-Z0-9]+:\*$/.test(v)) return true;
  return !/[*?]|\$\{/.test(v) && v !== '';
}

function limitingKey(type: PublicResourceType, key: string): boolean {
  return isPrincipalScopingKey(key) || (TYPE_KEYS[type]?.test(key) ?? false);
}

/** Does this condition entry confine an Allow to known accounts, organizations, networks or sources? */
function confines(type: PublicResourceType, operator: string, key: string, values: readonly string[] | undefined) {
  const op = parseOperator(operator);
  if (!op.base || op.ifExists || op.qualifier === 'ForAllValues' || !values?.length) return false;
  if (!limitingKey(type, key)) return false;
  if (op.base === 'IpAddress') return values.every((v) => !/\/0$/.test(v.trim()));
  if (!['StringEquals', 'StringEqualsIgnoreCase', 'StringLike', 'ArnEquals', 'ArnLike'].includes(op.base)) return false;
  return values.every((v) => fixedValue(key, v));
}

/** Does this Deny entry take away everything outside known accounts, organizations, networks or sources? */
function confinesByDeny(
  type: PublicResourceType,
  operator: string,
  key: string,
  values: readonly string[] | undefined,
) {
  const op = parseOperator(operator);
  if (!op.base || op.qualifier || !values?.length || !limitingKey(type, key)) return false;
  if (op.base === 'NotIpAddress') return values.every((v) => !/\/0$/.test(v.trim()));
  if (
    !['StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike', 'ArnNotEquals', 'ArnNotLike'].includes(op.base)
  )
    return false;
  return values.every((v) => fixedValue(key, v));
}

function isEveryone(s: Shape): boolean {
  if (!s.principal) return false;
  if (s.principal.not) return true; // Allow with NotPrincipal: everyone but a few
  for (const e of s.principal.entries) {
    if (e === '*') return true;
    if (/^AWS\|arn:aws[a-z-]*:iam::[*?]+:/.test(e)) return true;
  }
  return false;
}

/**
 * CheckNoPublicAccess: FAIL when an Allow names everyone (`*`, `{"AWS": "*"}`, an account wildcard, or NotPrincipal)
 * and neither one of its conditions nor an unconditional-but-for-that Deny confines it to fixed accounts,
 * organizations, VPCs/endpoints, IP ranges or source ARNs.
 */
export function checkNoPublicAccess(sources: readonly PolicySource[], type: PublicResourceType): CheckResult {
  const reasons: CheckReason[] = [];
  for (const source of sources) {
    const shapes = shapesOf(source, { allow: 'over', deny: 'under' });
    const entriesOf = (x: Shape) => x.statement.condition?.entries ?? [];
    const confiningDenies = shapes.filter((d) => {
      if (d.effect !== 'Deny' || (d.principal && (d.principal.not || !d.principal.entries.has('*')))) return false;
      const entries = entriesOf(d);
      return (
        entries.length === 1 &&
        confinesByDeny(type, entries[0]!.operator, entries[0]!.key, conditionValues(entries[0]!.valueNode))
      );
    });
    for (const s of shapes) {
      if (s.effect !== 'Allow' || !isEveryone(s)) continue;
      const entries = entriesOf(s);
      if (entries.some((e) => confines(type, e.operator, e.key, conditionValues(e.valueNode)))) continue;
      for (const res of itemsOf(s.resources)) {
        for (const act of itemsOf(s.actions)) {
          if (confiningDenies.some((d) => coversAction(d, act) && coversResource(d, res))) continue;
          reasons.push({ action: itemText(act), resource: itemText(res), statement: s.ref });
        }
      }
    }
  }
  return result(reasons);
}

/** Resource types by the CloudFormation or Terraform resource a policy is attached to (its origin). */
const TYPE_BY_ORIGIN: readonly [RegExp, PublicResourceType][] = [
  [/AWS::S3::BucketPolicy|aws_s3_bucket_policy/, 'AWS::S3::Bucket'],
  [/AWS::SQS::QueuePolicy|aws_sqs_queue_policy/, 'AWS::SQS::Queue'],
  [/AWS::SNS::TopicPolicy|aws_sns_topic_policy/, 'AWS::SNS::Topic'],
  [/AWS::KMS::Key|aws_kms_key/, 'AWS::KMS::Key'],
  [/AWS::SecretsManager::ResourcePolicy|aws_secretsmanager_secret_policy/, 'AWS::SecretsManager::Secret'],
  [/AWS::Lambda::|aws_lambda_/, 'AWS::Lambda::Function'],
];

const TYPE_BY_SERVICE: Readonly<Record<string, PublicResourceType>> = {
  s3: 'AWS::S3::Bucket',
  sqs: 'AWS::SQS::Queue',
  sns: 'AWS::SNS::Topic',
  kms: 'AWS::KMS::Key',
  secretsmanager: 'AWS::SecretsManager::Secret',
  lambda: 'AWS::Lambda::Function',
};

/**
 * The resource type of a resource-based policy, for CheckNoPublicAccess: from the template resource it belongs to,
 * else from the one service its statements name (resource ARNs first, then action prefixes). Undefined for identity
 * and trust policies, and when the statements name no single one of the six services.
 */
export function resourceTypeOf(source: PolicySource): PublicResourceType | undefined {
  const { policy } = source;
  if (policy.kind !== 'resource') return undefined;
  for (const [re, type] of TYPE_BY_ORIGIN) if (re.test(policy.origin)) return type;
  const services = (pick: (s: (typeof policy.statements)[number]) => readonly { kind: string; value?: string }[]) => {
    const found = new Set<string>();
    for (const s of policy.statements) {
      for (const v of pick(s)) {
        if (v.kind !== 'string' || !v.value) continue;
        const service = v.value.startsWith('arn:') ? v.value.split(':')[2] : v.value.split(':')[0];
        if (service && service !== '*') found.add(service.toLowerCase());
      }
    }
    return found;
  };
  for (const found of [
    services((s) => (s.resource ?? s.notResource)?.values ?? []),
    services((s) => (s.action ?? s.notAction)?.values ?? []),
  ]) {
    if (found.size === 1) return TYPE_BY_SERVICE[[...found][0]!];
    if (found.size > 1) return undefined;
  }
  return undefined;
}
