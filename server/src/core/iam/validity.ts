// Shared helpers of the validity rules (rules/<ID>.ts): literal values, anchors for statement-level findings, the
// ARN field checks of the INVALID_ARN_* family and the size quotas.
import type { ArnFinding, ArnProblem } from './arn';
import { replaceString } from './fixes';
import type { Policy, Statement, Value, ValueList } from './model';
import type { IamFacts } from './facts';
import type { IamRuleContext } from './rule';
import type { Node, ObjectNode, Property, StringNode } from '../syntax/tree';
import type { Fix, Span } from '../types';

export { type ArnFinding, type ArnProblem, arnProblems, serviceTemplateShapes, type TemplateShape } from './arn';

/** The literal strings of a value list (dynamic values are unknown and skipped). */
export function literals(list: ValueList | undefined): StringNode[] {
  return (list?.values ?? []).filter((v): v is StringNode => v.kind === 'string');
}

export function isLiteral(v: Value | undefined): v is StringNode {
  return v?.kind === 'string';
}

/** Strings holding a policy variable (`${aws:username}`) or a leftover template are only partly known. */
export function hasVariable(text: string): boolean {
  return text.includes('${');
}

/** Policy variables in a resource pattern stand for any text. */
export function variablesAsWildcards(pattern: string): string {
  return pattern.replace(/\$\{[^}]*\}/g, '*');
}

/** A short span to hang statement-level findings on: the Sid, else the first key, else the opening brace. */
export function statementAnchor(s: Statement): Span {
  if (s.sid) return s.sid.span;
  const first = s.node.properties[0];
  if (first) return first.keySpan;
  return { start: s.node.span.start, end: Math.min(s.node.span.end, s.node.span.start + 1) };
}

/** A short span for policy-level findings: the Statement key, else the first key, else the opening brace. */
export function policyAnchor(policy: Policy): Span {
  const node = policy.node;
  if (node.kind === 'object') {
    const st = node.properties.find((p) => p.key === 'Statement') ?? node.properties[0];
    if (st) return st.keySpan;
  }
  return { start: node.span.start, end: Math.min(node.span.end, node.span.start + 1) };
}

/** The property of a statement for one element, by exact name (then ignoring case, as the model does). */
export function statementProperty(s: Statement, name: string): Property | undefined {
  return (
    s.node.properties.find((p) => p.key === name) ??
    s.node.properties.find((p) => p.key.toLowerCase() === name.toLowerCase())
  );
}

/** The Statement array of the policy and the index of a statement in it (for removing the statement). */
export function statementSlot(policy: Policy, s: Statement): { array: Node; index: number } | undefined {
  if (policy.node.kind !== 'object') return undefined;
  const st = policy.node.properties.find((p) => p.key === 'Statement')?.value;
  if (st?.kind !== 'array') return undefined;
  const index = st.items.indexOf(s.node);
  return index < 0 ? undefined : { array: st, index };
}

export function isObject(node: Node | undefined): node is ObjectNode {
  return node?.kind === 'object';
}

/** Prefixes of identity-provider keys in trust policies (saml:aud, accounts.google.com:sub): not service keys. */
const PROVIDER_PREFIXES = new Set(['saml', 'www.amazon.com', 'graph.facebook.com', 'accounts.google.com']);

/**
 * The lower-case service prefix of a condition key that should name a service (`s3:prefix` → 's3'); undefined for
 * global keys, identity-provider keys (`token.actions.githubusercontent.com:sub`) and keys with variables.
 */
export function serviceKeyPrefix(key: string): string | undefined {
  const colon = key.indexOf(':');
  if (colon <= 0 || key.includes('${')) return undefined;
  const prefix = key.slice(0, colon).toLowerCase();
  return prefix === 'aws' || prefix.includes('.') || PROVIDER_PREFIXES.has(prefix) ? undefined : prefix;
}

// ---------------------------------------------------------------------------------------------------------------
// ARN field checks (the checks themselves live in arn.ts)

/** The quick fix of an ARN finding: the corrected ARN, when there is one. */
export function arnFixes(text: string, node: StringNode, f: ArnFinding): Fix[] {
  return f.replacement === undefined
    ? []
    : [{ title: `Change to ${f.replacement}`, edits: [replaceString(text, node, f.replacement)], preferred: true }];
}

/**
 * Runs the ARN checks over every literal Resource and NotResource value of a policy. The checks run once per value
 * for the whole INVALID_ARN_* family (IamFacts keeps them); each rule picks its own problem.
 */
export function forEachArnProblem(
  ctx: IamRuleContext,
  problem: ArnProblem,
  report: (f: ArnFinding, node: StringNode) => void,
): void {
  // The policy's values are walked once for the whole family; each rule reads its own problem's list.
  for (const { finding, node } of ctx.facts.once(ctx.policy, arnProblemsByKind).get(problem) ?? [])
    report(finding, node);
}

/** Every ARN problem of a policy's Resource and NotResource values by kind, in document order. */
function arnProblemsByKind(
  policy: Policy,
  facts: IamFacts,
): ReadonlyMap<ArnProblem, readonly { finding: ArnFinding; node: StringNode }[]> {
  const byKind = new Map<ArnProblem, { finding: ArnFinding; node: StringNode }[]>();
  for (const s of policy.statements) {
    for (const list of [s.resource, s.notResource]) {
      for (const v of list?.values ?? []) {
        if (v.kind !== 'string') continue;
        for (const finding of facts.arnProblems(v)) {
          const found = byKind.get(finding.problem);
          if (found) found.push({ finding, node: v });
          else byKind.set(finding.problem, [{ finding, node: v }]);
        }
      }
    }
  }
  return byKind;
}

// ---------------------------------------------------------------------------------------------------------------
// Size quotas (characters without whitespace, as IAM counts them)

export interface Quota {
  readonly limit: number;
  readonly label: string;
}

/** The identity policy quota that applies, chosen from where the policy is attached. */
export function identityQuota(origin: string): Quota {
  if (/ManagedPolicy|aws_iam_policy\b|policy file/i.test(origin)) return { limit: 6144, label: 'managed policy' };
  if (/IAM::User|UserPolicy|aws_iam_user_policy/i.test(origin)) return { limit: 2048, label: 'user inline policy' };
  if (/IAM::Group|GroupPolicy|aws_iam_group_policy/i.test(origin)) return { limit: 5120, label: 'group inline policy' };
  if (/IAM::Role|RolePolicy|Serverless|aws_iam_role_policy|IAM::Policy/i.test(origin)) {
    return { limit: 10240, label: 'role inline policy' };
  }
  return { limit: 6144, label: 'managed policy' };
}

/** The resource policy quota of the service that holds it. */
export function resourceQuota(origin: string): Quota {
  if (/SQS|aws_sqs/i.test(origin)) return { limit: 8192, label: 'SQS queue policy' };
  if (/SNS|aws_sns/i.test(origin)) return { limit: 30720, label: 'SNS topic policy' };
  if (/KMS|aws_kms/i.test(origin)) return { limit: 32768, label: 'KMS key policy' };
  if (/ECR|aws_ecr/i.test(origin)) return { limit: 10240, label: 'ECR repository policy' };
  if (/SecretsManager|aws_secretsmanager/i.test(origin))
    return { limit: 20480, label: 'Secrets Manager resource policy' };
  return { limit: 20480, label: 'S3 bucket policy' };
}
