// The architecture graph read from a real emulator (issue 13): a wiring built with the SDK, then readWiring and
// `node dist/cli.js graph --format json` must give exactly its edges of each kind. The messaging half (S3
// notifications, SNS subscriptions with a filter policy, SQS redrive) runs on every backend; the half with Lambda
// functions needs moto (LocalStack on the host cannot create functions). `npm run build` first for the CLI test.
import {
  CreateResourceCommand,
  CreateRestApiCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutMethodCommand,
} from '@aws-sdk/client-api-gateway';
import { CreateApiCommand, CreateIntegrationCommand, CreateRouteCommand } from '@aws-sdk/client-apigatewayv2';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateStreamCommand, DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
import {
  CreateEventSourceMappingCommand,
  CreateFunctionCommand,
  PutFunctionEventInvokeConfigCommand,
} from '@aws-sdk/client-lambda';
import { CreateBucketCommand, PutBucketNotificationConfigurationCommand } from '@aws-sdk/client-s3';
import { CreateStateMachineCommand } from '@aws-sdk/client-sfn';
import { CreateTopicCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { AwsClients } from '../../src/aws/clients';
import { readWiring } from '../../src/aws/wiring';
import { wiringJson, type WiringGraph } from '../../src/aws/records/wiring';
import { checkPatterns } from '../../src/graph/patterns';
import { skipOnLocalStack } from '../support/emulator';
import { clientsFor, useLab } from '../support/fixtures';
import { repoRoot } from '../support/moto';
import { zipOf } from '../support/zip';

const CLI = join(repoRoot, 'dist', 'cli.js');

async function queue(c: AwsClients, name: string, attributes: Record<string, string> = {}) {
  const url = (await c.sqs().send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl!;
  const arn = (await c.sqs().send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] })))
    .Attributes!.QueueArn!;
  return { url, arn };
}

/** Buckets, topics and queues: what every backend runs. */
async function buildMessaging(c: AwsClients) {
  const dlq = await queue(c, 'billing-dlq');
  const billing = await queue(c, 'billing', {
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: '3' }),
  });
  const shipping = await queue(c, 'shipping');
  const ingest = await queue(c, 'ingest');
  const orders = (await c.sns().send(new CreateTopicCommand({ Name: 'orders' }))).TopicArn!;
  const uploadsTopic = (await c.sns().send(new CreateTopicCommand({ Name: 'uploads-topic' }))).TopicArn!;
  const filter = JSON.stringify({ type: ['paid'] });
  await c.sns().send(
    new SubscribeCommand({
      TopicArn: orders,
      Protocol: 'sqs',
      Endpoint: billing.arn,
      Attributes: { FilterPolicy: filter },
    }),
  );
  await c.sns().send(new SubscribeCommand({ TopicArn: orders, Protocol: 'sqs', Endpoint: shipping.arn }));
  await c.s3().send(new CreateBucketCommand({ Bucket: 'uploads' }));
  await c.s3().send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: 'uploads',
      NotificationConfiguration: {
        QueueConfigurations: [{ QueueArn: ingest.arn, Events: ['s3:ObjectCreated:*'] }],
        TopicConfigurations: [{ TopicArn: uploadsTopic, Events: ['s3:ObjectRemoved:*'] }],
      },
    }),
  );
  await c.s3().send(new CreateBucketCommand({ Bucket: 'quiet' }));
  return { dlq, billing, shipping, ingest, orders, uploadsTopic };
}

