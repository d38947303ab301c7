// scripts/seed-demo.mjs against a real moto server: everything the demo promises exists, and a second run
// neither fails nor duplicates messages or records.
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import {
  IAMClient,
  GetRoleCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
} from '@aws-sdk/client-iam';
import { GetRecordsCommand, GetShardIteratorCommand, KinesisClient, ListShardsCommand } from '@aws-sdk/client-kinesis';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { KMSClient, ListAliasesCommand } from '@aws-sdk/client-kms';
import { LambdaClient, GetFunctionCommand } from '@aws-sdk/client-lambda';
import { SecretsManagerClient, DescribeSecretCommand } from '@aws-sdk/client-secrets-manager';
import {
  ListSubscriptionsByTopicCommand,
  ListTopicsCommand,
  SNSClient,
  GetSubscriptionAttributesCommand,
} from '@aws-sdk/client-sns';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { startEmulator, type TestEmulator } from '../support/emulator';

const run = promisify(execFile);
const script = join(__dirname, '..', '..', 'scripts', 'seed-demo.mjs');

describe('seed-demo script', () => {
  let moto: TestEmulator;
  before(async () => {
    moto = await startEmulator();
  });
  beforeEach(() => moto.reset());
  after(async () => {
    await moto?.reset();
    await moto?.stop();
  });

  // Services served elsewhere (DynamoDB beside LocalStack) reach the script the SDK way: AWS_ENDPOINT_URL_<SERVICE>.
  const seed = () =>
    run(process.execPath, [script, moto.endpoint], {
      timeout: 60_000,
      env: {
        ...process.env,
        ...Object.fromEntries(
          Object.entries(moto.endpoints).map(([service, url]) => [`AWS_ENDPOINT_URL_${service.toUpperCase()}`, url]),
        ),
      },
    });

  test('seeds a bucket, queues with a DLQ, a stream, a table, a role, a topic, a function, a secret and a key — twice without duplicates', async () => {
    const first = await seed();
    assert.match(first.stdout, /IAM role and policies/);
    await seed();

    const cfg = moto.config();
    const s3 = new S3Client(cfg);
    const sqs = new SQSClient(cfg);
    const kinesis = new KinesisClient({ ...cfg, requestHandler: new NodeHttpHandler() });
    const ddb = new DynamoDBClient(moto.config('dynamodb'));
    const iam = new IAMClient(cfg);
    try {
      const objects = await s3.send(new ListObjectsV2Command({ Bucket: 'lab-demo-assets' }));
      const keys = (objects.Contents ?? []).map((o) => o.Key);
      assert.ok(keys.includes('images/logo.png') && keys.includes('README.txt'), keys.join(','));
      assert.ok(keys.some((k) => k?.startsWith('orders/') && k.endsWith('.json')));

      const depth = async (name: string) => {
        const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: name }));
        const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
        return Attributes ?? {};
      };
      assert.equal((await depth('lab-orders')).ApproximateNumberOfMessages, '3');
      const fifo = await depth('lab-payments.fifo');
      assert.equal(fifo.FifoQueue, 'true');
      const redrive = JSON.parse(fifo.RedrivePolicy ?? '{}');
      assert.match(redrive.deadLetterTargetArn, /lab-payments-dlq\.fifo$/);
      assert.equal(Number(redrive.maxReceiveCount), 3);

      const { Shards } = await kinesis.send(new ListShardsCommand({ StreamName: 'lab-clickstream' }));
      const { ShardIterator } = await kinesis.send(
        new GetShardIteratorCommand({
          StreamName: 'lab-clickstream',
          ShardId: Shards?.[0]?.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      );
      const { Records } = await kinesis.send(new GetRecordsCommand({ ShardIterator }));
      assert.equal(Records?.length, 5);

      const { Count } = await ddb.send(new ScanCommand({ TableName: 'lab-orders', Select: 'COUNT' }));
      assert.equal(Count, 5);

      const role = await iam.send(new GetRoleCommand({ RoleName: 'lab-order-processor' }));
      assert.match(decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? ''), /lambda\.amazonaws\.com/);
      const inline = await iam.send(new ListRolePoliciesCommand({ RoleName: 'lab-order-processor' }));
      assert.deepEqual(inline.PolicyNames, ['consume-orders']);
      const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'lab-order-processor' }));
      assert.deepEqual(
        attached.AttachedPolicies?.map((p) => p.PolicyName),
        ['lab-read-orders'],
      );

      const sns = new SNSClient(cfg);
      const lambda = new LambdaClient(cfg);
      const secrets = new SecretsManagerClient(cfg);
      const kms = new KMSClient(cfg);
      try {
        const { Topics } = await sns.send(new ListTopicsCommand({}));
        const topic = Topics?.find((t) => t.TopicArn?.endsWith(':lab-order-events'));
        assert.ok(topic, JSON.stringify(Topics));
        const { Subscriptions } = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topic.TopicArn }));
        assert.equal(Subscriptions?.length, 1, 'a second run adds no subscription');
        assert.match(Subscriptions?.[0]?.Endpoint ?? '', /:lab-orders$/);
        const sub = await sns.send(
          new GetSubscriptionAttributesCommand({ SubscriptionArn: Subscriptions?.[0]?.SubscriptionArn }),
        );
        assert.deepEqual(JSON.parse(sub.Attributes?.FilterPolicy ?? '{}'), {
          eventType: ['OrderPlaced', 'OrderShipped'],
        });

        const fn = await lambda.send(new GetFunctionCommand({ FunctionName: 'lab-order-handler' }));
        assert.equal(fn.Configuration?.Runtime, 'nodejs20.x');
        assert.match(fn.Configuration?.Role ?? '', /role\/lab-order-processor$/);

        const secret = await secrets.send(new DescribeSecretCommand({ SecretId: 'lab/orders/db-password' }));
        assert.equal(secret.Name, 'lab/orders/db-password');

        const { Aliases } = await kms.send(new ListAliasesCommand({}));
        assert.equal(Aliases?.filter((a) => a.AliasName === 'alias/lab-orders').length, 1);
      } finally {
        for (const c of [sns, lambda, secrets, kms]) c.destroy();
      }
    } finally {
      for (const c of [s3, sqs, kinesis, ddb, iam]) c.destroy();
    }
  });

  test('refuses an endpoint that is not local', async () => {
    await assert.rejects(run(process.execPath, [script, 'https://sqs.us-east-1.amazonaws.com']), (err: Error) => {
      assert.match(String((err as Error & { stderr?: string }).stderr), /Refusing to seed/);
      return true;
    });
  });
});
