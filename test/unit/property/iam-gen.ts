// Generators of IAM policies for the property tests and the benchmark corpus: a policy as plain data, rendered as a
// policy JSON file, a CloudFormation YAML template or a Terraform file, with computed values (`!Ref`, `var.x`) in
// places. fast-check arbitraries for the tests; the benchmark reuses the renderers with its own seeded choices.
import fc from 'fast-check';

/** A value the host format computes: rendered as an intrinsic (YAML) or an expression (Terraform). */
export interface Computed {
  readonly computed: 'ref' | 'sub' | 'getatt';
  readonly name: string;
}
export type Scalar = string | Computed;
export type Field = Scalar | readonly Scalar[];

export interface GenStatement {
  Sid?: string;
  Effect?: string;
  Action?: Field;
  NotAction?: Field;
  Resource?: Field;
  NotResource?: Field;
  Principal?: '*' | Record<string, Field>;
  Condition?: Record<string, Record<string, Field>>;
}
export interface GenPolicy {
  readonly kind: 'identity' | 'resource' | 'trust';
  readonly statements: readonly GenStatement[];
}

export const ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:DeleteObject',
  's3:ListBucket',
  's3:PutBucketPolicy',
  's3:*',
  's3:Get*',
  'sqs:SendMessage',
  'sqs:ReceiveMessage',
  'sqs:*',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:*',
  'iam:PassRole',
  'iam:CreatePolicyVersion',
  'iam:AttachRolePolicy',
  'iam:CreateAccessKey',
  'iam:Get*',
  'iam:*',
  'lambda:CreateFunction',
  'lambda:InvokeFunction',
  'lambda:UpdateFunctionCode',
  'ec2:RunInstances',
  'ec2:Describe*',
  'ec2:CreateTags',
  'sts:AssumeRole',
  'secretsmanager:GetSecretValue',
  'ssm:GetParameter*',
  'kms:Decrypt',
  'kinesis:PutRecord',
  'sns:Publish',
  'logs:CreateLogStream',
  'logs:PutLogEvents',
  'iam:CreateServiceLinkedRole',
  '*',
  'S3:getobject',
  's3:GetObjekt',
  'nosuch:Thing',
  'iam:',
  '',
];

export const RESOURCES = [
  '*',
  'arn:aws:s3:::bucket',
  'arn:aws:s3:::bucket/*',
  'arn:aws:s3:::*',
  'arn:aws:s3:::*/*',
  'arn:aws:sqs:us-east-1:123456789012:orders',
  'arn:aws:sqs:*:*:*',
  'arn:aws:dynamodb:us-east-1:123456789012:table/Orders',
  'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/index/*',
  'arn:aws:iam::123456789012:role/*',
  'arn:aws:iam::123456789012:role/app-*',
  'arn:aws:iam::123456789012:user/${aws:username}',
  'arn:aws:lambda:us-east-1:123456789012:function:fn',
  'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-*',
  'arn:aws:kms:us-east-1:123456789012:key/1234',
  'arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn:*',
  'arn:aws:s3:us-east-1:123456789012:bucket',
  'arn:aws:s3',
  'not-an-arn',
];

export const PRINCIPALS: readonly ('*' | Record<string, Field>)[] = [
  '*',
  { AWS: '*' },
  { AWS: 'arn:aws:iam::123456789012:root' },
  { AWS: ['arn:aws:iam::444455556666:role/ci', '777788889999'] },
  { AWS: 'arn:aws:iam::*:root' },
  { Service: 'lambda.amazonaws.com' },
  { Service: ['ec2.amazonaws.com', 'ecs-tasks.amazonaws.com'] },
  { Federated: 'cognito-identity.amazonaws.com' },
  { CanonicalUser: 'abc' },
];

export const CONDITION_KEYS = [
  'aws:SourceIp',
  'aws:PrincipalOrgID',
  'aws:SourceArn',
  'aws:SourceAccount',
  'aws:ResourceTag/team',
  'aws:RequestedRegion',
  'aws:MultiFactorAuthPresent',
  'aws:SecureTransport',
  'iam:PassedToService',
  'iam:AWSServiceName',
  's3:prefix',
  'sts:ExternalId',
  'dynamodb:LeadingKeys',
  'nosuch:key',
];
export const OPERATORS = [
  'StringEquals',
  'StringLike',
  'StringNotEquals',
  'ArnLike',
  'ArnEquals',
  'Bool',
  'IpAddress',
  'NumericLessThan',
  'ForAnyValue:StringEquals',
  'ForAllValues:StringLike',
  'StringEqualsIfExists',
  'Null',
  'StringEqulas',
];
export const CONDITION_VALUES = [
  'true',
  'false',
  '10.0.0.0/8',
  'o-abc123',
  'lambda.amazonaws.com',
  'blue',
  '*',
  'home/${aws:username}/*',
];

