// The explorer's service rows when the emulator reports per-service states (LocalStack's /_localstack/health) and when
// a service has its own endpoint: a disabled or failed service is a readable row that lists nothing (no failing call),
// and a service served elsewhere says where and lists from there. The "LocalStack" here is a small server answering
// its health and init paths the way LocalStack 4.14 does (test/integration/emulator-harness.test.ts meets the real
// one); DynamoDB is the run's real emulator.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { ConnectionMonitor } from '../../src/connection/monitor';
import type { ExplorerNode } from '../../src/explorer/model';
import { ExplorerTree } from '../../src/explorer/model/tree';
import { createServiceRegistry } from '../../src/explorer/services';
import * as ddb from '../../src/aws/dynamodb';
import { useLab } from '../support/fixtures';
import { simpleTableJson } from '../support/tables';

async function localStackLike(): Promise<{ url: string; asked: string[]; close(): Promise<void> }> {
  const asked: string[] = [];
  const server: Server = createServer((req, res) => {
    asked.push(`${req.method} ${req.url}`);
    const json = (body: unknown) =>
      res.writeHead(200, { 'content-type': 'application/json', 'x-localstack': 'true' }).end(JSON.stringify(body));
    if (req.url === '/_localstack/health') {
      return json({
        services: { s3: 'running', sqs: 'disabled', kinesis: 'error', dynamodb: 'disabled', iam: 'available' },
        edition: 'community',
        version: '4.14.0',
      });
    }
    if (req.url === '/_localstack/init') return json({ completed: { READY: true }, scripts: [] });
    res.writeHead(404, { 'x-localstack': 'true' }).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}`, asked, close: () => new Promise((ok) => server.close(() => ok())) };
}

describe('explorer service rows: per-service states and endpoints', () => {
  const lab = useLab();
  let ls: Awaited<ReturnType<typeof localStackLike>>;
  let monitor: ConnectionMonitor;
  let tree: ExplorerTree;

  before(async () => {
    ls = await localStackLike();
  });
  after(async () => {
    tree?.dispose();
    monitor?.dispose();
    await ls?.close();
  });

  it('shows disabled and failed services as readable rows, and DynamoDB from its own endpoint', async () => {
    const table = ddb.tableInputFromJson(simpleTableJson('served-elsewhere'));
    assert.ok(table.ok);
    if (table.ok) await ddb.createTable(lab.clients, table.input);
    const dynamodbEndpoint = lab.emulator.endpoints.dynamodb ?? lab.emulator.endpoint;
    monitor = new ConnectionMonitor({
      readSettings: () => ({ endpoint: ls.url, endpoints: { dynamodb: dynamodbEndpoint } }),
      env: {},
      confirmRemote: async () => false,
      backoff: () => 100,
    });
    tree = new ExplorerTree(createServiceRegistry(), monitor, { pageSize: () => 10 });
    await monitor.start();
    const roots = await tree.children(undefined);
    const byLabel = new Map(roots.map((r): [string, ExplorerNode] => [r.label, r]));
    assert.equal(byLabel.get('LocalStack community 4.14.0')?.description, ls.url);

    const sqs = byLabel.get('SQS');
    assert.equal(sqs?.description, 'disabled');
    assert.equal(sqs?.collapsible, 'none');
    assert.match(String(sqs?.tooltip), /reports SQS as "disabled", so nothing is listed/);
    assert.equal(byLabel.get('Kinesis')?.description, 'error');
    assert.equal(byLabel.get('S3')?.description, undefined);
    assert.equal(byLabel.get('S3')?.collapsible, 'collapsed');

    const dynamo = byLabel.get('DynamoDB');
    assert.equal(dynamo?.description, `via ${new URL(dynamodbEndpoint).host}`);
    assert.match(String(dynamo?.tooltip), /served by .* \(from localCloudLab\.endpoints\)/);
    const tables = await tree.children(dynamo);
    assert.deepEqual(
      tables.map((t) => t.label),
      ['served-elsewhere'],
    );
    // Nothing asked the health-reported services: only the health and init paths were called on "LocalStack".
    assert.ok(
      ls.asked.every((a) => /^GET \/_(floci|localstack)\//.test(a)),
      ls.asked.join(', '),
    );
  });
});
