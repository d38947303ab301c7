#!/usr/bin/env node
// `node scripts/seed-demo.mjs [endpoint]`: fills a local emulator with a small, realistic lab — a bucket with objects
// under a few prefixes, a standard queue, a FIFO queue with a dead-letter queue, a Kinesis stream with records,
// a DynamoDB table with items, an IAM role with a trust policy, an inline and a managed policy, an SNS topic fanning
// out to the standard queue with a filter policy, a Lambda function, a secret and a KMS key with an alias.
// Safe to run again: existing resources are kept, objects and items are rewritten, messages/records are only
// added to empty queues/new streams. Refuses non-local endpoints unless --allow-remote is given.
import { CreateBucketCommand, HeadBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  CreateStreamCommand,
  DescribeStreamSummaryCommand,
  KinesisClient,
  PutRecordsCommand,
  waitUntilStreamExists,
} from '@aws-sdk/client-kinesis';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  GetRoleCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateFunctionCommand, GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateAliasCommand, CreateKeyCommand, KMSClient, ListAliasesCommand } from '@aws-sdk/client-kms';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zipOf } from './lib/zip.mjs';

export const DEMO = {
  bucket: 'lab-demo-assets',
  queue: 'lab-orders',
  fifoQueue: 'lab-payments.fifo',
  deadLetterQueue: 'lab-payments-dlq.fifo',
  stream: 'lab-clickstream',
  table: 'lab-orders',
  role: 'lab-order-processor',
  managedPolicy: 'lab-read-orders',
  topic: 'lab-order-events',
  function: 'lab-order-handler',
  secret: 'lab/orders/db-password',
  keyAlias: 'alias/lab-orders',
};

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|[a-z0-9.-]*\.?localhost\.localstack\.cloud)$/i;

/** SDK v3 settings for a local emulator: fixed region, dummy credentials, path-style S3. */
function clientConfig(endpoint) {
  return {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    forcePathStyle: true,
    maxAttempts: 2,
  };
}

const isName = (err, ...names) => names.includes(err?.name) || names.includes(err?.Code);

