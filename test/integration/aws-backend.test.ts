// Backend detection. moto is real; LocalStack and Floci cannot run here, so a tiny HTTP server answers with the
// response shapes LocalStack documents (/_localstack/health, /_localstack/init, /_aws/sqs/messages) and Floci's
// /_floci/health: a fixture of a published contract, not a mock of our code.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import {
  backendLabel,
  detectBackend,
  offersService,
  parseHealth,
  parseInitStatus,
  parsePeekResponse,
  peekSqsMessages,
  resetEmulator,
} from '../../src/aws/backend';
import { CreateQueueCommand, ListQueuesCommand } from '@aws-sdk/client-sqs';
import { clientsFor } from '../support/fixtures';
import { freePort, startMoto, type MotoServer } from '../support/moto';

type Routes = Record<string, (url: URL) => { status?: number; body: unknown; headers?: Record<string, string> }>;

async function fixture(
  routes: Routes,
  everyResponseHeaders: Record<string, string> = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const route = routes[url.pathname];
    const headers = { ...everyResponseHeaders };
    if (!route) {
      res.writeHead(404, { ...headers, 'content-type': 'text/html' }).end('<!doctype html>not found');
      return;
    }
    const r = route(url);
    res
      .writeHead(r.status ?? 200, { ...headers, 'content-type': 'application/json', ...(r.headers ?? {}) })
      .end(JSON.stringify(r.body));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

// Shapes from LocalStack's openapi.yaml / internal.py (see research notes §5.1).
const LS_HEALTH = {
  services: {
    s3: 'running',
    sqs: 'available',
    kinesis: 'available',
    dynamodb: 'disabled',
    iam: 'error',
    sts: 'available',
  },
  edition: 'community',
  version: '4.14.0',
  features: { initScripts: 'initialized', persistence: 'disabled' },
};
const LS_INIT = {
  completed: { BOOT: true, START: true, READY: true, SHUTDOWN: false },
  scripts: [
    { stage: 'READY', name: 'seed-buckets.sh', state: 'SUCCESSFUL' },
    { stage: 'READY', name: 'broken.py', state: 'ERROR' },
  ],
};
const LS_PEEK = {
  ReceiveMessageResponse: {
    ReceiveMessageResult: {
      Message: [
        {
          MessageId: 'm-1',
          MD5OfBody: '5d41402abc4b2a76b9719d911017c592',
          Body: 'hello',
          Attribute: [
            { Name: 'SenderId', Value: '000000000000' },
            { Name: 'ApproximateReceiveCount', Value: '0' },
          ],
          ReceiptHandle: 'SQS/BACKDOOR/ACCESS',
        },
      ],
    },
  },
};

describe('backend detection', () => {
  let moto: MotoServer;
  before(async () => {
    // moto itself (these tests are about moto), also in the LocalStack run.
    moto = await startMoto({ reuse: process.env.LCL_TEST_BACKEND === 'localstack' ? '' : undefined });
  });
  after(async () => {
    await moto?.stop();
  });

  it('recognises moto by /moto-api/config and offers every service', async () => {
    const r = await detectBackend(moto.endpoint);
    assert.ok(r.reachable);
    if (!r.reachable) return;
    assert.equal(r.backend.kind, 'moto');
    assert.equal(r.backend.services, undefined);
    assert.equal(r.backend.sqsPeek, false);
    assert.equal(offersService(r.backend, ['kinesis']), true);
    assert.equal(backendLabel(r.backend), 'moto');
  });

  it('still recognises moto when it holds every demo resource, a Lambda function included', async () => {
    // moto's /moto-api/data.json fails while a Lambda function exists; detection must not depend on it.
    const seedModule = (await import(pathToFileURL(join(__dirname, '..', '..', 'scripts', 'seed-demo.mjs')).href)) as {
      seed(endpoint: string, opts: { log: (line: string) => void }): Promise<void>;
    };
    await seedModule.seed(moto.endpoint, { log: () => undefined });
    try {
      const r = await detectBackend(moto.endpoint);
      assert.ok(r.reachable);
      if (r.reachable) assert.equal(r.backend.kind, 'moto');
    } finally {
      await moto.reset();
    }
  });

  it('recognises LocalStack by its health document, with per-service states and init scripts', async () => {
    const ls = await fixture(
      { '/_localstack/health': () => ({ body: LS_HEALTH }), '/_localstack/init': () => ({ body: LS_INIT }) },
      { 'x-localstack': 'true' },
    );
    try {
      const r = await detectBackend(ls.url);
      assert.ok(r.reachable);
      if (!r.reachable) return;
      assert.equal(r.backend.kind, 'localstack');
      assert.equal(r.backend.version, '4.14.0');
      assert.equal(r.backend.edition, 'community');
      assert.equal(backendLabel(r.backend), 'LocalStack community 4.14.0');
      assert.equal(r.backend.sqsPeek, true);
      // Only running/available services are offered.
      assert.equal(offersService(r.backend, ['s3']), true);
      assert.equal(offersService(r.backend, ['sqs']), true);
      assert.equal(offersService(r.backend, ['dynamodb']), false);
      assert.equal(offersService(r.backend, ['iam']), false);
      assert.equal(offersService(r.backend, ['lambda']), false);
      assert.deepEqual(r.backend.init?.completed, LS_INIT.completed);
      assert.deepEqual(
        r.backend.init?.scripts.map((s) => `${s.name}:${s.state}`),
        ['seed-buckets.sh:SUCCESSFUL', 'broken.py:ERROR'],
      );
    } finally {
      await ls.close();
    }
  });

  it('recognises LocalStack by the x-localstack header alone when health is unavailable', async () => {
    const ls = await fixture({}, { 'x-localstack': 'true' });
    try {
      const r = await detectBackend(ls.url);
      assert.ok(r.reachable && r.backend.kind === 'localstack');
      if (r.reachable) assert.equal(r.backend.services, undefined);
    } finally {
      await ls.close();
    }
  });

  it('recognises Floci by /_floci/health before its LocalStack-compatible paths', async () => {
    const health = { services: { s3: 'running', sqs: 'running', kinesis: 'stopped' }, version: '1.2.0' };
    const floci = await fixture({
      '/_floci/health': () => ({ body: health }),
      '/_localstack/health': () => ({ body: { ...health, edition: 'community' } }),
    });
    try {
      const r = await detectBackend(floci.url);
      assert.ok(r.reachable);
      if (!r.reachable) return;
      assert.equal(r.backend.kind, 'floci');
      assert.equal(offersService(r.backend, ['kinesis']), false);
      assert.equal(offersService(r.backend, ['sqs']), true);
      assert.equal(r.backend.sqsPeek, true, 'Floci serves /_aws/sqs/messages');
      assert.equal(backendLabel(r.backend), 'Floci 1.2.0');
    } finally {
      await floci.close();
    }
  });

  // Floci as its documentation describes it (it cannot run here): LocalStack's health path answered with
  // "original_edition": "floci-always-free" and no x-localstack header, its own state reset, the SQS peek path.
  it('recognises Floci by its LocalStack-compatible health alone, peeks through it and resets its state', async () => {
    const health = {
      services: { s3: 'running', sqs: 'running', dynamodb: 'running', kinesis: 'running' },
      edition: 'community',
      original_edition: 'floci-always-free',
      version: '1.5.30',
    };
    let resets = 0;
    const queueUrl = 'http://localhost:4566/000000000000/orders';
    const floci = await fixture({
      '/_localstack/health': () => ({ body: health }),
      '/_floci/state/reset': () => {
        resets++;
        return { body: { status: 'ok' } };
      },
      '/_aws/sqs/messages': (url) => ({
        body:
          url.searchParams.get('QueueUrl') === queueUrl
            ? LS_PEEK
            : { error: 'AWS.SimpleQueueService.NonExistentQueue' },
      }),
    });
    try {
      const r = await detectBackend(floci.url);
      assert.ok(r.reachable);
      if (!r.reachable) return;
      assert.equal(r.backend.kind, 'floci');
      assert.equal(r.backend.version, '1.5.30');
      assert.equal(r.backend.sqsPeek, true);
      assert.deepEqual(
        (await peekSqsMessages(floci.url, queueUrl)).map((m) => m.body),
        ['hello'],
      );
      await resetEmulator(floci.url, r.backend);
      assert.equal(resets, 1);
    } finally {
      await floci.close();
    }
  });

  it('resets moto through /moto-api/reset and refuses a backend without a reset path', async () => {
    const r = await detectBackend(moto.endpoint);
    assert.ok(r.reachable && r.backend.kind === 'moto');
    if (!r.reachable) return;
    const clients = clientsFor(moto.endpoint);
    try {
      await clients.sqs().send(new CreateQueueCommand({ QueueName: 'before-reset' }));
      await resetEmulator(moto.endpoint, r.backend);
      const left = await clients.sqs().send(new ListQueuesCommand({}));
      assert.deepEqual(left.QueueUrls ?? [], []);
    } finally {
      clients.dispose();
    }
    await assert.rejects(
      resetEmulator(moto.endpoint, { kind: 'localstack', sqsPeek: true, version: '4.14.0' }),
      /LocalStack 4\.14\.0 has no reset endpoint/,
    );
  });

  it('calls any other HTTP server a generic endpoint', async () => {
    const other = await fixture({});
    try {
      const r = await detectBackend(other.url);
      assert.ok(r.reachable && r.backend.kind === 'generic');
    } finally {
      await other.close();
    }
  });

  it('reports nothing listening as unreachable with a reason', async () => {
    const port = await freePort();
    const r = await detectBackend(`http://127.0.0.1:${port}`, { timeoutMs: 1000 });
    assert.equal(r.reachable, false);
    if (!r.reachable) assert.match(r.reason, /refused/);
  });

  it('peeks SQS messages through /_aws/sqs/messages without consuming them', async () => {
    const queueUrl = 'http://sqs.us-east-1.localhost.localstack.cloud:4566/000000000000/orders';
    let asked: string | null = null;
    const ls = await fixture({
      '/_aws/sqs/messages': (url) => {
        asked = url.searchParams.get('QueueUrl');
        return { body: LS_PEEK };
      },
    });
    try {
      const msgs = await peekSqsMessages(ls.url, queueUrl);
      assert.equal(asked, queueUrl);
      assert.deepEqual(msgs, [
        {
          messageId: 'm-1',
          body: 'hello',
          md5OfBody: '5d41402abc4b2a76b9719d911017c592',
          attributes: { SenderId: '000000000000', ApproximateReceiveCount: '0' },
        },
      ]);
    } finally {
      await ls.close();
    }
  });

  it('parses edge shapes: a single message object, a per-stage init answer, a health body without services', () => {
    const single = parsePeekResponse({
      ReceiveMessageResponse: {
        ReceiveMessageResult: { Message: { MessageId: 'x', Body: 'b', Attribute: { Name: 'A', Value: '1' } } },
      },
    });
    assert.deepEqual(single, [{ messageId: 'x', body: 'b', md5OfBody: undefined, attributes: { A: '1' } }]);
    assert.deepEqual(parsePeekResponse({ ReceiveMessageResponse: { ReceiveMessageResult: null } }), []);
    assert.deepEqual(parseInitStatus({ completed: true, scripts: [] }), { completed: { stage: true }, scripts: [] });
    assert.equal(parseHealth({ edition: 'pro' }), undefined);
  });
});
