// What the rules ask of one statement, worked out from the policy model alone (no catalogue answers): whether it
// allows, its literal action entries, and which of its Condition entries narrow what it grants. IamFacts (facts.ts)
// keeps each answer per statement for every rule; risk.ts re-exports these for the rule files.
import { type ActionRef, parseOperator } from './catalog';
import type { ConditionEntry, Policy, Statement } from './model';
import { isStar, literal } from './values';
import type { Node, StringNode } from '../syntax/tree';
import type { Span } from '../types';
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
