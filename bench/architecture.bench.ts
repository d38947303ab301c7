// Architecture graph benchmark against a real moto server (`npm run bench architecture`; prints figures, never fails
// on them). Issue 13's target: a graph of 500 resources read and laid out in ≤ 2 s against a local emulator.
// Seeds 500 wired resources (queues with DLQs, topics fanning out to them, buckets notifying them, functions reading
// them, tables and streams read by functions, the functions' roles), then times readWiring, the dagre layout, the
// pattern checks and the SVG the view shows, median of 3 runs.
// Run alone: LCL_TEST_ENDPOINT=http://127.0.0.1:<port> node --import tsx bench/architecture.bench.ts
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateStreamCommand } from '@aws-sdk/client-kinesis';
import { CreateEventSourceMappingCommand, CreateFunctionCommand } from '@aws-sdk/client-lambda';
import { CreateBucketCommand, PutBucketNotificationConfigurationCommand } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand } from '@aws-sdk/client-sqs';
import { cpus, loadavg } from 'node:os';
import type { AwsClients } from '../src/aws/clients';
import { mapLimit } from '../src/aws/concurrency';
import { readWiring } from '../src/aws/wiring';
import { toSvg } from '../src/graph/exports';
import { layoutWiring } from '../src/graph/layout';
import { badgesOf, checkPatterns } from '../src/graph/patterns';
import { zipOf } from '../test/support/zip';
import { benchEmulator } from './emulator';

const RUNS = 3;
const TARGET_MS = 2_000;
const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const ms = (n: number) => `${n.toFixed(0)} ms`;
const load = () => loadavg()[0]!.toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const range = (n: number) => Array.from({ length: n }, (_, i) => String(i).padStart(3, '0'));
const queueArn = (name: string) => `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}`;