const computed = fc.record({
  computed: fc.constantFrom<'ref' | 'sub' | 'getatt'>('ref', 'sub', 'getatt'),
  name: fc.constantFrom('Bucket', 'Queue', 'Table', 'Role', 'Fn'),
});
function scalar(pool: readonly string[]): fc.Arbitrary<Scalar> {
  return fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: computed });
}
function field(pool: readonly string[]): fc.Arbitrary<Field> {
  return fc.oneof(scalar(pool), fc.array(scalar(pool), { minLength: 0, maxLength: 5 }));
}

const condition: fc.Arbitrary<Record<string, Record<string, Field>>> = fc.dictionary(
  fc.constantFrom(...OPERATORS),
  fc.dictionary(fc.constantFrom(...CONDITION_KEYS), field(CONDITION_VALUES), { minKeys: 1, maxKeys: 2 }),
  { minKeys: 1, maxKeys: 2 },
);

export const statementArb: fc.Arbitrary<GenStatement> = fc.record(
  {
    Sid: fc.constantFrom('A', 'B', 'Read', 'Write', 'bad sid!'),
    Effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny', 'allow', 'Permit'),
    Action: field(ACTIONS),
    NotAction: field(ACTIONS),
    Resource: field(RESOURCES),
    NotResource: field(RESOURCES),
    Principal: fc.constantFrom(...PRINCIPALS),
    Condition: condition,
  },
  { requiredKeys: [] },
);

export const policyArb: fc.Arbitrary<GenPolicy> = fc.record({
  kind: fc.constantFrom<'identity' | 'resource' | 'trust'>('identity', 'resource', 'trust'),
  statements: fc.array(statementArb, { minLength: 0, maxLength: 6 }),
});

// ---------------------------------------------------------------------------------------------------------------
// Renderers

function isComputed(v: unknown): v is Computed {
  return typeof v === 'object' && v !== null && 'computed' in v;
}

/** Plain JSON value: computed values become CloudFormation long-form intrinsics (policy files keep them as data). */
function toCfnJson(v: unknown): unknown {
  if (isComputed(v)) {
    if (v.computed === 'ref') return { Ref: v.name };
    if (v.computed === 'getatt') return { 'Fn::GetAtt': [v.name, 'Arn'] };
    return { 'Fn::Sub': `arn:aws:s3:::\${${v.name}}/*` };
  }
  if (Array.isArray(v)) return v.map(toCfnJson);
  if (typeof v === 'object' && v !== null) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toCfnJson(x)]));
  }
  return v;
}

function policyObject(p: GenPolicy): unknown {
  return { Version: '2012-10-17', Statement: p.statements };
}

/** A policy file (computed values become `{"Ref": …}` objects, as an exported template would hold). */
export function renderJson(p: GenPolicy): string {
  return JSON.stringify(toCfnJson(policyObject(p)), null, 2);
}

function yamlScalar(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
function yamlComputed(v: Computed): string {
  if (v.computed === 'ref') return `!Ref ${v.name}`;
  if (v.computed === 'getatt') return `!GetAtt ${v.name}.Arn`;
  return `!Sub 'arn:aws:s3:::\${${v.name}}/*'`;
}
function yamlValue(v: unknown, indent: string): string {
  if (isComputed(v)) return ` ${yamlComputed(v)}`;
  if (typeof v === 'string') return ` ${yamlScalar(v)}`;
  if (Array.isArray(v)) {
    if (v.length === 0) return ' []';
    return v.map((x) => `\n${indent}- ${yamlValue(x, `${indent}  `).trimStart()}`).join('');
  }
  if (typeof v === 'object' && v !== null) {
    const entries = Object.entries(v);
    if (entries.length === 0) return ' {}';
    return entries.map(([k, x]) => `\n${indent}${yamlScalar(k)}:${yamlValue(x, `${indent}  `)}`).join('');
  }
  return ` ${String(v)}`;
}

/** A CloudFormation template holding the policy where its kind lives, with YAML short-form intrinsics. */
export function renderYaml(p: GenPolicy, name = 'Res'): string {
  const doc = yamlValue(policyObject(p), '        ');
  if (p.kind === 'trust') {
    return `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  ${name}:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:${yamlValue(policyObject(p), '        ')}\n`;
  }
  if (p.kind === 'resource') {
    return `Resources:\n  ${name}:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Bucket\n      PolicyDocument:${doc}\n`;
  }
  return `Resources:\n  ${name}:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:${doc}\n`;
}

function hclString(s: string): string {
  const escaped = s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
  return `"${escaped}"`;
}
function hclComputed(v: Computed): string {
  if (v.computed === 'ref') return `var.${v.name.toLowerCase()}_arn`;
  if (v.computed === 'getatt') return `aws_s3_bucket.${v.name.toLowerCase()}.arn`;
  return `"\${aws_s3_bucket.${v.name.toLowerCase()}.arn}/*"`;
}
function hclValue(v: unknown, indent: string): string {
  if (isComputed(v)) return hclComputed(v);
  if (typeof v === 'string') return hclString(v);
  if (Array.isArray(v)) return `[${v.map((x) => hclValue(x, indent)).join(', ')}]`;
  if (typeof v === 'object' && v !== null) {
    const inner = `${indent}  `;
    const entries = Object.entries(v).map(([k, x]) => `${inner}${JSON.stringify(k)} = ${hclValue(x, inner)}`);
    return entries.length ? `{\n${entries.join('\n')}\n${indent}}` : '{}';
  }
  return String(v);
}
function list(v: Field | undefined): readonly Scalar[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v as Scalar];
}

