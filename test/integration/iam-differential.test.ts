// Differential test of the policy evaluator against moto's own IAM enforcement. moto checks identity policies once
// INITIAL_NO_AUTH_ACTION_COUNT requests have been served: the first three create an admin user and its key, then
// every request is signed and authorised. For a few hundred generated (policy, request) pairs, one IAM user gets the
// policy inline and makes the request; moto's answer (allowed / AccessDenied) is compared with ours.
// moto implements a simplified IAM (see moto/iam/access_control.py): every pair whose policy uses a feature moto
// reads differently is tagged with that feature, and only tagged pairs may disagree. docs/iam-evaluation.md lists
// and explains the disagreements.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { CreateQueueCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { compilePolicy, evaluate, makeRequest } from '../../server/src/core/iam/evaluate/evaluate';
import { loadPolicies } from '../../server/src/core/iam/evaluate/load';
import { rng } from '../../bench/corpus/generate';
import { startEnforcingMoto, type MotoServer } from '../support/moto';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const USER = 'difftest';
const USER_ARN = `arn:aws:iam::${ACCOUNT}:user/${USER}`;
const QUEUE_ARN = `arn:aws:sqs:${REGION}:${ACCOUNT}:diff-queue`;
const OTHER_QUEUE_ARN = `arn:aws:sqs:${REGION}:${ACCOUNT}:other-queue`;

interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** Features moto's enforcement reads differently from AWS (a pair using one may disagree, and is tallied). */
type Feature = 'action-case' | 'question-mark' | 'condition' | 'not-resource' | 'variable';

interface Operation {
  readonly name: string;
  readonly action: string;
  readonly resource: string;
  run(s3: S3Client, sqs: SQSClient, queueUrls: Readonly<Record<string, string>>): Promise<unknown>;
}

const OPERATIONS: readonly Operation[] = [
  {
    name: 'GetObject diff-bucket/data/a.txt',
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::diff-bucket/data/a.txt',
    run: (s3) => s3.send(new GetObjectCommand({ Bucket: 'diff-bucket', Key: 'data/a.txt' })),
  },
  {
    name: 'GetObject diff-bucket/logs/b.txt',
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::diff-bucket/logs/b.txt',
    run: (s3) => s3.send(new GetObjectCommand({ Bucket: 'diff-bucket', Key: 'logs/b.txt' })),
  },
  {
    name: 'GetObject other-bucket/data/c.txt',
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::other-bucket/data/c.txt',
    run: (s3) => s3.send(new GetObjectCommand({ Bucket: 'other-bucket', Key: 'data/c.txt' })),
  },
  {
    name: 'PutObject diff-bucket/data/new.txt',
    action: 's3:PutObject',
    resource: 'arn:aws:s3:::diff-bucket/data/new.txt',
    run: (s3) => s3.send(new PutObjectCommand({ Bucket: 'diff-bucket', Key: 'data/new.txt', Body: 'x' })),
  },
  {
    name: 'DeleteObject diff-bucket/tmp/x.txt',
    action: 's3:DeleteObject',
    resource: 'arn:aws:s3:::diff-bucket/tmp/x.txt',
    run: (s3) => s3.send(new DeleteObjectCommand({ Bucket: 'diff-bucket', Key: 'tmp/x.txt' })),
  },
  {
    name: 'ListBucket diff-bucket',
    action: 's3:ListBucket',
    resource: 'arn:aws:s3:::diff-bucket',
    run: (s3) => s3.send(new ListObjectsV2Command({ Bucket: 'diff-bucket' })),
  },
  {
    name: 'SendMessage diff-queue',
    action: 'sqs:SendMessage',
    resource: QUEUE_ARN,
    run: (_s3, sqs, q) => sqs.send(new SendMessageCommand({ QueueUrl: q['diff-queue'], MessageBody: 'hi' })),
  },
  {
    name: 'SendMessage other-queue',
    action: 'sqs:SendMessage',
    resource: OTHER_QUEUE_ARN,
    run: (_s3, sqs, q) => sqs.send(new SendMessageCommand({ QueueUrl: q['other-queue'], MessageBody: 'hi' })),
  },
  {
    name: 'ReceiveMessage diff-queue',
    action: 'sqs:ReceiveMessage',
    resource: QUEUE_ARN,
    run: (_s3, sqs, q) => sqs.send(new ReceiveMessageCommand({ QueueUrl: q['diff-queue'], WaitTimeSeconds: 0 })),
  },
];

const ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:DeleteObject',
  's3:ListBucket',
  's3:Get*',
  's3:*Object',
  's3:List*',
  's3:*',
  'sqs:SendMessage',
  'sqs:ReceiveMessage',
  'sqs:Send*',
  'sqs:*',
  '*',
];
const RESOURCES = [
  '*',
  'arn:aws:s3:::diff-bucket',
  'arn:aws:s3:::diff-bucket/*',
  'arn:aws:s3:::diff-bucket/data/*',
  'arn:aws:s3:::other-bucket/*',
  'arn:aws:s3:::diff-*',
  'arn:aws:s3:::*/data/*',
  QUEUE_ARN,
  OTHER_QUEUE_ARN,
  `arn:aws:sqs:${REGION}:${ACCOUNT}:diff-*`,
  `arn:aws:sqs:*:${ACCOUNT}:*`,
];

interface Case {
  readonly policy: Record<string, unknown>;
  readonly op: Operation;
  readonly features: ReadonlySet<Feature>;
}

function generate(count: number, seed: number): Case[] {
  const rnd = rng(seed); // deterministic, so a failure can be replayed
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const some = <T>(xs: readonly T[], max: number): T[] => {
    const n = 1 + Math.floor(rnd() * max);
    return [...new Set(Array.from({ length: n }, () => pick(xs)))];
  };
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    const features = new Set<Feature>();
    const op = OPERATIONS[i % OPERATIONS.length]!;
    const statements = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => {
      const s: Record<string, unknown> = { Effect: rnd() < 0.72 ? 'Allow' : 'Deny' };
      // Bias towards the operation's own action and resource, so that allow and deny are both common.
      let actions = some(
        rnd() < 0.5 ? [op.action, ...ACTIONS.filter((a) => a.startsWith(op.action.split(':')[0]!))] : ACTIONS,
        3,
      );
      const roll = rnd();
      if (roll < 0.06) {
        actions = actions.map((a) => (a === '*' ? a : a.toUpperCase()));
        features.add('action-case');
      } else if (roll < 0.1) {
        actions = [op.action.replace(/:(.)/, ':?')];
        features.add('question-mark');
      }
      s[rnd() < 0.12 ? 'NotAction' : 'Action'] = actions.length === 1 ? actions[0] : actions;
      let resources = some(rnd() < 0.5 ? [op.resource, '*', ...RESOURCES] : RESOURCES, 2);
      if (rnd() < 0.04) {
        resources = ['arn:aws:s3:::diff-bucket/${aws:username}/*', ...resources];
        features.add('variable');
      }
      if (rnd() < 0.08) {
        s.NotResource = resources;
        features.add('not-resource');
      } else s.Resource = resources.length === 1 ? resources[0] : resources;
      if (rnd() < 0.1) {
        s.Condition = pick([
          { Bool: { 'aws:SecureTransport': 'true' } },
          { Bool: { 'aws:SecureTransport': 'false' } },
          { StringEquals: { 'aws:username': USER } },
        ]);
        features.add('condition');
      }
      return s;
    });
    cases.push({ policy: { Version: '2012-10-17', Statement: statements }, op, features });
  }
  return cases;
}

function ourDecision(c: Case): boolean {
  const loaded = loadPolicies('case.json', JSON.stringify(c.policy, null, 2));
  assert.deepEqual(loaded.problems, []);
  const identity = loaded.sources.map((s) => compilePolicy(s, 'identity'));
  const request = makeRequest(USER_ARN, c.op.action, c.op.resource, [['aws:SecureTransport', 'false']]);
  assert.ok(request);
  return evaluate({ identity, resource: [] }, request).decision === 'allow';
}

/** moto's answer: true allowed, false AccessDenied, undefined when the request failed for another reason. */
async function motoDecision(run: () => Promise<unknown>): Promise<boolean | undefined> {
  try {
    await run();
    return true;
  } catch (e) {
    const err = e as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
    if (/AccessDenied/.test(err.name ?? '') || /AccessDenied/.test(err.Code ?? '')) return false;
    if (err.$metadata?.httpStatusCode === 403) return false;
    return undefined;
  }
}