/** 500 resources: 100 work queues + 100 DLQs, 50 topics, 50 buckets, 100 functions, 40 tables, 40 streams, 20 roles. */
async function seed(c: AwsClients): Promise<number> {
  const work = range(100).map((i) => `work-${i}`);
  await mapLimit(work, 16, (name) => c.sqs().send(new CreateQueueCommand({ QueueName: `${name}-dlq` })));
  await mapLimit(work, 16, (name) =>
    c.sqs().send(
      new CreateQueueCommand({
        QueueName: name,
        Attributes: {
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: queueArn(`${name}-dlq`), maxReceiveCount: '3' }),
        },
      }),
    ),
  );
  await mapLimit(range(50), 16, async (i) => {
    const topic = (await c.sns().send(new CreateTopicCommand({ Name: `events-${i}` }))).TopicArn!;
    for (const q of [work[Number(i) * 2]!, work[Number(i) * 2 + 1]!]) {
      await c.sns().send(new SubscribeCommand({ TopicArn: topic, Protocol: 'sqs', Endpoint: queueArn(q) }));
    }
    await c.s3().send(new CreateBucketCommand({ Bucket: `uploads-${i}` }));
    await c.s3().send(
      new PutBucketNotificationConfigurationCommand({
        Bucket: `uploads-${i}`,
        NotificationConfiguration: {
          QueueConfigurations: [{ QueueArn: queueArn(work[Number(i)]!), Events: ['s3:ObjectCreated:*'] }],
        },
      }),
    );
  });
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  });
  const roles = await mapLimit(range(20), 8, async (i) => {
    const arn = (
      await c.iam().send(new CreateRoleCommand({ RoleName: `fn-role-${i}`, AssumeRolePolicyDocument: trust }))
    ).Role!.Arn!;
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }] };
    await c.iam().send(
      new PutRolePolicyCommand({
        RoleName: `fn-role-${i}`,
        PolicyName: 'queues',
        PolicyDocument: JSON.stringify(doc),
      }),
    );
    return arn;
  });
  const code = zipOf('index.js', 'exports.handler = async () => ({});');
  await mapLimit(range(100), 8, async (i) => {
    await c.lambda().send(
      new CreateFunctionCommand({
        FunctionName: `worker-${i}`,
        Runtime: 'nodejs20.x',
        Handler: 'index.handler',
        Role: roles[Number(i) % roles.length]!,
        Code: { ZipFile: code },
      }),
    );
    await c.lambda().send(
      new CreateEventSourceMappingCommand({
        EventSourceArn: queueArn(work[Number(i)]!),
        FunctionName: `worker-${i}`,
      }),
    );
  });
  await mapLimit(range(40), 8, async (i) => {
    await c.dynamodb().send(
      new CreateTableCommand({
        TableName: `table-${i}`,
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await c.kinesis().send(new CreateStreamCommand({ StreamName: `stream-${i}`, ShardCount: 1 }));
  });
  return 200 + 50 + 50 + 20 + 100 + 40 + 40;
}

type Handler = (args: unknown) => Promise<unknown>;
/** The part of an SDK client this bench uses: every client has it, with types too different to call on a union. */
interface Stacked {
  readonly middlewareStack: { add(m: (next: Handler) => Handler, o: { step: 'finalizeRequest'; name: string }): void };
}

/** Counts the requests each service's client sends (the emulator's work, steadier than times on a busy machine). */
function countRequests(c: AwsClients): Map<string, number> {
  const counts = new Map<string, number>();
  const services = ['s3', 'sns', 'sqs', 'lambda', 'iam', 'dynamodb', 'kinesis', 'apiGateway', 'apiGatewayV2'] as const;
  for (const service of [...services, 'eventBridge', 'sfn'] as const) {
    (c[service]() as unknown as Stacked).middlewareStack.add(
      (next) => (args) => {
        counts.set(service, (counts.get(service) ?? 0) + 1);
        return next(args);
      },
      { step: 'finalizeRequest', name: 'benchCount' },
    );
  }
  return counts;
}

async function main(): Promise<void> {
  const emulator = await benchEmulator('architecture');
  if (!emulator) return;
  const { clients, reset } = emulator;
  try {
    let t = performance.now();
    const seeded = await seed(clients);
    console.log(`seeded ${seeded} resources in ${ms(performance.now() - t)}`);
    const requests = countRequests(clients);
    const read: number[] = [];
    const laid: number[] = [];
    const checked: number[] = [];
    const drawn: number[] = [];
    let nodes = 0;
    let edges = 0;
    let findings = 0;
    const cpu: number[] = [];
    const loadBefore = load();
    for (let run = 0; run < RUNS; run++) {
      requests.clear();
      const used = process.cpuUsage();
      t = performance.now();
      const graph = await readWiring(clients);
      read.push(performance.now() - t);
      const spent = process.cpuUsage(used);
      cpu.push((spent.user + spent.system) / 1000);
      if (graph.failures.length) throw new Error(`read failures: ${JSON.stringify(graph.failures)}`);
      t = performance.now();
      const layout = layoutWiring(graph);
      laid.push(performance.now() - t);
      t = performance.now();
      const found = checkPatterns(graph);
      checked.push(performance.now() - t);
      t = performance.now();
      const svg = toSvg(graph, layout, badgesOf(found));
      drawn.push(performance.now() - t);
      nodes = graph.nodes.length;
      edges = graph.edges.length;
      findings = found.length;
      if (run === 0)
        console.log(
          `graph: ${nodes} nodes, ${edges} edges, ${findings} findings, SVG ${(svg.length / 1024).toFixed(0)} KB`,
        );
    }
    const total = median(read) + median(laid) + median(checked) + median(drawn);
    console.log(`read (readWiring)      ${ms(median(read))}   (runs: ${read.map(ms).join(', ')})`);
    const sent = [...requests.values()].reduce((a, b) => a + b, 0);
    const perService = [...requests].map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(`  requests per read: ${sent} (${perService}); this process's CPU ${ms(median(cpu))}`);
    console.log(`layout (dagre)         ${ms(median(laid))}`);
    console.log(`pattern checks         ${ms(median(checked))}`);
    console.log(`SVG                    ${ms(median(drawn))}`);
    console.log(
      `read + laid out + drawn: ${ms(total)} for ${nodes} nodes — target ≤ ${ms(TARGET_MS)}: ${total <= TARGET_MS ? 'met' : 'NOT met'}`,
    );
    console.log(`  (${cpus().length} cores, load average ${loadBefore} before the runs, ${load()} after)`);
  } finally {
    // moto's /moto-api/data.json answers 500 while a Lambda function exists: leave the server empty.
    await reset();
    clients.dispose();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