/** `node dist/cli.js graph --format json` against the emulator, with its per-service endpoints in the environment. */
function runCli(endpoint: string, endpoints: Readonly<Record<string, string>>) {
  if (!existsSync(CLI)) assert.fail('dist/cli.js is missing: run npm run build first');
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  for (const [service, url] of Object.entries(endpoints)) env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`] = url;
  return spawnSync(process.execPath, [CLI, 'graph', '--endpoint', endpoint, '--format', 'json'], {
    encoding: 'utf8',
    env,
    timeout: 60_000,
  });
}

/**
 * A stand-in for an emulator without one IAM action: answers it with 501 and passes every other request on to
 * `target` (a real emulator cannot be made to lack an action).
 */
async function iamWithout(action: string, target: string) {
  let refused = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (new URLSearchParams(body.toString()).get('Action') === action) {
        refused++;
        res.writeHead(501, { 'content-type': 'application/json' });
        res.end(`{"message": "${action} not yet implemented"}`);
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter((h): h is [string, string] => typeof h[1] === 'string' && h[0] !== 'host'),
      );
      fetch(`${target}${req.url ?? '/'}`, { method: req.method, headers, body: body.length ? body : undefined })
        .then(async (answer) => {
          res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/xml' });
          res.end(Buffer.from(await answer.arrayBuffer()));
        })
        .catch((err: unknown) => res.destroy(err as Error));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    refused: () => refused,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

const pairs = (g: Pick<WiringGraph, 'edges'>, kind: string) =>
  g.edges.filter((e) => e.kind === kind).map((e) => `${e.from} -> ${e.to}`);

describe('wiring graph against the emulator', () => {
  const lab = useLab();

  it('reads S3 notifications, SNS subscriptions with their filter policy and SQS redrive', async () => {
    const w = await buildMessaging(lab.clients);
    const g = await readWiring(lab.clients);
    assert.deepEqual(g.failures, []);
    assert.deepEqual(pairs(g, 's3-notification'), [
      `arn:aws:s3:::uploads -> ${w.uploadsTopic}`,
      `arn:aws:s3:::uploads -> ${w.ingest.arn}`,
    ]);
    assert.deepEqual(pairs(g, 'sns-subscription'), [
      `${w.orders} -> ${w.billing.arn}`,
      `${w.orders} -> ${w.shipping.arn}`,
    ]);
    assert.deepEqual(pairs(g, 'dead-letter'), [`${w.billing.arn} -> ${w.dlq.arn}`]);
    // Only this wiring's edges: on LocalStack, functions earlier tests made stay Pending and cannot be deleted, so
    // their role and event-source edges are still in the account.
    const ours = new Set([
      ...[w.dlq, w.billing, w.shipping, w.ingest].map((q) => q.arn),
      w.orders,
      w.uploadsTopic,
      'arn:aws:s3:::uploads',
      'arn:aws:s3:::quiet',
    ]);
    const touching = g.edges.filter((e) => ours.has(e.from) || ours.has(e.to));
    assert.equal(touching.length, 5, JSON.stringify(g.edges.filter((e) => !touching.includes(e))));
    const billingSub = g.edges.find((e) => e.to === w.billing.arn)!;
    assert.deepEqual(JSON.parse(billingSub.filterPolicy!), { type: ['paid'] });
    assert.equal(g.edges.find((e) => e.to === w.ingest.arn)!.label, 's3:ObjectCreated:*');
    const types = Object.fromEntries(g.nodes.filter((n) => ours.has(n.id)).map((n) => [n.name, n.type]));
    assert.deepEqual(types, {
      uploads: 'AWS::S3::Bucket',
      quiet: 'AWS::S3::Bucket',
      orders: 'AWS::SNS::Topic',
      'uploads-topic': 'AWS::SNS::Topic',
      billing: 'AWS::SQS::Queue',
      'billing-dlq': 'AWS::SQS::Queue',
      ingest: 'AWS::SQS::Queue',
      shipping: 'AWS::SQS::Queue',
    });
    const found = checkPatterns(g).map((f) => `${f.check} ${f.nodes[0]}`);
    assert.deepEqual(found, [`fan-out ${w.orders}`, `fan-out-without-filter ${w.orders}`]);
    // The CLI on the same wiring writes exactly this graph's JSON (on LocalStack too).
    const run = runCli(lab.emulator.endpoint, lab.emulator.endpoints);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), wiringJson(g));
  });

  it('stops at the node limit and says so; a cancelled read throws', async () => {
    await buildMessaging(lab.clients);
    const g = await readWiring(lab.clients, { maxNodes: 3 });
    assert.equal(g.nodes.length, 3);
    assert.deepEqual(g.capped, { limit: 3 });
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(readWiring(lab.clients, { signal: controller.signal }), /abort/i);
  });

  it('records a service that fails and still draws the others', async () => {
    const w = await buildMessaging(lab.clients);
    // A closed port for SNS only: the SNS read fails, S3 and SQS still come back.
    // And a server that answers 501 to everything for HTTP APIs: an emulator without the service, not a failure.
    const notImplemented = createServer((_req, res) => {
      res.writeHead(501, { 'content-type': 'application/json' });
      res.end('{"message": "API for service apigatewayv2 not yet implemented"}');
    });
    await new Promise<void>((ok) => notImplemented.listen(0, '127.0.0.1', ok));
    const port = (notImplemented.address() as AddressInfo).port;
    const broken = clientsFor(lab.emulator.endpoint, {
      ...lab.emulator.endpoints,
      sns: 'http://127.0.0.1:9',
      apigatewayv2: `http://127.0.0.1:${port}`,
    });
    try {
      const g = await readWiring(broken);
      assert.deepEqual(
        g.failures.map((f) => f.service),
        ['sns'],
      );
      assert.deepEqual(g.unsupported, ['apigatewayv2']);
      assert.match(g.failures[0]!.reason, /refused/);
      assert.deepEqual(pairs(g, 'dead-letter').length, 1);
      // The bucket's topic is still drawn (from its notification), as unread rather than missing.
      assert.deepEqual(
        g.nodes.filter((n) => n.type === 'AWS::SNS::Topic'),
        [{ id: w.uploadsTopic, type: 'AWS::SNS::Topic', name: 'uploads-topic' }],
      );
    } finally {
      broken.dispose();
      await new Promise((ok) => notImplemented.close(ok));
    }
  });

  it(
    'reads Lambda event sources, destinations, DLQs and roles, API Gateway, EventBridge and Step Functions',
    skipOnLocalStack('4.14 on the host has no container runtime: new Lambda functions stay Pending'),
    async () => {
      const c = lab.clients;
      const w = await buildMessaging(c);
      const trust = JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      });
      const roleArn = async (name: string, action: string, resource: string) => {
        const arn = (await c.iam().send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust })))
          .Role!.Arn!;
        const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] };
        await c
          .iam()
          .send(new PutRolePolicyCommand({ RoleName: name, PolicyName: 'own', PolicyDocument: JSON.stringify(doc) }));
        return arn;
      };
      const wide = await roleArn('wide-role', 'sqs:*', '*');
      const narrow = await roleArn(
        'narrow-role',
        'dynamodb:PutItem',
        'arn:aws:dynamodb:us-east-1:123456789012:table/orders',
      );
      const failed = await queue(c, 'failed');
      const fn = async (name: string, role: string) =>
        (
          await c.lambda().send(
            new CreateFunctionCommand({
              FunctionName: name,
              Runtime: 'nodejs20.x',
              Handler: 'index.handler',
              Role: role,
              Code: { ZipFile: zipOf('index.js', 'exports.handler = async () => ({});') },
            }),
          )
        ).FunctionArn!;
      const billingFn = await fn('billing', wide);
      const thumbs = await fn('thumbs', narrow);
      const projector = await fn('projector', narrow);
      const api = await fn('api', narrow);
      await c.lambda().send(
        new PutFunctionEventInvokeConfigCommand({
          FunctionName: 'thumbs',
          DestinationConfig: { OnFailure: { Destination: failed.arn } },
        }),
      );
      await c.s3().send(new CreateBucketCommand({ Bucket: 'images' }));
      await c.s3().send(
        new PutBucketNotificationConfigurationCommand({
          Bucket: 'images',
          NotificationConfiguration: {
            LambdaFunctionConfigurations: [{ LambdaFunctionArn: thumbs, Events: ['s3:ObjectCreated:Put'] }],
          },
        }),
      );
      await c.sns().send(new SubscribeCommand({ TopicArn: w.uploadsTopic, Protocol: 'lambda', Endpoint: projector }));
      await c
        .lambda()
        .send(new CreateEventSourceMappingCommand({ EventSourceArn: w.billing.arn, FunctionName: 'billing' }));
      await c.kinesis().send(new CreateStreamCommand({ StreamName: 'clicks', ShardCount: 1 }));
      const clicks = (await c.kinesis().send(new DescribeStreamSummaryCommand({ StreamName: 'clicks' })))
        .StreamDescriptionSummary!.StreamARN!;
      await c.lambda().send(
        new CreateEventSourceMappingCommand({
          EventSourceArn: clicks,
          FunctionName: 'projector',
          StartingPosition: 'LATEST',
        }),
      );
      const table = await c.dynamodb().send(
        new CreateTableCommand({
          TableName: 'orders',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
          StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
        }),
      );
      const tableArn = table.TableDescription!.TableArn!;
      await c.lambda().send(
        new CreateEventSourceMappingCommand({
          EventSourceArn: table.TableDescription!.LatestStreamArn!,
          FunctionName: 'projector',
          StartingPosition: 'LATEST',
        }),
      );
      // API Gateway: a REST API with POST /orders, an HTTP API with GET /items, both to `api`.
      const rest = (await c.apiGateway().send(new CreateRestApiCommand({ name: 'shop' }))).id!;
      const root = await c.apiGateway().send(new GetResourcesCommand({ restApiId: rest }));
      const ordersRes = (
        await c
          .apiGateway()
          .send(new CreateResourceCommand({ restApiId: rest, parentId: root.items![0]!.id!, pathPart: 'orders' }))
      ).id!;
      await c.apiGateway().send(
        new PutMethodCommand({
          restApiId: rest,
          resourceId: ordersRes,
          httpMethod: 'POST',
          authorizationType: 'NONE',
        }),
      );
      await c.apiGateway().send(
        new PutIntegrationCommand({
          restApiId: rest,
          resourceId: ordersRes,
          httpMethod: 'POST',
          type: 'AWS_PROXY',
          integrationHttpMethod: 'POST',
          uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${api}/invocations`,
        }),
      );
      const http = (await c.apiGatewayV2().send(new CreateApiCommand({ Name: 'items', ProtocolType: 'HTTP' }))).ApiId!;
      const integration = (
        await c.apiGatewayV2().send(
          new CreateIntegrationCommand({
            ApiId: http,
            IntegrationType: 'AWS_PROXY',
            IntegrationUri: api,
            PayloadFormatVersion: '2.0',
          }),
        )
      ).IntegrationId!;
      await c
        .apiGatewayV2()
        .send(new CreateRouteCommand({ ApiId: http, RouteKey: 'GET /items', Target: `integrations/${integration}` }));
      // Step Functions calling billing, the shipping queue and the orders table; an EventBridge rule starting it.
      const definition = {
        StartAt: 'Charge',
        States: {
          Charge: { Type: 'Task', Resource: billingFn, Next: 'Ship' },
          Ship: {
            Type: 'Task',
            Resource: 'arn:aws:states:::sqs:sendMessage',
            Parameters: { QueueUrl: w.shipping.url, 'MessageBody.$': '$' },
            Next: 'Save',
          },
          Save: {
            Type: 'Task',
            Resource: 'arn:aws:states:::dynamodb:putItem',
            Parameters: { TableName: 'orders', Item: { pk: { 'S.$': '$.id' } } },
            End: true,
          },
        },
      };
      const machine = (
        await c.sfn().send(
          new CreateStateMachineCommand({
            name: 'checkout',
            definition: JSON.stringify(definition),
            roleArn: narrow,
          }),
        )
      ).stateMachineArn!;
      const ruleArn = (
        await c.eventBridge().send(new PutRuleCommand({ Name: 'nightly', ScheduleExpression: 'rate(1 day)' }))
      ).RuleArn!;
      await c.eventBridge().send(
        new PutTargetsCommand({
          Rule: 'nightly',
          Targets: [
            { Id: 'sfn', Arn: machine, RoleArn: narrow },
            { Id: 'fn', Arn: api },
          ],
        }),
      );

      const g = await readWiring(c);
      assert.deepEqual(g.failures, []);
      const restArn = `arn:aws:apigateway:us-east-1::/restapis/${rest}`;
      const httpArn = `arn:aws:apigateway:us-east-1::/apis/${http}`;
      assert.deepEqual(pairs(g, 's3-notification'), [
        `arn:aws:s3:::images -> ${thumbs}`,
        `arn:aws:s3:::uploads -> ${w.uploadsTopic}`,
        `arn:aws:s3:::uploads -> ${w.ingest.arn}`,
      ]);
      assert.deepEqual(pairs(g, 'sns-subscription'), [
        `${w.orders} -> ${w.billing.arn}`,
        `${w.orders} -> ${w.shipping.arn}`,
        `${w.uploadsTopic} -> ${projector}`,
      ]);
      // moto keeps no DeadLetterConfig on functions: the function → DLQ edge is covered by the unit tests.
      assert.deepEqual(pairs(g, 'dead-letter'), [`${thumbs} -> ${failed.arn}`, `${w.billing.arn} -> ${w.dlq.arn}`]);
      assert.deepEqual(pairs(g, 'event-source'), [
        `${tableArn} -> ${projector}`,
        `${clicks} -> ${projector}`,
        `${w.billing.arn} -> ${billingFn}`,
      ]);
      assert.deepEqual(pairs(g, 'api-integration'), [`${httpArn} -> ${api}`, `${restArn} -> ${api}`]);
      assert.deepEqual(pairs(g, 'event-rule-target'), [`${ruleArn} -> ${api}`, `${ruleArn} -> ${machine}`]);
      assert.deepEqual(pairs(g, 'state-machine-task'), [
        `${machine} -> ${tableArn}`,
        `${machine} -> ${billingFn}`,
        `${machine} -> ${w.shipping.arn}`,
      ]);
      assert.deepEqual(pairs(g, 'uses-role'), [
        `${api} -> ${narrow}`,
        `${billingFn} -> ${wide}`,
        `${projector} -> ${narrow}`,
        `${thumbs} -> ${narrow}`,
      ]);
      assert.equal(g.edges.find((e) => e.from === restArn)!.label, 'POST /orders');
      assert.equal(g.edges.find((e) => e.from === httpArn)!.label, 'GET /items');
      const checks = new Set(checkPatterns(g).map((f) => `${f.check} ${f.nodes[0]}`));
      for (const expected of [
        `fan-out ${w.orders}`,
        `queue-load-levelling ${w.billing.arn}`,
        `event-driven-processing arn:aws:s3:::images`,
        `event-sourcing-streams ${tableArn}`,
        `event-sourcing-streams ${clicks}`,
        `role-wildcard ${billingFn}`,
      ]) {
        assert.ok(checks.has(expected), expected);
      }
      assert.ok(![...checks].some((c2) => c2.startsWith('role-wildcard') && !c2.endsWith(billingFn)));

      // The CLI on the same wiring: exactly the JSON of the graph.
      const run = runCli(lab.emulator.endpoint, lab.emulator.endpoints);
      assert.equal(run.stderr, '');
      assert.equal(run.status, 0);
      assert.deepEqual(JSON.parse(run.stdout), wiringJson(g));
      assert.equal(JSON.parse(run.stdout).edges.length, 22);

      // An emulator without GetAccountAuthorizationDetails: the roles are read one by one, with the same policies.
      const iam = await iamWithout('GetAccountAuthorizationDetails', lab.emulator.config('iam').endpoint);
      const without = clientsFor(lab.emulator.endpoint, { ...lab.emulator.endpoints, iam: iam.url });
      try {
        const again = await readWiring(without);
        assert.equal(iam.refused(), 1);
        assert.deepEqual(again.failures, []);
        assert.equal(again.unsupported, undefined);
        assert.deepEqual(Object.keys(again.rolePolicies ?? {}).sort(), [narrow, wide].sort());
        assert.deepEqual(again.rolePolicies, g.rolePolicies);
      } finally {
        without.dispose();
        await iam.close();
      }
    },
  );
});
