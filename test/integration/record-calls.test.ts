// "Record my calls" end to end on a moto that enforces IAM: a short session (S3 put/get, SQS send/receive, DynamoDB
// query) made with the real AWS SDK through the recording proxy, the policy generated from it, then an IAM user with
// exactly that policy repeats the session successfully, and with one action removed is denied. Then the same through
// the command line (`node dist/cli.js record`).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CreateTableCommand, DynamoDBClient, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { compilePolicy, evaluate, makeRequest } from '../../server/src/core/iam/evaluate/evaluate';
import { loadPolicies } from '../../server/src/core/iam/evaluate/load';
import { generatePolicy, type GeneratedPolicy, policyText } from '../../server/src/core/iam/record/generate';
import { accessOf } from '../../server/src/core/iam/record/requests';
import { CallLog } from '../../server/src/record/callLog';
import { startRecordingProxy, type RecordingProxy } from '../../server/src/record/proxy';
import { startEnforcingMoto, type MotoServer, type TestCredentials } from '../support/moto';
import { pkSkTableInput } from '../support/tables';

const ACCOUNT = '123456789012'; // moto's default account
const REGION = 'us-east-1';
const BUCKET = 'rec-bucket';
const TABLE = 'rec-orders';
const USER = 'recorded';
const USER_ARN = `arn:aws:iam::${ACCOUNT}:user/${USER}`;

interface Step {
  readonly name: string;
  run(): Promise<unknown>;
}

/** The learner's session, as SDK calls against `endpoint` with `credentials`. */
function session(endpoint: string, credentials: TestCredentials, queueUrl: string) {
  const config = { endpoint, region: REGION, credentials, forcePathStyle: true, maxAttempts: 1 };
  const s3 = new S3Client(config);
  const sqs = new SQSClient(config);
  const ddb = new DynamoDBClient(config);
  const steps: Step[] = [
    {
      name: 'PutObject',
      run: () => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'orders/1.json', Body: '{"id":1}' })),
    },
    {
      name: 'GetObject',
      run: async () => {
        const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'orders/1.json' }));
        return out.Body?.transformToString();
      },
    },
    {
      name: 'SendMessage',
      run: () => sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'order 1' })),
    },
    {
      name: 'ReceiveMessage',
      run: () => sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 0 })),
    },
    {
      name: 'Query',
      run: () =>
        ddb.send(
          new QueryCommand({
            TableName: TABLE,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': { S: 'customer#1' } },
          }),
        ),
    },
  ];
  return {
    steps,
    destroy: () => {
      s3.destroy();
      sqs.destroy();
      ddb.destroy();
    },
  };
}

/** Runs every step; returns the name of the first one refused with AccessDenied (undefined: all succeeded). */
async function runSession(endpoint: string, credentials: TestCredentials, queueUrl: string) {
  const s = session(endpoint, credentials, queueUrl);
  try {
    for (const step of s.steps) {
      try {
        await step.run();
      } catch (e) {
        const err = e as { name?: string; $metadata?: { httpStatusCode?: number }; message?: string };
        if (/AccessDenied/.test(err.name ?? '') || err.$metadata?.httpStatusCode === 403) return step.name;
        throw new Error(`${step.name} failed: ${err.name}: ${err.message}`);
      }
    }
    return undefined;
  } finally {
    s.destroy();
  }
}

/**
 * moto authorises DynamoDB (and every service but S3, SQS, IAM and STS) against the resource `*`, not the table's
 * ARN (moto/core/responses.py: call_action without _determine_resource), so a table-scoped statement never matches
 * there. The copy of the policy given to moto names `*` for those statements; the actions stay exactly as generated.
 * The first test pins this moto behaviour, so the widening goes as soon as moto checks table ARNs.
 */
function forMoto(policy: GeneratedPolicy): GeneratedPolicy {
  return {
    ...policy,
    Statement: policy.Statement.map((s) =>
      s.Action.every((a) => a.startsWith('dynamodb:')) ? { ...s, Resource: ['*'] } : s,
    ),
  };
}