describe('policy evaluator vs moto IAM enforcement', () => {
  let moto: MotoServer;
  let admin: { iam: IAMClient; s3: S3Client; sqs: SQSClient };
  let user: { s3: S3Client; sqs: SQSClient };
  const queueUrls: Record<string, string> = {};
  const clients = (endpoint: string, credentials: Credentials) => {
    const config = { endpoint, region: REGION, credentials, forcePathStyle: true };
    return { iam: new IAMClient(config), s3: new S3Client(config), sqs: new SQSClient(config) };
  };

  before(async () => {
    // The three unauthenticated requests: an admin user, its policy, its key.
    const started = await startEnforcingMoto();
    moto = started.moto;
    admin = clients(moto.endpoint, started.admin);
    await admin.iam.send(new CreateUserCommand({ UserName: USER }));
    const key = (await admin.iam.send(new CreateAccessKeyCommand({ UserName: USER }))).AccessKey!;
    user = clients(moto.endpoint, { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
    for (const b of ['diff-bucket', 'other-bucket']) await admin.s3.send(new CreateBucketCommand({ Bucket: b }));
    for (const [b, k] of [
      ['diff-bucket', 'data/a.txt'],
      ['diff-bucket', 'logs/b.txt'],
      ['other-bucket', 'data/c.txt'],
    ] as const) {
      await admin.s3.send(new PutObjectCommand({ Bucket: b, Key: k, Body: k }));
    }
    for (const q of ['diff-queue', 'other-queue']) {
      queueUrls[q] = (await admin.sqs.send(new CreateQueueCommand({ QueueName: q }))).QueueUrl!;
    }
  });
  after(async () => {
    for (const c of [admin, user]) {
      if (!c) continue;
      for (const client of Object.values(c)) client.destroy();
    }
    await moto?.stop();
  });

  it('enforces at all: the user with no policy is denied, the admin is not', async () => {
    assert.equal(await motoDecision(() => OPERATIONS[0]!.run(user.s3, user.sqs, queueUrls)), false);
    assert.equal(await motoDecision(() => OPERATIONS[0]!.run(admin.s3, admin.sqs, queueUrls)), true);
  });

  it('agrees on at least 200 generated pairs; disagreements only where moto reads a feature differently', async () => {
    const cases = generate(260, 12);
    const decided: { c: Case; ours: boolean; theirs: boolean }[] = [];
    let undecided = 0;
    for (const c of cases) {
      await admin.iam.send(
        new PutUserPolicyCommand({ UserName: USER, PolicyName: 'case', PolicyDocument: JSON.stringify(c.policy) }),
      );
      if (c.op.action === 's3:DeleteObject') {
        await admin.s3.send(new PutObjectCommand({ Bucket: 'diff-bucket', Key: 'tmp/x.txt', Body: 'x' }));
      }
      const theirs = await motoDecision(() => c.op.run(user.s3, user.sqs, queueUrls));
      if (theirs === undefined) {
        undecided++;
        continue;
      }
      decided.push({ c, ours: ourDecision(c), theirs });
    }
    const disagreements = decided.filter((d) => d.ours !== d.theirs);
    const unexplained = disagreements.filter((d) => d.c.features.size === 0);
    const byFeature = new Map<string, number>();
    for (const d of disagreements) {
      const key = [...d.c.features].sort().join('+');
      byFeature.set(key, (byFeature.get(key) ?? 0) + 1);
    }
    const allowed = decided.filter((d) => d.theirs).length;
    console.log(
      `[differential] ${decided.length} pairs decided by both (${allowed} allowed, ${decided.length - allowed} denied by moto), ` +
        `${undecided} undecided; ${disagreements.length} disagreements: ` +
        `${[...byFeature].map(([f, n]) => `${f} ${n}`).join(', ') || 'none'}`,
    );
    for (const d of disagreements) {
      const tag = [...d.c.features].sort().join('+') || 'UNEXPLAINED';
      const verdict = (allow: boolean) => (allow ? 'allow' : 'deny');
      console.log(
        `[differential] ${tag}: ${d.c.op.name}: ours ${verdict(d.ours)}, moto ${verdict(d.theirs)}; ${JSON.stringify(d.c.policy.Statement)}`,
      );
    }
    assert.ok(decided.length >= 200, `${decided.length} pairs decided by both`);
    assert.ok(allowed >= 40 && decided.length - allowed >= 40, 'both outcomes are well represented');
    assert.deepEqual(
      unexplained.map((d) => d.c.op.name),
      [],
    );
  });
});