/** Terraform: `jsonencode({...})` for identity and resource policies, an `aws_iam_policy_document` for trust ones. */
export function renderTerraform(p: GenPolicy, name = 'res'): string {
  if (p.kind !== 'trust') {
    const target = p.kind === 'resource' ? 'aws_s3_bucket_policy' : 'aws_iam_policy';
    const extra = p.kind === 'resource' ? '  bucket = aws_s3_bucket.b.id\n' : `  name   = "${name}"\n`;
    return `resource "${target}" "${name}" {\n${extra}  policy = jsonencode(${hclValue(policyObject(p), '  ')})\n}\n`;
  }
  const blocks = p.statements.map((s) => {
    const lines: string[] = [];
    if (typeof s.Sid === 'string') lines.push(`    sid = ${hclString(s.Sid)}`);
    if (typeof s.Effect === 'string') lines.push(`    effect = ${hclString(s.Effect)}`);
    if (s.Action !== undefined) lines.push(`    actions = ${hclValue(list(s.Action), '    ')}`);
    if (s.NotAction !== undefined) lines.push(`    not_actions = ${hclValue(list(s.NotAction), '    ')}`);
    if (s.Resource !== undefined) lines.push(`    resources = ${hclValue(list(s.Resource), '    ')}`);
    if (s.Principal !== undefined) {
      const entries = s.Principal === '*' ? [['AWS', '*'] as const] : Object.entries(s.Principal);
      for (const [type, ids] of entries) {
        lines.push(
          `    principals {\n      type = ${hclString(type)}\n      identifiers = ${hclValue(list(ids as Field), '      ')}\n    }`,
        );
      }
    }
    for (const [op, keys] of Object.entries(s.Condition ?? {})) {
      for (const [key, values] of Object.entries(keys)) {
        lines.push(
          `    condition {\n      test = ${hclString(op)}\n      variable = ${hclString(key)}\n      values = ${hclValue(list(values), '      ')}\n    }`,
        );
      }
    }
    return `  statement {\n${lines.join('\n')}\n  }`;
  });
  return `data "aws_iam_policy_document" "${name}" {\n${blocks.join('\n')}\n}\n\nresource "aws_iam_role" "${name}" {\n  name               = "${name}"\n  assume_role_policy = data.aws_iam_policy_document.${name}.json\n}\n`;
}

export type HostFormat = 'json' | 'yaml' | 'hcl';
export const URI: Readonly<Record<HostFormat, string>> = { json: 'policy.json', yaml: 'template.yaml', hcl: 'main.tf' };
export function render(p: GenPolicy, format: HostFormat, name?: string): string {
  return format === 'json' ? renderJson(p) : format === 'yaml' ? renderYaml(p, name) : renderTerraform(p, name);
}

/** Random edits of a text: deletions, insertions of syntax characters, truncation. */
export const mutationArb = fc.array(
  fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    del: fc.nat({ max: 12 }),
    insert: fc.string({
      unit: fc.constantFrom(
        '{',
        '}',
        '[',
        ']',
        '"',
        "'",
        ':',
        ',',
        '\n',
        ' ',
        '*',
        '!',
        '$',
        '=',
        '#',
        '\\',
        'é',
        '😀',
      ),
      maxLength: 4,
    }),
  }),
  { minLength: 1, maxLength: 4 },
);
export function mutate(text: string, edits: readonly { at: number; del: number; insert: string }[]): string {
  let out = text;
  for (const e of edits) {
    const i = Math.floor(e.at * out.length);
    out = out.slice(0, i) + e.insert + out.slice(i + e.del);
  }
  return out;
}