describe('Record my calls: a generated policy repeats the session under moto IAM enforcement', () => {
  let moto: MotoServer;
  let admin: TestCredentials;
  let proxy: RecordingProxy;
  let queueUrl: string;
  let iam: IAMClient;
  let userCredentials: TestCredentials;
  const log = new CallLog();
  const statuses: number[] = [];

  before(async () => {
    ({ moto, admin } = await startEnforcingMoto());
    const config = { endpoint: moto.endpoint, region: REGION, credentials: admin, forcePathStyle: true };
    iam = new IAMClient(config);
    const s3 = new S3Client(config);
    const sqs = new SQSClient(config);
    const ddb = new DynamoDBClient(config);
    try {
      await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
      queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'rec-queue' }))).QueueUrl!;
      await ddb.send(new CreateTableCommand(pkSkTableInput(TABLE)));
      await ddb.send(new PutItemCommand({ TableName: TABLE, Item: { pk: { S: 'customer#1' }, sk: { S: 'order#1' } } }));
    } finally {
      s3.destroy();
      sqs.destroy();
      ddb.destroy();
    }
    await iam.send(new CreateUserCommand({ UserName: USER }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: USER }))).AccessKey!;
    userCredentials = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    proxy = await startRecordingProxy({
      target: () => moto.endpoint,
      onRequest: (req, status) => {
        statuses.push(status);
        log.add(accessOf(req, { account: ACCOUNT, region: REGION }), status);
      },
    });
  });

  after(async () => {
    iam?.destroy();
    await proxy?.close();
    await moto?.stop();
  });

  const putPolicy = (policy: GeneratedPolicy) =>
    iam.send(
      new PutUserPolicyCommand({ UserName: USER, PolicyName: 'recorded', PolicyDocument: JSON.stringify(policy) }),
    );

  it('records the session made through the proxy as exact actions and ARNs', async () => {
    assert.equal(await runSession(proxy.url, admin, queueUrl), undefined);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200]);
    const recorded = log
      .summary()
      .access.map((a) => `${a.action} ${a.resource}`)
      .sort();
    assert.deepEqual(recorded, [
      `dynamodb:Query arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${TABLE}`,
      `s3:GetObject arn:aws:s3:::${BUCKET}/orders/1.json`,
      `s3:PutObject arn:aws:s3:::${BUCKET}/orders/1.json`,
      `sqs:ReceiveMessage arn:aws:sqs:${REGION}:${ACCOUNT}:rec-queue`,
      `sqs:SendMessage arn:aws:sqs:${REGION}:${ACCOUNT}:rec-queue`,
    ]);
    assert.deepEqual(log.summary().unmapped, []);
  });

  it('generates a policy our evaluator allows the whole session under, and nothing else of it', () => {
    const policy = generatePolicy(log.summary().access);
    const loaded = loadPolicies('recorded-policy.json', policyText(policy));
    assert.deepEqual(loaded.problems, []);
    const identity = loaded.sources.map((s) => compilePolicy(s, 'identity'));
    for (const a of log.summary().access) {
      const request = makeRequest(USER_ARN, a.action, a.resource);
      assert.ok(request);
      assert.equal(evaluate({ identity, resource: [] }, request).decision, 'allow', `${a.action} ${a.resource}`);
    }
    const other = makeRequest(USER_ARN, 's3:DeleteObject', `arn:aws:s3:::${BUCKET}/orders/1.json`);
    assert.ok(other);
    assert.equal(evaluate({ identity, resource: [] }, other).decision, 'implicit-deny');
    assert.deepEqual(
      policy.Statement.map((s) => s.Sid),
      ['DynamodbAccess1', 'S3Access1', 'SqsAccess1'],
    );
  });

  it('moto checks DynamoDB against "*": the table-scoped statement alone is denied there', async () => {
    const policy = generatePolicy(log.summary().access);
    await putPolicy(policy);
    assert.equal(await runSession(moto.endpoint, userCredentials, queueUrl), 'Query');
  });

  it('a user with the generated policy repeats the session under enforcement', async () => {
    await putPolicy(forMoto(generatePolicy(log.summary().access)));
    assert.equal(await runSession(moto.endpoint, userCredentials, queueUrl), undefined);
  });

  it('a user with one action removed is denied at that call', async () => {
    for (const [removed, step] of [
      ['sqs:ReceiveMessage', 'ReceiveMessage'],
      ['s3:GetObject', 'GetObject'],
      ['dynamodb:Query', 'Query'],
    ] as const) {
      const policy = forMoto(generatePolicy(log.summary().access.filter((a) => a.action !== removed)));
      await putPolicy(policy);
      assert.equal(await runSession(moto.endpoint, userCredentials, queueUrl), step, `without ${removed}`);
    }
  });
});

describe('node dist/cli.js record', () => {
  let moto: MotoServer;
  let admin: TestCredentials;
  before(async () => {
    ({ moto, admin } = await startEnforcingMoto());
  });
  after(async () => {
    await moto?.stop();
  });

  it('prints the proxy URL, records until SIGINT, then writes the policy to stdout', async () => {
    const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
    const child = spawn(
      process.execPath,
      [cli, 'record', '--endpoint', moto.endpoint, '--account', ACCOUNT, '--region', REGION],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      const url = await new Promise<string>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no proxy URL within 20 s: ${stderr}`)), 20_000);
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
          const m = /through (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
          if (m) {
            clearTimeout(timer);
            done(m[1]!);
          }
        });
      });
      const s3 = new S3Client({ endpoint: url, region: REGION, credentials: admin, forcePathStyle: true });
      try {
        await s3.send(new CreateBucketCommand({ Bucket: 'cli-bucket' }));
        await s3.send(new PutObjectCommand({ Bucket: 'cli-bucket', Key: 'a.txt', Body: 'a' }));
      } finally {
        s3.destroy();
      }
    } finally {
      child.kill('SIGINT');
    }
    assert.equal(await exited, 0, stderr);
    assert.deepEqual(JSON.parse(stdout), {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'S3Access1', Effect: 'Allow', Action: ['s3:CreateBucket'], Resource: ['arn:aws:s3:::cli-bucket'] },
        { Sid: 'S3Access2', Effect: 'Allow', Action: ['s3:PutObject'], Resource: ['arn:aws:s3:::cli-bucket/a.txt'] },
      ],
    });
    assert.match(stderr, /Recorded 2 request\(s\), 2 permission\(s\)/);
  });
});
