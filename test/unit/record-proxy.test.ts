// The recording proxy and its call log: requests pass through unchanged (method, path, headers, the whole body),
// only the first bytes of a body are kept for mapping, the route follows the signing name, an emulator that does not
// answer is a 502 with a reason, and the log keeps each distinct permission once, up to its cap.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { HttpRequestShape, MappedCall } from '../../server/src/core/iam/record/requests';
import { CallLog } from '../../server/src/record/callLog';
import { startRecordingProxy, type RecordingProxy } from '../../server/src/record/proxy';
import { freePort } from '../support/moto';

interface Seen {
  readonly name: string;
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly bytes: number;
}

function upstream(name: string, seen: Seen[]): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let bytes = 0;
    req.on('data', (c: Buffer) => (bytes += c.length));
    req.on('end', () => {
      seen.push({ name, method: req.method!, url: req.url!, headers: req.headers, bytes });
      res.writeHead(201, { 'x-upstream': name });
      res.end(`hello from ${name}`);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

const auth = (service: string) =>
  `AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`;

describe('recording proxy', () => {
  const seen: Seen[] = [];
  const reported: { req: HttpRequestShape; status: number }[] = [];
  let main: { server: Server; url: string };
  let ddb: { server: Server; url: string };
  let proxy: RecordingProxy;

  before(async () => {
    main = await upstream('main', seen);
    ddb = await upstream('dynamodb', seen);
    proxy = await startRecordingProxy({
      target: (name) => (name === 'dynamodb' ? ddb.url : main.url),
      onRequest: (req, status) => reported.push({ req, status }),
      peekBytes: 1024,
    });
  });
  after(async () => {
    await proxy?.close();
    await Promise.all([main, ddb].map((u) => new Promise((r) => u?.server.close(r))));
  });

  it('forwards unchanged to the endpoint of the signing service and reports the request', async () => {
    const body = 'x'.repeat(5000);
    const res = await fetch(`${proxy.url}/orders/a.json?x-id=PutObject`, {
      method: 'PUT',
      headers: { authorization: auth('s3'), 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
      body,
    });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('x-upstream'), 'main');
    assert.equal(await res.text(), 'hello from main');
    const got = seen.at(-1)!;
    assert.equal(got.method, 'PUT');
    assert.equal(got.url, '/orders/a.json?x-id=PutObject');
    assert.equal(got.bytes, 5000, 'the whole body reached the emulator');
    assert.equal(got.headers.host, new URL(proxy.url).host, 'the Host header the client signed');
    const r = reported.at(-1)!;
    assert.equal(r.status, 201);
    assert.equal(r.req.body.length, 1024, 'only the first bytes are kept');
    assert.equal(r.req.bodyTruncated, true);

    const res2 = await fetch(proxy.url, {
      method: 'POST',
      headers: { authorization: auth('dynamodb'), 'x-amz-target': 'DynamoDB_20120810.ListTables' },
      body: '{}',
    });
    assert.equal(res2.headers.get('x-upstream'), 'dynamodb');
    await res2.arrayBuffer();
    assert.equal(reported.at(-1)!.req.bodyTruncated, false);
  });

  it('an emulator that does not answer is a 502 with the reason, and still reported', async () => {
    const port = await freePort();
    const dead = await startRecordingProxy({
      target: () => `http://127.0.0.1:${port}`,
      onRequest: (req, status) => reported.push({ req, status }),
    });
    try {
      const res = await fetch(`${dead.url}/b`, { headers: { authorization: auth('s3') } });
      assert.equal(res.status, 502);
      assert.match(await res.text(), /did not answer/);
      assert.equal(reported.at(-1)!.status, 0);
    } finally {
      await dead.close();
    }
  });
});

describe('call log', () => {
  const call = (action: string, resource: string, note?: string): MappedCall => ({
    service: 's3',
    region: 'us-east-1',
    operation: 'X',
    access: [{ action, resource }],
    ...(note ? { note } : {}),
  });

  it('keeps each distinct permission once with its count and last status, up to the cap', () => {
    const log = new CallLog(2);
    log.add(call('s3:GetObject', 'arn:aws:s3:::b/a'), 200);
    log.add(call('s3:getobject', 'arn:aws:s3:::b/a'), 404);
    log.add(call('s3:PutObject', 'arn:aws:s3:::b/a', 'a note'), 200);
    log.add(call('s3:DeleteObject', 'arn:aws:s3:::b/a'), 204);
    log.add({ service: 'lambda', region: 'us-east-1', operation: '', access: [], note: 'not mapped' }, 200);
    const s = log.summary();
    assert.deepEqual(s.access, [
      { action: 's3:GetObject', resource: 'arn:aws:s3:::b/a', count: 2, lastStatus: 404 },
      { action: 's3:PutObject', resource: 'arn:aws:s3:::b/a', count: 1, lastStatus: 200 },
    ]);
    assert.equal(s.dropped, 1);
    assert.equal(s.requests, 5);
    assert.deepEqual(s.unmapped, [{ what: 'lambda ?: not mapped', count: 1 }]);
    assert.deepEqual(s.notes, ['a note']);
  });
});
