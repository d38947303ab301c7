// Generates the IAM benchmark corpus: realistic policies a learner writes (a Lambda's table access, a queue
// consumer, a bucket reader, trust policies for services and partner accounts, bucket and queue policies), about a
// fifth of them over-privileged, as policy JSON files, CloudFormation YAML templates and Terraform files.
// Deterministic (seeded), so runs compare. Run alone: node --import tsx bench/corpus/generate.ts <dir> [count]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Computed,
  type Field,
  type GenPolicy,
  type GenStatement,
  type HostFormat,
  render,
  renderTerraform,
  renderYaml,
} from '../../test/unit/property/iam-gen';

/** mulberry32: a tiny seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Pick = <T>(xs: readonly T[]) => T;

const ACCOUNT = '123456789012';
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const NAMES = [
  'orders',
  'payments',
  'users',
  'inventory',
  'audit',
  'sessions',
  'catalog',
  'events',
  'billing',
  'search',
];

function arn(service: string, region: string, resource: string): string {
  return `arn:aws:${service}:${region}:${ACCOUNT}:${resource}`;
}

/** Resources are literal in policy files and sometimes computed in templates. */
function res(literal: string, computed: boolean, name: string): Field {
  return computed ? ({ computed: 'getatt', name } satisfies Computed) : literal;
}

/** One realistic identity statement set (least-privilege), by workload. */
function identityStatements(pick: Pick, computed: boolean): GenStatement[] {
  const n = pick(NAMES);
  const r = pick(REGIONS);
  const table = arn('dynamodb', r, `table/${n}`);
  const logGroup = arn('logs', r, `log-group:/aws/lambda/${n}-fn:*`);
  const workloads: (() => GenStatement[])[] = [
    () => [
      {
        Sid: 'Logs',
        Effect: 'Allow',
        Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: logGroup,
      },
      {
        Sid: 'Table',
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'],
        Resource: [res(table, computed, 'Table') as Computed | string, `${table}/index/*`],
      },
    ],
    () => [
      {
        Sid: 'List',
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: res(`arn:aws:s3:::${n}-data`, computed, 'Bucket'),
      },
      {
        Sid: 'Read',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:GetObjectVersion'],
        Resource: `arn:aws:s3:::${n}-data/*`,
      },
    ],
    () => [
      {
        Sid: 'Consume',
        Effect: 'Allow',
        Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility'],
        Resource: res(arn('sqs', r, `${n}-queue`), computed, 'Queue'),
      },
    ],
    () => [
      {
        Sid: 'Produce',
        Effect: 'Allow',
        Action: ['kinesis:PutRecord', 'kinesis:PutRecords', 'kinesis:DescribeStreamSummary'],
        Resource: arn('kinesis', r, `stream/${n}-stream`),
      },
    ],
    () => [{ Sid: 'Publish', Effect: 'Allow', Action: 'sns:Publish', Resource: arn('sns', r, `${n}-topic`) }],
    () => [
      {
        Sid: 'Secret',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: arn('secretsmanager', r, `secret:${n}/db-*`),
      },
      {
        Sid: 'Key',
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: arn('kms', r, 'key/1234abcd-12ab-34cd-56ef-1234567890ab'),
        Condition: { StringEquals: { 'kms:ViaService': `secretsmanager.${r}.amazonaws.com` } },
      },
    ],
    () => [
      {
        Sid: 'OwnKeys',
        Effect: 'Allow',
        Action: ['iam:CreateAccessKey', 'iam:DeleteAccessKey', 'iam:ListAccessKeys'],
        Resource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`,
      },
    ],
    () => [
      { Sid: 'Describe', Effect: 'Allow', Action: ['ec2:DescribeInstances', 'ec2:DescribeVpcs'], Resource: '*' },
      {
        Sid: 'StartStop',
        Effect: 'Allow',
        Action: ['ec2:StartInstances', 'ec2:StopInstances'],
        Resource: arn('ec2', r, 'instance/*'),
        Condition: { StringEquals: { 'aws:ResourceTag/team': n } },
      },
    ],
  ];
  return pick(workloads)();
}

/** Over-privileged shapes learners write (and the risk rules exist for). */
function riskyStatements(pick: Pick): GenStatement[] {
  const n = pick(NAMES);
  const shapes: (() => GenStatement[])[] = [
    () => [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    () => [{ Sid: 'Everything', Effect: 'Allow', Action: ['s3:*', 'dynamodb:*'], Resource: '*' }],
    () => [
      { Sid: 'Deploy', Effect: 'Allow', Action: ['lambda:CreateFunction', 'lambda:InvokeFunction'], Resource: '*' },
      { Sid: 'Pass', Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::${ACCOUNT}:role/*` },
    ],
    () => [{ Sid: 'AllButIam', Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }],
    () => [
      {
        Sid: 'Secrets',
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue', 'ssm:GetParameter*'],
        Resource: '*',
      },
    ],
    () => [
      { Sid: 'Policies', Effect: 'Allow', Action: ['iam:CreatePolicyVersion', 'iam:AttachRolePolicy'], Resource: '*' },
    ],
    () => [{ Sid: 'Queue', Effect: 'Allow', Action: 'sqs:*', Resource: arn('sqs', 'us-east-1', `${n}-queue`) }],
    () => [{ Sid: 'Slr', Effect: 'Allow', Action: ['iam:CreateServiceLinkedRole', 'ec2:CreateTags'], Resource: '*' }],
  ];
  return pick(shapes)();
}

