// The explorer model (services + tree + connection monitor) against a real moto server, including the fault case:
// moto is stopped in the middle of a listing, the listing becomes an error row with no unhandled rejection, and
// the tree recovers by itself when moto is started again.
import assert from 'node:assert/strict';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateQueueCommand } from '@aws-sdk/client-sqs';
import { CreateStreamCommand } from '@aws-sdk/client-kinesis';
import { CreateRoleCommand, CreateUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { AwsClients } from '../../src/aws/clients';
import { resolveConnection } from '../../src/aws/connection';
import { ConnectionMonitor, type ConnectionState } from '../../src/connection/monitor';
import type { ExplorerNode } from '../../src/explorer/model';
import { ExplorerTree } from '../../src/explorer/model/tree';
import { createServiceRegistry } from '../../src/explorer/services';
import { freePort, startMoto, type MotoServer } from '../support/moto';
import { hashKeyTableInput } from '../support/tables';

/**
 * A TCP relay in front of moto, so moto can be stopped and restarted behind one stable endpoint. When `onRequest`
 * returns true the relay cuts every open connection at once, so requests in flight fail as they would when the
 * emulator dies mid-listing (stopping the process alone races with the requests it is still answering).
 */
async function relay(
  targetPort: number,
  onRequest: (n: number) => boolean | void,
): Promise<{ port: number; close(): Promise<void> }> {
  let requests = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (d: Buffer) => {
      requests += d.toString('latin1').match(/ HTTP\/1\.1\r\n/g)?.length ?? 0;
      if (onRequest(requests) === true) for (const socket of sockets) socket.destroy();
    });
    client.pipe(upstream).on('error', end);
    upstream.pipe(client).on('error', end);
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  return {
    port: typeof addr === 'object' && addr ? addr.port : 0,
    close: () =>
      new Promise((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}

function waitFor(monitor: ConnectionMonitor, kind: ConnectionState['kind']): Promise<ConnectionState> {
  if (monitor.state.kind === kind) return Promise.resolve(monitor.state);
  return new Promise((ok) => {
    const sub = monitor.onDidChange((s) => {
      if (s.kind === kind) {
        sub.dispose();
        ok(s);
      }
    });
  });
}

const labels = (rows: readonly ExplorerNode[]) => rows.map((r) => r.label);

describe('explorer tree against moto', () => {
  let motoPort: number;
  let moto: MotoServer;
  let proxy: { port: number; close(): Promise<void> };
  let onRequest: (n: number) => boolean | void = () => {};
  let monitor: ConnectionMonitor;
  let tree: ExplorerTree;
  let seed: AwsClients;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  before(async () => {
    process.on('unhandledRejection', onUnhandled);
    motoPort = await freePort();
    moto = await startMoto({ port: motoPort, reuse: '' });
    proxy = await relay(motoPort, (n) => onRequest(n));
    const endpoint = `http://127.0.0.1:${proxy.port}`;
    const r = resolveConnection({ endpoint }, {});
    if (!r.ok) throw new Error(r.reason);
    seed = new AwsClients(r.connection);
    monitor = new ConnectionMonitor({
      readSettings: () => ({ endpoint }),
      env: {},
      confirmRemote: async () => false,
      backoff: () => 100,
    });
    tree = new ExplorerTree(createServiceRegistry(), monitor, { pageSize: () => 2 });
  });

  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    tree?.dispose();
    monitor?.dispose();
    seed?.dispose();
    await proxy?.close();
    await moto?.stop();
  });

  it('shows every service of a moto backend, with pages and "Load more"', async () => {
    await moto.reset();
    for (const b of ['b-one', 'b-two', 'b-three']) await seed.s3().send(new CreateBucketCommand({ Bucket: b }));
    for (const k of ['docs/readme.md', 'docs/guide.md', 'a.txt', 'b.txt']) {
      await seed.s3().send(new PutObjectCommand({ Bucket: 'b-one', Key: k, Body: k }));
    }
    await seed.sqs().send(new CreateQueueCommand({ QueueName: 'orders-dlq' }));
    await seed.sqs().send(
      new CreateQueueCommand({
        QueueName: 'orders',
        Attributes: {
          RedrivePolicy: JSON.stringify({
            deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:orders-dlq',
            maxReceiveCount: 3,
          }),
        },
      }),
    );
    await seed.kinesis().send(new CreateStreamCommand({ StreamName: 'clicks', ShardCount: 2 }));
    await seed.dynamodb().send(new CreateTableCommand(hashKeyTableInput('users', 'id')));
    await seed.iam().send(new CreateUserCommand({ UserName: 'alice' }));
    await seed.iam().send(
      new PutUserPolicyCommand({
        UserName: 'alice',
        PolicyName: 'inline-read',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
        }),
      }),
    );
    await seed.iam().send(
      new CreateRoleCommand({
        RoleName: 'fn-role',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        }),
      }),
    );

    await monitor.start();
    assert.equal(monitor.state.kind, 'connected');
    const roots = await tree.children();
    // The emulator row, then the core services in order (other services registered after them follow).
    assert.deepEqual(labels(roots).slice(0, 6), ['moto', 'S3', 'SQS', 'Kinesis', 'DynamoDB', 'IAM']);
    const byLabel = (rows: readonly ExplorerNode[], l: string) => {
      const n = rows.find((r) => r.label === l);
      assert.ok(n, `${l} in ${labels(rows).join(', ')}`);
      return n;
    };

    const buckets = await tree.children(byLabel(roots, 'S3'));
    assert.deepEqual(labels(buckets), ['b-one', 'b-three', 'Load more…']);
    assert.equal(await tree.loadMore('s3:'), undefined);
    const allBuckets = await tree.children(byLabel(roots, 'S3'));
    assert.deepEqual(labels(allBuckets), ['b-one', 'b-three', 'b-two']);

    // S3 pages objects and prefixes together in key order.
    const bOneFirst = await tree.children(byLabel(allBuckets, 'b-one'));
    assert.deepEqual(labels(bOneFirst), ['a.txt', 'b.txt', 'Load more…']);
    assert.equal(await tree.loadMore('s3:bucket:b-one'), undefined);
    const bOne = await tree.children(byLabel(allBuckets, 'b-one'));
    assert.deepEqual(labels(bOne), ['a.txt', 'b.txt', 'docs/']);
    const docs = await tree.children(byLabel(bOne, 'docs/'));
    assert.deepEqual(labels(docs), ['guide.md', 'readme.md']);
    assert.equal(docs[0]?.ref.kind, 's3.object');

    const queues = await tree.children(byLabel(roots, 'SQS'));
    const orders = byLabel(queues, 'orders');
    assert.match(orders.description ?? '', /standard · 0 visible · 0 in flight · 0 delayed · DLQ → orders-dlq/);
    const ordersDlq = byLabel(queues, 'orders-dlq');
    assert.match(ordersDlq.description ?? '', /DLQ of orders/);
    assert.equal(ordersDlq.contextValue, 'lcl.sqs.queue.dlq');

    const streams = await tree.children(byLabel(roots, 'Kinesis'));
    assert.match(byLabel(streams, 'clicks').description ?? '', /ACTIVE · provisioned · 24 h retention · 2 open shards/);
    const shards = await tree.children(byLabel(streams, 'clicks'));
    assert.equal(shards.length, 2);
    assert.match(shards[0]?.description ?? '', /^open · 0 % – 50 % of key space$/);

    const tables = await tree.children(byLabel(roots, 'DynamoDB'));
    assert.match(byLabel(tables, 'users').description ?? '', /id \(S\) · 0 items · on-demand/);

    const iamFolders = await tree.children(byLabel(roots, 'IAM'));
    assert.deepEqual(labels(iamFolders), ['Users', 'Groups', 'Roles', 'Policies']);
    const users = await tree.children(byLabel(iamFolders, 'Users'));
    const alice = await tree.children(byLabel(users, 'alice'));
    assert.deepEqual(labels(alice), ['inline-read']);
    const roles = await tree.children(byLabel(iamFolders, 'Roles'));
    const fnRole = await tree.children(byLabel(roles, 'fn-role'));
    assert.equal(fnRole[0]?.label, 'Trust policy');
    assert.deepEqual(labels(await tree.children(byLabel(iamFolders, 'Groups'))), ['No groups']);
  });

  it('turns a listing cut off by a stopped emulator into an error row, then recovers when it returns', async () => {
    await moto.reset();
    for (let i = 0; i < 12; i++)
      await seed.sqs().send(new CreateQueueCommand({ QueueName: `q-${String(i).padStart(2, '0')}` }));
    tree.refresh();
    const roots = await tree.children();
    const sqsRow = roots.find((r) => r.label === 'SQS');
    assert.ok(sqsRow);

    // Stop moto as soon as the listing has started (after ListQueues, while queue attributes are being read), and cut
    // the connections in flight.
    let stopping: Promise<void> | undefined;
    let seen = 0;
    onRequest = (n) => {
      if (seen === 0) seen = n;
      if (stopping || n < seen + 2) return false;
      stopping = moto.stop();
      return true;
    };
    const listingPage = await tree.children(sqsRow);
    onRequest = () => {};
    await stopping;
    assert.ok(stopping, 'moto was stopped while the listing was running');
    assert.equal(listingPage.length, 1, JSON.stringify(labels(listingPage)));
    assert.equal(listingPage[0]?.ref.kind, 'explorer.error');
    assert.match(listingPage[0]?.label ?? '', /^List queues failed: /);
    const nowFailing = await (async () => {
      tree.refresh();
      const r = await tree.children();
      return tree.children(r.find((x) => x.label === 'SQS'));
    })();
    assert.equal(nowFailing.length, 1);
    assert.equal(nowFailing[0]?.ref.kind, 'explorer.error');
    assert.match(nowFailing[0]?.label ?? '', /^List queues failed: /);
    await waitFor(monitor, 'unreachable');

    // The emulator comes back (same port, fresh state): the monitor reconnects by itself and the tree follows.
    const redraw = new Promise<void>((ok) => {
      const sub = tree.onDidChange(() => {
        if (monitor.state.kind === 'connected') {
          sub.dispose();
          ok();
        }
      });
    });
    moto = await startMoto({ port: motoPort, reuse: '' });
    await seed.sqs().send(new CreateQueueCommand({ QueueName: 'back-again' }));
    await redraw;
    const after = await tree.children();
    const queues = await tree.children(after.find((r) => r.label === 'SQS'));
    assert.deepEqual(labels(queues), ['back-again']);
    assert.deepEqual(unhandled, [], 'no unhandled rejections');
  });
});
