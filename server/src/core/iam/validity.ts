// Shared helpers of the validity rules (rules/<ID>.ts): literal values, anchors for statement-level findings, the
// ARN field checks of the INVALID_ARN_* family and the size quotas.
import { findService, parseArn } from './catalog';
import { replaceString } from './fixes';
import type { IamData } from './data';
import type { Policy, Statement, Value, ValueList } from './model';
import type { IamRuleContext } from './rule';
import type { Node, ObjectNode, Property, StringNode } from '../syntax/tree';
import type { Fix, Span } from '../types';

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

// ---------------------------------------------------------------------------------------------------------------
// ARN field checks

export type ArnProblem =
  | 'INVALID_ARN_PREFIX'
  | 'MISSING_ARN_FIELD'
  | 'INVALID_PARTITION'
  | 'INVALID_ARN_SERVICE_CASE'
  | 'INVALID_ARN_REGION'
  | 'MISSING_ARN_REGION'
  | 'ARN_REGION_NOT_ALLOWED'
  | 'INVALID_ARN_ACCOUNT'
  | 'ARN_ACCOUNT_NOT_ALLOWED'
  | 'INVALID_ARN_RESOURCE';

export interface ArnFinding {
  readonly problem: ArnProblem;
  readonly message: string;
  /** Span of the offending field inside the string's characters. */
  readonly span: Span;
  /** The corrected ARN, when the correction is certain (a field to remove or to lower-case). */
  readonly replacement?: string;
}

