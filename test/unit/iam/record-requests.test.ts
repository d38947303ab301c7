// Request → IAM access mapping of "Record my calls", table-driven on real request shapes: each row's request is made
// by the real AWS SDK v3 client against a local HTTP server that captures it (and answers a bare 200), then mapped.
// Hand-written shapes only for what the SDK cannot send here (virtual-hosted S3, the query protocol of SQS).
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  BatchWriteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  QueryCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { CloudWatchLogsClient, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateRoleCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { KinesisClient, ListStreamsCommand, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { GetFunctionCommand, InvokeCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketPolicyCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  PutObjectTaggingCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateTopicCommand, ListTopicsCommand, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  ListQueuesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { findAction } from '../../../server/src/core/iam/catalog';
import { accessOf, type HttpRequestShape, signingScope } from '../../../server/src/core/iam/record/requests';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { iamData } from './support/data';

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const CTX = { account: ACCOUNT, region: 'us-east-1' };
const Q = 'https://sqs.eu-west-1.amazonaws.com/111122223333/orders';
const TABLE_ARN = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/Orders`;

interface Clients {
  s3: S3Client;
  sqs: SQSClient;
  ddb: DynamoDBClient;
  sns: SNSClient;
  kinesis: KinesisClient;
  kms: KMSClient;
  secrets: SecretsManagerClient;
  lambda: LambdaClient;
  iam: IAMClient;
  sts: STSClient;
  logs: CloudWatchLogsClient;
}

type Row = readonly [name: string, send: (c: Clients) => Promise<unknown>, expected: readonly string[]];

const rows: readonly Row[] = [
  // S3, path style
  [
    'S3 PutObject',
    (c) => c.s3.send(new PutObjectCommand({ Bucket: 'orders', Key: 'in/a b.json', Body: 'x' })),
    ['s3:PutObject arn:aws:s3:::orders/in/a b.json'],
  ],
  [
    'S3 GetObject',
    (c) => c.s3.send(new GetObjectCommand({ Bucket: 'orders', Key: 'in/a.json' })),
    ['s3:GetObject arn:aws:s3:::orders/in/a.json'],
  ],
  [
    'S3 GetObject of a version',
    (c) => c.s3.send(new GetObjectCommand({ Bucket: 'orders', Key: 'a', VersionId: 'v1' })),
    ['s3:GetObjectVersion arn:aws:s3:::orders/a'],
  ],
  [
    'S3 HeadObject',
    (c) => c.s3.send(new HeadObjectCommand({ Bucket: 'orders', Key: 'a' })),
    ['s3:GetObject arn:aws:s3:::orders/a'],
  ],
  [
    'S3 DeleteObject',
    (c) => c.s3.send(new DeleteObjectCommand({ Bucket: 'orders', Key: 'a' })),
    ['s3:DeleteObject arn:aws:s3:::orders/a'],
  ],
  [
    'S3 DeleteObjects',
    (c) =>
      c.s3.send(new DeleteObjectsCommand({ Bucket: 'orders', Delete: { Objects: [{ Key: 'a' }, { Key: 'b&c' }] } })),
    ['s3:DeleteObject arn:aws:s3:::orders/a', 's3:DeleteObject arn:aws:s3:::orders/b&c'],
  ],
  [
    'S3 ListObjectsV2',
    (c) => c.s3.send(new ListObjectsV2Command({ Bucket: 'orders', Prefix: 'in/' })),
    ['s3:ListBucket arn:aws:s3:::orders'],
  ],
  [
    'S3 HeadBucket',
    (c) => c.s3.send(new HeadBucketCommand({ Bucket: 'orders' })),
    ['s3:ListBucket arn:aws:s3:::orders'],
  ],
  [
    'S3 CreateBucket',
    (c) => c.s3.send(new CreateBucketCommand({ Bucket: 'orders' })),
    ['s3:CreateBucket arn:aws:s3:::orders'],
  ],
  ['S3 ListBuckets', (c) => c.s3.send(new ListBucketsCommand({})), ['s3:ListAllMyBuckets *']],
  [
    'S3 GetBucketPolicy',
    (c) => c.s3.send(new GetBucketPolicyCommand({ Bucket: 'orders' })),
    ['s3:GetBucketPolicy arn:aws:s3:::orders'],
  ],
  [
    'S3 PutObjectTagging',
    (c) =>
      c.s3.send(
        new PutObjectTaggingCommand({ Bucket: 'orders', Key: 'a', Tagging: { TagSet: [{ Key: 'k', Value: 'v' }] } }),
      ),
    ['s3:PutObjectTagging arn:aws:s3:::orders/a'],
  ],
  [
    'S3 CopyObject',
    (c) => c.s3.send(new CopyObjectCommand({ Bucket: 'archive', Key: 'a', CopySource: 'orders/in/a.json' })),
    ['s3:GetObject arn:aws:s3:::orders/in/a.json', 's3:PutObject arn:aws:s3:::archive/a'],
  ],
  [
    'S3 CreateMultipartUpload',
    (c) => c.s3.send(new CreateMultipartUploadCommand({ Bucket: 'orders', Key: 'big' })),
    ['s3:PutObject arn:aws:s3:::orders/big'],
  ],
  [
    'S3 UploadPart',
    (c) => c.s3.send(new UploadPartCommand({ Bucket: 'orders', Key: 'big', UploadId: 'u1', PartNumber: 1, Body: 'x' })),
    ['s3:PutObject arn:aws:s3:::orders/big'],
  ],
  [
    'S3 CompleteMultipartUpload',
    (c) =>
      c.s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: 'orders',
          Key: 'big',
          UploadId: 'u1',
          MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"e"' }] },
        }),
      ),
    ['s3:PutObject arn:aws:s3:::orders/big'],
  ],
  [
    'S3 AbortMultipartUpload',
    (c) => c.s3.send(new AbortMultipartUploadCommand({ Bucket: 'orders', Key: 'big', UploadId: 'u1' })),
    ['s3:AbortMultipartUpload arn:aws:s3:::orders/big'],
  ],
  // SQS (JSON protocol)
  [
    'SQS SendMessage',
    (c) => c.sqs.send(new SendMessageCommand({ QueueUrl: Q, MessageBody: 'hi' })),
    [`sqs:SendMessage arn:aws:sqs:${REGION}:${ACCOUNT}:orders`],
  ],
  [
    'SQS ReceiveMessage',
    (c) => c.sqs.send(new ReceiveMessageCommand({ QueueUrl: Q })),
    [`sqs:ReceiveMessage arn:aws:sqs:${REGION}:${ACCOUNT}:orders`],
  ],
  [
    'SQS DeleteMessage',
    (c) => c.sqs.send(new DeleteMessageCommand({ QueueUrl: Q, ReceiptHandle: 'r' })),
    [`sqs:DeleteMessage arn:aws:sqs:${REGION}:${ACCOUNT}:orders`],
  ],
  [
    'SQS CreateQueue',
    (c) => c.sqs.send(new CreateQueueCommand({ QueueName: 'orders' })),
    [`sqs:CreateQueue arn:aws:sqs:${REGION}:${ACCOUNT}:orders`],
  ],
  ['SQS ListQueues', (c) => c.sqs.send(new ListQueuesCommand({})), ['sqs:ListQueues *']],
  // DynamoDB
  [
    'DynamoDB Query',
    (c) =>
      c.ddb.send(
        new QueryCommand({
          TableName: 'Orders',
          KeyConditionExpression: 'pk = :p',
          ExpressionAttributeValues: { ':p': { S: '1' } },
        }),
      ),
    [`dynamodb:Query ${TABLE_ARN}`],
  ],
  [
    'DynamoDB Query on an index',
    (c) =>
      c.ddb.send(
        new QueryCommand({
          TableName: 'Orders',
          IndexName: 'ByCustomer',
          KeyConditionExpression: 'c = :c',
          ExpressionAttributeValues: { ':c': { S: '1' } },
        }),
      ),
    [`dynamodb:Query ${TABLE_ARN}/index/ByCustomer`],
  ],
  [
    'DynamoDB GetItem',
    (c) => c.ddb.send(new GetItemCommand({ TableName: 'Orders', Key: { pk: { S: '1' } } })),
    [`dynamodb:GetItem ${TABLE_ARN}`],
  ],
  [
    'DynamoDB BatchWriteItem',
    (c) =>
      c.ddb.send(
        new BatchWriteItemCommand({
          RequestItems: {
            Orders: [{ PutRequest: { Item: { pk: { S: '1' } } } }],
            Audit: [{ DeleteRequest: { Key: { pk: { S: '1' } } } }],
          },
        }),
      ),
    [
      `dynamodb:BatchWriteItem arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/Audit`,
      `dynamodb:BatchWriteItem ${TABLE_ARN}`,
    ],
  ],
  [
    'DynamoDB TransactWriteItems',
    (c) =>
      c.ddb.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: 'Orders', Item: { pk: { S: '1' } } } },
            {
              ConditionCheck: {
                TableName: 'Audit',
                Key: { pk: { S: '1' } },
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
          ],
        }),
      ),
    [`dynamodb:ConditionCheckItem arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/Audit`, `dynamodb:PutItem ${TABLE_ARN}`],
  ],
  ['DynamoDB ListTables', (c) => c.ddb.send(new ListTablesCommand({})), ['dynamodb:ListTables *']],
  // SNS (query protocol)
  [
    'SNS Publish',
    (c) => c.sns.send(new PublishCommand({ TopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:events`, Message: 'm' })),
    [`sns:Publish arn:aws:sns:${REGION}:${ACCOUNT}:events`],
  ],
  [
    'SNS CreateTopic',
    (c) => c.sns.send(new CreateTopicCommand({ Name: 'events' })),
    [`sns:CreateTopic arn:aws:sns:${REGION}:${ACCOUNT}:events`],
  ],
  ['SNS ListTopics', (c) => c.sns.send(new ListTopicsCommand({})), ['sns:ListTopics *']],
  // Kinesis
  [
    'Kinesis PutRecord',
    (c) => c.kinesis.send(new PutRecordCommand({ StreamName: 'clicks', PartitionKey: 'p', Data: new Uint8Array([1]) })),
    [`kinesis:PutRecord arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/clicks`],
  ],
  ['Kinesis ListStreams', (c) => c.kinesis.send(new ListStreamsCommand({})), ['kinesis:ListStreams *']],
  // KMS
  [
    'KMS Encrypt with a key id',
    (c) =>
      c.kms.send(new EncryptCommand({ KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab', Plaintext: new Uint8Array([1]) })),
    [`kms:Encrypt arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`],
  ],
  [
    'KMS Decrypt with an alias (the key is not known: any key of the account)',
    (c) => c.kms.send(new DecryptCommand({ KeyId: 'alias/orders', CiphertextBlob: new Uint8Array([1]) })),
    [`kms:Decrypt arn:aws:kms:${REGION}:${ACCOUNT}:key/*`],
  ],
  // Secrets Manager
  [
    'Secrets Manager GetSecretValue by name',
    (c) => c.secrets.send(new GetSecretValueCommand({ SecretId: 'db/password' })),
    [`secretsmanager:GetSecretValue arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:db/password-??????`],
  ],
  [
    'Secrets Manager GetSecretValue by ARN',
    (c) =>
      c.secrets.send(
        new GetSecretValueCommand({ SecretId: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:db-AbCdEf` }),
      ),
    [`secretsmanager:GetSecretValue arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:db-AbCdEf`],
  ],
  // Lambda (REST)
  [
    'Lambda Invoke',
    (c) => c.lambda.send(new InvokeCommand({ FunctionName: 'resize' })),
    [`lambda:InvokeFunction arn:aws:lambda:${REGION}:${ACCOUNT}:function:resize`],
  ],
  [
    'Lambda Invoke of an alias',
    (c) => c.lambda.send(new InvokeCommand({ FunctionName: 'resize', Qualifier: 'live' })),
    [`lambda:InvokeFunction arn:aws:lambda:${REGION}:${ACCOUNT}:function:resize:live`],
  ],
  [
    'Lambda GetFunction by ARN',
    (c) =>
      c.lambda.send(new GetFunctionCommand({ FunctionName: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:resize` })),
    [`lambda:GetFunction arn:aws:lambda:${REGION}:${ACCOUNT}:function:resize`],
  ],
  ['Lambda ListFunctions', (c) => c.lambda.send(new ListFunctionsCommand({})), ['lambda:ListFunctions *']],
  // IAM and STS (query protocol)
  [
    'IAM CreateRole',
    (c) => c.iam.send(new CreateRoleCommand({ RoleName: 'app', AssumeRolePolicyDocument: '{}' })),
    [`iam:CreateRole arn:aws:iam::${ACCOUNT}:role/app`],
  ],
  ['IAM ListRoles', (c) => c.iam.send(new ListRolesCommand({})), ['iam:ListRoles *']],
  ['STS GetCallerIdentity', (c) => c.sts.send(new GetCallerIdentityCommand({})), ['sts:GetCallerIdentity *']],
  [
    'STS AssumeRole',
    (c) => c.sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/app`, RoleSessionName: 's' })),
    [`sts:AssumeRole arn:aws:iam::${ACCOUNT}:role/app`],
  ],
  // CloudWatch Logs
  [
    'Logs PutLogEvents',
    (c) =>
      c.logs.send(
        new PutLogEventsCommand({
          logGroupName: '/app',
          logStreamName: 'web',
          logEvents: [{ timestamp: 1, message: 'm' }],
        }),
      ),
    [`logs:PutLogEvents arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/app:log-stream:web`],
  ],
];

describe('request → IAM access (real SDK request shapes)', () => {
  const data = iamData();
  let server: Server;
  let clients: Clients;
  const captured: HttpRequestShape[] = [];

  before(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        captured.push({
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const config = {
      endpoint,
      region: REGION,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      maxAttempts: 1,
    };
    clients = {
      s3: new S3Client({ ...config, forcePathStyle: true }),
      sqs: new SQSClient(config),
      ddb: new DynamoDBClient(config),
      sns: new SNSClient(config),
      // Kinesis speaks HTTP/2 by default; the capturing server is HTTP/1.1 (as the recording proxy is).
      kinesis: new KinesisClient({ ...config, requestHandler: new NodeHttpHandler() }),
      kms: new KMSClient(config),
      secrets: new SecretsManagerClient(config),
      lambda: new LambdaClient(config),
      iam: new IAMClient(config),
      sts: new STSClient(config),
      logs: new CloudWatchLogsClient(config),
    };
  });
  after(async () => {
    for (const c of Object.values(clients ?? {})) c.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  /** The shape of the one request `send` makes (the bare 200 may not parse as the SDK's answer: that is fine). */
  async function shapeOf(send: (c: Clients) => Promise<unknown>): Promise<HttpRequestShape> {
    captured.length = 0;
    await send(clients).catch(() => undefined);
    assert.equal(captured.length, 1, 'one request');
    return captured[0]!;
  }

  for (const [name, send, expected] of rows) {
    it(name, async () => {
      const call = accessOf(await shapeOf(send), CTX);
      assert.deepEqual(call.access.map((a) => `${a.action} ${a.resource}`).sort(), [...expected].sort());
      assert.equal(call.region, REGION);
      assert.equal(call.accessKeyId, 'AKIDEXAMPLE');
      for (const a of call.access) assert.ok(findAction(data, a.action), `${a.action} is in the IAM catalogue`);
    });
  }

  it('reads the credential scope of a presigned URL', () => {
    const url =
      '/orders/a?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20260101%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Signature=x';
    assert.deepEqual(signingScope({ url, headers: {} }), { accessKeyId: 'AKID', region: 'eu-west-1', service: 's3' });
    const call = accessOf({ method: 'GET', url, headers: { host: 'localhost:4566' }, body: '' }, CTX);
    assert.deepEqual(call.access, [{ action: 's3:GetObject', resource: 'arn:aws:s3:::orders/a' }]);
  });
});

describe('request → IAM access (hand-written shapes)', () => {
  const auth = (service: string) =>
    `AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`;
  const rows: readonly [string, HttpRequestShape, readonly string[]][] = [
    [
      'S3 virtual-hosted GetObject (LocalStack name)',
      {
        method: 'GET',
        url: '/in/a.json',
        headers: { host: 'orders.s3.localhost.localstack.cloud:4566', authorization: auth('s3') },
        body: '',
      },
      ['s3:GetObject arn:aws:s3:::orders/in/a.json'],
    ],
    [
      'S3 virtual-hosted ListObjects (AWS name)',
      {
        method: 'GET',
        url: '/?list-type=2',
        headers: { host: 'orders.s3.eu-west-1.amazonaws.com', authorization: auth('s3') },
        body: '',
      },
      ['s3:ListBucket arn:aws:s3:::orders'],
    ],
    [
      'S3 path style on the LocalStack S3 name is not virtual-hosted',
      {
        method: 'GET',
        url: '/orders/a',
        headers: { host: 's3.localhost.localstack.cloud:4566', authorization: auth('s3') },
        body: '',
      },
      ['s3:GetObject arn:aws:s3:::orders/a'],
    ],
    [
      'SQS query protocol (AWS CLI v1, older SDKs)',
      {
        method: 'POST',
        url: '/',
        headers: {
          host: 'localhost:4566',
          authorization: auth('sqs'),
          'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        },
        body: `Action=SendMessage&QueueUrl=${encodeURIComponent('http://localhost:4566/000000000000/jobs')}&MessageBody=x`,
      },
      ['sqs:SendMessage arn:aws:sqs:us-east-1:000000000000:jobs'],
    ],
    [
      'a truncated JSON body names "*"',
      {
        method: 'POST',
        url: '/',
        headers: { authorization: auth('dynamodb'), 'x-amz-target': 'DynamoDB_20120810.PutItem' },
        body: '{"TableName":"Orders","Item":{',
        bodyTruncated: true,
      },
      ['dynamodb:PutItem *'],
    ],
  ];
  for (const [name, req, expected] of rows) {
    it(name, () => {
      assert.deepEqual(
        accessOf(req, CTX)
          .access.map((a) => `${a.action} ${a.resource}`)
          .sort(),
        [...expected].sort(),
      );
    });
  }

  it('an unsigned request of no known shape maps to nothing, with a reason', () => {
    const call = accessOf({ method: 'GET', url: '/_localstack/health', headers: {}, body: '' }, CTX);
    assert.deepEqual(call.access, []);
    assert.equal(call.note, 'the request is not signed');
  });

  it('never throws on garbage', () => {
    for (const body of ['', '{', 'null', '[]', '\u0000']) {
      for (const target of [undefined, 'DynamoDB_20120810.Query', 'x', '.', 'AmazonSQS.']) {
        const headers = { authorization: auth('sqs'), ...(target ? { 'x-amz-target': target } : {}) };
        accessOf({ method: 'POST', url: '/%E0%A4%A?Action=%', headers, body }, CTX);
      }
    }
  });
});