async function step(label, fn, log) {
  try {
    const detail = await fn();
    log(`  ✔ ${label}${detail ? ` — ${detail}` : ''}`);
  } catch (err) {
    throw new Error(`Seed ${label} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

async function seedS3(s3) {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: DEMO.bucket }));
  } catch {
    await s3.send(new CreateBucketCommand({ Bucket: DEMO.bucket }));
  }
  const icon = readFileSync(fileURLToPath(new URL('../media/icon.png', import.meta.url)));
  const orders = (day, n) =>
    JSON.stringify(
      Array.from({ length: n }, (_, i) => ({ orderId: `o-${day}-${i + 1}`, total: 12.5 * (i + 1), currency: 'EUR' })),
      null,
      2,
    );
  const objects = [
    {
      Key: 'README.txt',
      Body: 'Demo bucket for Local Cloud Lab.\nBrowse the prefixes on the left.\n',
      ContentType: 'text/plain',
    },
    { Key: 'orders/2026/11/20/orders.json', Body: orders('20', 3), ContentType: 'application/json' },
    { Key: 'orders/2026/11/21/orders.json', Body: orders('21', 5), ContentType: 'application/json' },
    { Key: 'images/logo.png', Body: icon, ContentType: 'image/png' },
    {
      Key: 'logs/app/2026-11-21.log',
      Body: 'INFO started\nWARN slow request 812ms\nINFO stopped\n',
      ContentType: 'text/plain',
    },
  ];
  for (const o of objects) await s3.send(new PutObjectCommand({ Bucket: DEMO.bucket, ...o }));
  return `${DEMO.bucket}: ${objects.length} objects`;
}

async function queueDepth(sqs, url) {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'QueueArn'] }),
  );
  return { depth: Number(Attributes?.ApproximateNumberOfMessages ?? 0), arn: Attributes?.QueueArn };
}

async function seedSqs(sqs) {
  const { QueueUrl: standard } = await sqs.send(new CreateQueueCommand({ QueueName: DEMO.queue }));
  const { QueueUrl: dlq } = await sqs.send(
    new CreateQueueCommand({ QueueName: DEMO.deadLetterQueue, Attributes: { FifoQueue: 'true' } }),
  );
  const { arn: dlqArn } = await queueDepth(sqs, dlq);
  const { QueueUrl: fifo } = await sqs.send(
    new CreateQueueCommand({
      QueueName: DEMO.fifoQueue,
      Attributes: {
        FifoQueue: 'true',
        ContentBasedDeduplication: 'true',
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: '3' }),
      },
    }),
  );
  let sent = 0;
  if ((await queueDepth(sqs, standard)).depth === 0) {
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: standard,
        Entries: [1, 2, 3].map((i) => ({
          Id: `m${i}`,
          MessageBody: JSON.stringify({ orderId: `o-21-${i}`, status: 'PLACED' }),
        })),
      }),
    );
    sent += 3;
  }
  if ((await queueDepth(sqs, fifo)).depth === 0) {
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: fifo,
        Entries: [1, 2].map((i) => ({
          Id: `p${i}`,
          MessageGroupId: 'customer-42',
          MessageBody: JSON.stringify({ paymentId: `pay-${i}`, orderId: `o-21-${i}`, amount: 12.5 * i }),
        })),
      }),
    );
    sent += 2;
  }
  return `${DEMO.queue}, ${DEMO.fifoQueue} → ${DEMO.deadLetterQueue} (maxReceiveCount 3); ${sent} new messages`;
}

async function seedKinesis(kinesis) {
  let created = false;
  try {
    await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: DEMO.stream }));
  } catch (err) {
    if (!isName(err, 'ResourceNotFoundException')) throw err;
    await kinesis.send(new CreateStreamCommand({ StreamName: DEMO.stream, ShardCount: 1 }));
    created = true;
  }
  await waitUntilStreamExists({ client: kinesis, maxWaitTime: 30, minDelay: 1 }, { StreamName: DEMO.stream });
  if (!created) return `${DEMO.stream}: exists`;
  const pages = ['/', '/products/42', '/cart', '/checkout', '/thanks'];
  await kinesis.send(
    new PutRecordsCommand({
      StreamName: DEMO.stream,
      Records: pages.map((page, i) => ({
        PartitionKey: 'session-7',
        Data: Buffer.from(JSON.stringify({ session: 'session-7', page, at: `2026-11-21T10:00:0${i}Z` })),
      })),
    }),
  );
  return `${DEMO.stream}: ${pages.length} records`;
}

async function seedDynamo(ddb) {
  try {
    await ddb.send(new DescribeTableCommand({ TableName: DEMO.table }));
  } catch (err) {
    if (!isName(err, 'ResourceNotFoundException')) throw err;
    await ddb.send(
      new CreateTableCommand({
        TableName: DEMO.table,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'status', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'by-status',
            KeySchema: [
              { AttributeName: 'status', KeyType: 'HASH' },
              { AttributeName: 'sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
  }
  await waitUntilTableExists({ client: ddb, maxWaitTime: 30, minDelay: 1 }, { TableName: DEMO.table });
  const items = [
    { pk: 'CUSTOMER#42', sk: 'PROFILE', name: 'Ada', status: 'ACTIVE' },
    { pk: 'CUSTOMER#42', sk: 'ORDER#2026-11-20#o-20-1', total: 12.5, status: 'SHIPPED' },
    { pk: 'CUSTOMER#42', sk: 'ORDER#2026-11-21#o-21-1', total: 25, status: 'PLACED' },
    { pk: 'CUSTOMER#7', sk: 'PROFILE', name: 'Grace', status: 'ACTIVE' },
    { pk: 'CUSTOMER#7', sk: 'ORDER#2026-11-21#o-21-2', total: 37.5, status: 'PLACED' },
  ];
  const toAttr = (v) => (typeof v === 'number' ? { N: String(v) } : { S: v });
  await ddb.send(
    new BatchWriteItemCommand({
      RequestItems: {
        [DEMO.table]: items.map((item) => ({
          PutRequest: { Item: Object.fromEntries(Object.entries(item).map(([k, v]) => [k, toAttr(v)])) },
        })),
      },
    }),
  );
  return `${DEMO.table}: ${items.length} items, GSI by-status`;
}

async function seedIam(iam) {
  const trust = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  };
  try {
    await iam.send(new GetRoleCommand({ RoleName: DEMO.role }));
  } catch (err) {
    if (!isName(err, 'NoSuchEntity', 'NoSuchEntityException')) throw err;
    await iam.send(
      new CreateRoleCommand({
        RoleName: DEMO.role,
        AssumeRolePolicyDocument: JSON.stringify(trust),
        Description: 'Processes orders from the lab queue',
      }),
    );
  }
  // The emulator's own account (moto 123456789012, LocalStack 000000000000), read off the role's ARN.
  const account = (await iam.send(new GetRoleCommand({ RoleName: DEMO.role }))).Role.Arn.split(':')[4];
  const inline = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
        Resource: `arn:aws:sqs:us-east-1:${account}:${DEMO.queue}`,
      },
    ],
  };
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: DEMO.role,
      PolicyName: 'consume-orders',
      PolicyDocument: JSON.stringify(inline),
    }),
  );
  const managed = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:Query'],
        Resource: `arn:aws:dynamodb:us-east-1:${account}:table/${DEMO.table}`,
      },
    ],
  };
  let policyArn;
  try {
    ({ Policy: { Arn: policyArn } = {} } = await iam.send(
      new CreatePolicyCommand({ PolicyName: DEMO.managedPolicy, PolicyDocument: JSON.stringify(managed) }),
    ));
  } catch (err) {
    if (!isName(err, 'EntityAlreadyExists', 'EntityAlreadyExistsException')) throw err;
    policyArn = `arn:aws:iam::${account}:policy/${DEMO.managedPolicy}`;
  }
  await iam.send(new AttachRolePolicyCommand({ RoleName: DEMO.role, PolicyArn: policyArn }));
  return `${DEMO.role}: trust lambda.amazonaws.com, inline consume-orders, managed ${DEMO.managedPolicy}`;
}

async function seedSns(sns, sqs) {
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: DEMO.topic }));
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: DEMO.queue }));
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  // Subscribe is idempotent for the same endpoint and attributes.
  await sns.send(
    new SubscribeCommand({
      TopicArn,
      Protocol: 'sqs',
      Endpoint: Attributes.QueueArn,
      Attributes: { FilterPolicy: JSON.stringify({ eventType: ['OrderPlaced', 'OrderShipped'] }) },
    }),
  );
  return `${DEMO.topic} → ${DEMO.queue} (filter: eventType OrderPlaced|OrderShipped)`;
}

async function seedLambda(lambda, iam) {
  try {
    await lambda.send(new GetFunctionCommand({ FunctionName: DEMO.function }));
    return `${DEMO.function} (kept)`;
  } catch (err) {
    if (!isName(err, 'ResourceNotFoundException')) throw err;
  }
  const { Role } = await iam.send(new GetRoleCommand({ RoleName: DEMO.role }));
  const code = 'exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ received: event }) });\n';
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: DEMO.function,
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Role: Role.Arn,
      Code: { ZipFile: zipOf('index.js', code) },
      MemorySize: 256,
      Timeout: 10,
      Description: 'Handles order events (demo)',
    }),
  );
  return `${DEMO.function} (nodejs20.x, role ${DEMO.role})`;
}

async function seedSecret(secrets) {
  try {
    await secrets.send(
      new CreateSecretCommand({
        Name: DEMO.secret,
        Description: 'Password of the demo orders database',
        SecretString: JSON.stringify({ username: 'orders_app', password: 'not-a-real-password' }),
      }),
    );
  } catch (err) {
    if (!isName(err, 'ResourceExistsException')) throw err;
  }
  return DEMO.secret;
}

async function seedKms(kms) {
  const { Aliases = [] } = await kms.send(new ListAliasesCommand({}));
  if (Aliases.some((a) => a.AliasName === DEMO.keyAlias)) return `${DEMO.keyAlias} (kept)`;
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: 'Demo key for order data' }));
  await kms.send(new CreateAliasCommand({ AliasName: DEMO.keyAlias, TargetKeyId: KeyMetadata.KeyId }));
  return `${DEMO.keyAlias} → ${KeyMetadata.KeyId}`;
}

/** Per-service endpoints from the AWS SDK convention, e.g. AWS_ENDPOINT_URL_DYNAMODB (for `endpoints` below). */
export function endpointsFromEnv(env = process.env) {
  const names = { s3: 'S3', sqs: 'SQS', kinesis: 'KINESIS', dynamodb: 'DYNAMODB', iam: 'IAM', sns: 'SNS' };
  Object.assign(names, { lambda: 'LAMBDA', secretsmanager: 'SECRETS_MANAGER', kms: 'KMS' });
  const out = {};
  for (const [key, suffix] of Object.entries(names)) {
    const url = env[`AWS_ENDPOINT_URL_${suffix}`]?.trim();
    if (url) out[key] = url.replace(/\/+$/, '');
  }
  return out;
}

/**
 * Seeds every demo resource into the emulator at `endpoint`; `endpoints` sends some services elsewhere
 * (service → URL, e.g. `{ dynamodb: 'http://127.0.0.1:5000' }` beside a LocalStack that cannot run DynamoDB).
 */
export async function seed(endpoint, { log = console.log, endpoints = {} } = {}) {
  const cfg = (service) => clientConfig(endpoints[service] ?? endpoint);
  const clients = {
    s3: new S3Client(cfg('s3')),
    sqs: new SQSClient(cfg('sqs')),
    // Kinesis defaults to HTTP/2, which plain-HTTP emulators (moto, LocalStack on :4566) do not speak.
    kinesis: new KinesisClient({ ...cfg('kinesis'), requestHandler: new NodeHttpHandler() }),
    ddb: new DynamoDBClient(cfg('dynamodb')),
    iam: new IAMClient(cfg('iam')),
    sns: new SNSClient(cfg('sns')),
    lambda: new LambdaClient(cfg('lambda')),
    secrets: new SecretsManagerClient(cfg('secretsmanager')),
    kms: new KMSClient(cfg('kms')),
  };
  try {
    log(`Seeding demo data into ${endpoint}`);
    await step('S3 bucket and objects', () => seedS3(clients.s3), log);
    await step('SQS queues', () => seedSqs(clients.sqs), log);
    await step('Kinesis stream', () => seedKinesis(clients.kinesis), log);
    await step('DynamoDB table', () => seedDynamo(clients.ddb), log);
    await step('IAM role and policies', () => seedIam(clients.iam), log);
    await step('SNS topic and subscription', () => seedSns(clients.sns, clients.sqs), log);
    await step('Lambda function', () => seedLambda(clients.lambda, clients.iam), log);
    await step('Secrets Manager secret', () => seedSecret(clients.secrets), log);
    await step('KMS key and alias', () => seedKms(clients.kms), log);
  } finally {
    for (const c of Object.values(clients)) c.destroy();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const endpoint = (args.find((a) => !a.startsWith('--')) ?? 'http://localhost:4566').replace(/\/+$/, '');
  let host = '';
  try {
    host = new URL(endpoint).hostname;
  } catch {
    console.error(`Not a URL: ${endpoint}`);
    process.exit(2);
  }
  if (!LOOPBACK.test(host) && !args.includes('--allow-remote')) {
    console.error(`Refusing to seed ${endpoint}: not a local emulator (pass --allow-remote if you really mean it).`);
    process.exit(2);
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  seed(endpoint, { endpoints: endpointsFromEnv() }).catch((err) => {
    console.error(err.message);
    process.exitCode = 1;
  });
}