function trustStatements(pick: Pick, risky: boolean): GenStatement[] {
  if (risky) {
    return pick<GenStatement[]>([
      [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }],
      [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole' }],
    ]);
  }
  return pick<GenStatement[]>([
    [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    [{ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com'] }, Action: 'sts:AssumeRole' }],
    [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    [
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::444455556666:root' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'partner-7f3a' } },
      },
    ],
    [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/shop:ref:refs/heads/main' },
        },
      },
    ],
  ]);
}

function resourceStatements(pick: Pick, risky: boolean): GenStatement[] {
  const n = pick(NAMES);
  if (risky) {
    return [
      { Sid: 'Public', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${n}-site/*` },
    ];
  }
  return pick<GenStatement[]>([
    [
      {
        Sid: 'CloudFront',
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: `arn:aws:s3:::${n}-site/*`,
        Condition: { StringEquals: { 'aws:SourceArn': `arn:aws:cloudfront::${ACCOUNT}:distribution/E2ABC` } },
      },
      {
        Sid: 'TlsOnly',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${n}-site`, `arn:aws:s3:::${n}-site/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
    [
      {
        Sid: 'App',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/${n}-app` },
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: `arn:aws:s3:::${n}-data/*`,
      },
    ],
  ]);
}

function policyFor(pick: Pick, random: () => number, computed: boolean): GenPolicy {
  const risky = random() < 0.2;
  const roll = random();
  if (roll < 0.6) {
    const statements = risky
      ? [...identityStatements(pick, computed), ...riskyStatements(pick)]
      : identityStatements(pick, computed);
    return { kind: 'identity', statements };
  }
  if (roll < 0.8) return { kind: 'trust', statements: trustStatements(pick, risky) };
  return { kind: 'resource', statements: resourceStatements(pick, risky) };
}

export interface CorpusStats {
  readonly files: number;
  readonly policies: number;
  readonly bytes: number;
  readonly byFormat: Readonly<Record<HostFormat, number>>;
}

/** Writes `count` files (about 40 % JSON, 35 % YAML, 25 % Terraform); YAML and Terraform files may hold several. */
export function writeCorpus(dir: string, count = 1500, seed = 2026): CorpusStats {
  mkdirSync(dir, { recursive: true });
  const random = rng(seed);
  const pick: Pick = (xs) => xs[Math.floor(random() * xs.length)]!;
  const byFormat: Record<HostFormat, number> = { json: 0, yaml: 0, hcl: 0 };
  let policies = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const roll = random();
    const format: HostFormat = roll < 0.4 ? 'json' : roll < 0.75 ? 'yaml' : 'hcl';
    const per = format === 'json' ? 1 : 1 + Math.floor(random() * 3);
    const docs = Array.from({ length: per }, () => policyFor(pick, random, format !== 'json'));
    let text: string;
    if (format === 'json') text = render(docs[0]!, 'json');
    else if (format === 'yaml') {
      const blocks = docs.map((d, k) => renderYaml(d, `Res${k}`).replace(/^[\s\S]*?Resources:\n/, ''));
      text = `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${blocks.join('')}`;
    } else text = docs.map((d, k) => renderTerraform(d, `res${i}_${k}`)).join('\n');
    const name = `${String(i).padStart(4, '0')}-${docs[0]!.kind}.${format === 'json' ? 'json' : format === 'yaml' ? 'yaml' : 'tf'}`;
    writeFileSync(join(dir, name), text);
    byFormat[format]++;
    policies += per;
    bytes += Buffer.byteLength(text);
  }
  return { files: count, policies, bytes, byFormat };
}

/** One identity policy of about `targetBytes` characters of JSON, made of realistic statements (some risky). */
export function largePolicy(targetBytes = 10_240, seed = 7): GenPolicy {
  const random = rng(seed);
  const pick: Pick = (xs) => xs[Math.floor(random() * xs.length)]!;
  const statements: GenStatement[] = [];
  let k = 0;
  while (render({ kind: 'identity', statements }, 'json').length < targetBytes) {
    const batch = random() < 0.15 ? riskyStatements(pick) : identityStatements(pick, false);
    for (const s of batch) statements.push({ ...s, Sid: `S${k++}` });
  }
  statements.pop();
  return { kind: 'identity', statements };
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node --import tsx bench/corpus/generate.ts <dir> [count]');
    process.exit(2);
  }
  const stats = writeCorpus(dir, Number(process.argv[3] ?? 1500));
  console.log(JSON.stringify(stats));
}