const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?|-isob)?-[a-z]+-\d{1,2}$/;
const WILD = /[*?]|\$\{/;

function withField(fields: readonly string[], index: number, value: string): string {
  return fields.map((f, i) => (i === index ? value : f)).join(':');
}

function fieldSpan(node: StringNode, fields: readonly string[], index: number): Span {
  let offset = 0;
  for (let i = 0; i < index; i++) offset += (fields[i]?.length ?? 0) + 1;
  const len = index >= 5 ? fields.slice(5).join(':').length : (fields[index]?.length ?? 0);
  // valueSpan maps characters one to one for plain strings; escapes are rare in ARNs, clamp to be safe.
  const start = Math.min(node.valueSpan.start + offset, node.valueSpan.end);
  return { start, end: Math.max(start, Math.min(node.valueSpan.end, start + Math.max(len, 1))) };
}

/** One ARN template of a service, reduced to what the field checks need. */
export interface TemplateShape {
  /** Lower-case literal start of the resource part, up to its first variable ('role/', 'table/', ''). */
  readonly literal: string;
  readonly region: boolean;
  readonly account: boolean;
}

/** The ARN templates of a service (lower-case prefix) as shapes; empty for an unknown service. */
export function serviceTemplateShapes(data: IamData, service: string): TemplateShape[] {
  const info = findService(data, service);
  if (!info) return [];
  const out: TemplateShape[] = [];
  for (const rt of info.resourceTypes.values()) {
    const t = parseArn(rt.arn);
    if (!t) continue;
    const literal = (t.resource.split('${')[0] ?? '').toLowerCase();
    out.push({ literal, region: t.region !== '', account: t.account !== '' });
  }
  return out;
}

/**
 * Regions and accounts the service's ARN templates carry for resources whose resource part looks like this one:
 * the known part of the resource (before its first wildcard or variable) and the template's literal prefix agree.
 */
function fittingShapes(shapes: readonly TemplateShape[], resource: string): TemplateShape[] {
  const wild = resource.search(/[*?]|\$\{/);
  const known = (wild < 0 ? resource : resource.slice(0, wild)).toLowerCase();
  return shapes.filter((t) =>
    known.length >= t.literal.length ? known.startsWith(t.literal) : t.literal.startsWith(known),
  );
}

/**
 * Problems with one Resource/NotResource value, in the order IAM would meet them; an empty list for `*`, for values
 * with unknown parts in the fields checked, and for valid ARNs.
 */
export function arnProblems(
  data: IamData,
  node: StringNode,
  shapesOf: (service: string) => readonly TemplateShape[] = (service) => serviceTemplateShapes(data, service),
): ArnFinding[] {
  const text = node.value;
  if (text === '*' || text === '') return [];
  if (!text.startsWith('arn:')) {
    if (/^\$\{/.test(text)) return [];
    return [
      {
        problem: 'INVALID_ARN_PREFIX',
        message: `Resource ${text} must be an ARN starting with arn: (or "*")`,
        span: node.valueSpan,
      },
    ];
  }
  const fields = text.split(':');
  if (fields.length < 6) {
    if (fields.some((f) => f.includes('*'))) return []; // `arn:aws:s3*` style: any ARN of those fields
    return [
      {
        problem: 'MISSING_ARN_FIELD',
        message: `Resource ${text} has ${fields.length} of the 6 ARN fields arn:partition:service:region:account:resource`,
        span: node.valueSpan,
      },
    ];
  }
  const [, partition = '', service = '', region = '', account = ''] = fields;
  const resource = fields.slice(5).join(':');
  const out: ArnFinding[] = [];
  if (!WILD.test(partition) && !PARTITIONS.includes(partition)) {
    out.push({
      problem: 'INVALID_PARTITION',
      message: `ARN partition ${partition || '(empty)'} is not valid; use ${PARTITIONS.slice(0, 3).join(', ')}, …`,
      span: fieldSpan(node, fields, 1),
      replacement: withField(fields, 1, 'aws'),
    });
  }
  if (!WILD.test(service) && service !== service.toLowerCase()) {
    out.push({
      problem: 'INVALID_ARN_SERVICE_CASE',
      message: `ARN service ${service} must be lower case (${service.toLowerCase()})`,
      span: fieldSpan(node, fields, 2),
      replacement: withField(fields, 2, service.toLowerCase()),
    });
  }
  if (region !== '' && !WILD.test(region) && !REGION.test(region)) {
    out.push({
      problem: 'INVALID_ARN_REGION',
      message: `ARN Region ${region} is not a valid Region`,
      span: fieldSpan(node, fields, 3),
    });
  }
  if (account !== '' && !WILD.test(account) && !/^\d{12}$/.test(account) && account !== 'aws') {
    out.push({
      problem: 'INVALID_ARN_ACCOUNT',
      message: `ARN account ${account} is not a 12-digit account ID`,
      span: fieldSpan(node, fields, 4),
    });
  }
  if (WILD.test(service) || !findService(data, service)) return out;
  const shapes = fittingShapes(shapesOf(service.toLowerCase()), resource);
  if (shapes.length === 0) {
    if (!WILD.test(resource.slice(0, 1)) && resource !== '') {
      const info = findService(data, service);
      if (info && info.resourceTypes.size > 0) {
        out.push({
          problem: 'INVALID_ARN_RESOURCE',
          message: `ARN resource ${resource} matches no ${service.toLowerCase()} resource type`,
          span: fieldSpan(node, fields, 5),
        });
      }
    }
    return out;
  }
  if (region !== '' && !WILD.test(region) && shapes.every((s) => !s.region)) {
    out.push({
      problem: 'ARN_REGION_NOT_ALLOWED',
      message: `${service.toLowerCase()} ARNs of this kind take no Region: remove ${region}`,
      span: fieldSpan(node, fields, 3),
      replacement: withField(fields, 3, ''),
    });
  }
  if (region === '' && shapes.every((s) => s.region)) {
    out.push({
      problem: 'MISSING_ARN_REGION',
      message: `${service.toLowerCase()} ARN ${text} needs a Region (or * for any Region)`,
      span: fieldSpan(node, fields, 3),
    });
  }
  if (account !== '' && !WILD.test(account) && shapes.every((s) => !s.account)) {
    out.push({
      problem: 'ARN_ACCOUNT_NOT_ALLOWED',
      message: `${service.toLowerCase()} ARNs of this kind take no account ID: remove ${account}`,
      span: fieldSpan(node, fields, 4),
      replacement: withField(fields, 4, ''),
    });
  }
  return out;
}

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
  for (const s of ctx.policy.statements) {
    for (const list of [s.resource, s.notResource]) {
      for (const v of list?.values ?? []) {
        if (v.kind !== 'string') continue;
        for (const f of ctx.facts.arnProblems(v)) if (f.problem === problem) report(f, v);
      }
    }
  }
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
