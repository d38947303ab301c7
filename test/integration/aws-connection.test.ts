// Connection resolution (settings → endpoint, region, credentials; local-only by default), client laziness,
// and the connection monitor's retries — the monitor against a real moto server that appears late.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { AwsClients } from '../../src/aws/clients';
import { isLoopback, resolveConnection } from '../../src/aws/connection';
import { describeError, isConnectionError } from '../../src/aws/errors';
import { ConnectionMonitor, defaultBackoff, type ConnectionState } from '../../src/connection/monitor';
import { freePort, startMoto } from '../support/moto';

describe('connection settings', () => {
  it('defaults to localhost:4566, us-east-1 and test/test credentials', () => {
    const r = resolveConnection({}, {});
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.equal(r.connection.endpoint, 'http://localhost:4566');
    assert.equal(r.connection.endpointSource, 'default');
    assert.equal(r.connection.region, 'us-east-1');
    assert.deepEqual(r.connection.credentials, { kind: 'static', accessKeyId: 'test', secretAccessKey: 'test' });
    assert.equal(r.connection.loopback, true);
  });

  it('honours AWS_ENDPOINT_URL only when no endpoint is set explicitly', () => {
    const env = { AWS_ENDPOINT_URL: 'http://127.0.0.1:5000/' };
    const fromEnv = resolveConnection({}, env);
    assert.ok(fromEnv.ok && fromEnv.connection.endpoint === 'http://127.0.0.1:5000');
    assert.ok(fromEnv.ok && fromEnv.connection.endpointSource === 'environment');
    const explicit = resolveConnection({ endpoint: 'http://localhost:4567' }, env);
    assert.ok(explicit.ok && explicit.connection.endpoint === 'http://localhost:4567');
    assert.ok(explicit.ok && explicit.connection.endpointSource === 'setting');
  });

  it('refuses a remote endpoint unless allowed, and marks it as not loopback when allowed', () => {
    const refused = resolveConnection({ endpoint: 'https://sqs.us-east-1.amazonaws.com' }, {});
    assert.equal(refused.ok, false);
    assert.match(refused.ok ? '' : refused.reason, /allowRemoteEndpoint/);
    const fromEnv = resolveConnection({}, { AWS_ENDPOINT_URL: 'http://10.0.0.5:4566' });
    assert.equal(fromEnv.ok, false, 'the environment cannot sneak in a remote endpoint either');
    const allowed = resolveConnection({ endpoint: 'http://10.0.0.5:4566', allowRemoteEndpoint: true }, {});
    assert.ok(allowed.ok && allowed.connection.loopback === false);
  });

  it('uses an AWS profile only when one is named', () => {
    const r = resolveConnection({ profile: 'localstack' }, {});
    assert.ok(r.ok && r.connection.credentials.kind === 'profile' && r.connection.credentials.profile === 'localstack');
  });

  it('rejects malformed endpoints and regions with a reason', () => {
    assert.match((resolveConnection({ endpoint: 'localhost:4566' }, {}) as { reason: string }).reason, /http/);
    assert.match((resolveConnection({ endpoint: 'not a url' }, {}) as { reason: string }).reason, /not a URL/);
    assert.match(
      (resolveConnection({ endpoint: 'http://localhost:4566/?x=1' }, {}) as { reason: string }).reason,
      /query/,
    );
    assert.match((resolveConnection({ region: 'Mars' }, {}) as { reason: string }).reason, /region/);
  });

  it('knows which hosts are this machine', () => {
    for (const local of [
      'http://localhost:4566',
      'http://127.0.0.1:4566',
      'http://127.8.9.10',
      'http://[::1]:4566',
      'http://s3.localhost:4566',
      'http://localhost.localstack.cloud:4566',
      'https://sqs.us-east-1.localhost.localstack.cloud:4566',
    ]) {
      assert.equal(isLoopback(local), true, local);
    }
    for (const remote of [
      'https://s3.amazonaws.com',
      'http://10.0.0.1:4566',
      'http://128.0.0.1',
      'http://localhost.evil.com',
      'http://127.0.0.1.nip.io',
      'nonsense',
    ]) {
      assert.equal(isLoopback(remote), false, remote);
    }
  });
});

describe('AWS clients', () => {
  it('creates SDK clients only on first use and refuses use after dispose', () => {
    const r = resolveConnection({}, {});
    assert.ok(r.ok);
    if (!r.ok) return;
    const clients = new AwsClients(r.connection);
    assert.deepEqual(clients.created(), []);
    const s3 = clients.s3();
    assert.equal(clients.s3(), s3, 'the same client is reused');
    clients.sqs();
    assert.deepEqual(clients.created(), ['s3', 'sqs']);
    clients.dispose();
    assert.throws(() => clients.kinesis(), /disposed/);
  });

  it('reports a dead endpoint as a connection error with a readable reason, quickly', async () => {
    const port = await freePort();
    const r = resolveConnection({ endpoint: `http://127.0.0.1:${port}` }, {});
    assert.ok(r.ok);
    if (!r.ok) return;
    const clients = new AwsClients(r.connection);
    const err = await clients
      .s3()
      .send(new ListBucketsCommand({}))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    clients.dispose();
    assert.ok(isConnectionError(err), String(err));
    assert.equal(describeError(err), 'connection refused — is the emulator running?');
  });
});

describe('connection monitor', () => {
  it('backs off 1, 2, 4… seconds up to 30', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map(defaultBackoff), [1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it('keeps retrying while nothing answers, then connects when moto starts', async () => {
    const port = await freePort();
    const seen: ConnectionState['kind'][] = [];
    const monitor = new ConnectionMonitor({
      readSettings: () => ({ endpoint: `http://127.0.0.1:${port}` }),
      env: {},
      confirmRemote: async () => false,
      backoff: () => 50,
    });
    const connected = new Promise<ConnectionState>((ok) => {
      monitor.onDidChange((s) => {
        seen.push(s.kind);
        if (s.kind === 'connected') ok(s);
        // Start moto once the monitor has failed twice.
        if (s.kind === 'unreachable' && s.attempt === 2) void startMoto({ port, reuse: '' }).then((m) => (moto = m));
      });
    });
    let moto: Awaited<ReturnType<typeof startMoto>> | undefined;
    try {
      await monitor.start();
      const state = await connected;
      assert.equal(state.kind === 'connected' && state.backend.kind, 'moto');
      assert.ok(seen.filter((k) => k === 'unreachable').length >= 2, seen.join(' → '));
      assert.ok(monitor.clients());
    } finally {
      monitor.dispose();
      await moto?.stop();
    }
  });

  it('notices a stopped emulator by itself (heartbeat), without any listing, and reconnects when it returns', async () => {
    const port = await freePort();
    let moto = await startMoto({ port, reuse: '' });
    const monitor = new ConnectionMonitor({
      readSettings: () => ({ endpoint: `http://127.0.0.1:${port}` }),
      env: {},
      confirmRemote: async () => false,
      backoff: () => 50,
      heartbeatMs: 50,
    });
    const next = (kind: ConnectionState['kind']) =>
      new Promise<ConnectionState>((ok) => {
        const sub = monitor.onDidChange((s) => {
          if (s.kind === kind) {
            sub.dispose();
            ok(s);
          }
        });
      });
    try {
      await monitor.start();
      assert.equal(monitor.state.kind, 'connected');
      const lost = next('unreachable');
      await moto.stop();
      const s = await lost;
      assert.match(s.kind === 'unreachable' ? s.reason : '', /stopped answering|refused/);
      assert.equal(monitor.clients(), undefined);
      const back = next('connected');
      moto = await startMoto({ port, reuse: '' });
      await back;
      assert.ok(monitor.clients());
    } finally {
      monitor.dispose();
      await moto.stop();
    }
  });

  it('asks before using a remote endpoint and stays off when declined', async () => {
    const asked: string[] = [];
    const monitor = new ConnectionMonitor({
      readSettings: () => ({ endpoint: 'http://192.0.2.10:4566', allowRemoteEndpoint: true }),
      env: {},
      confirmRemote: async (c) => {
        asked.push(c.endpoint);
        return false;
      },
      detect: async () => {
        throw new Error('must not probe a declined endpoint');
      },
    });
    await monitor.start();
    assert.deepEqual(asked, ['http://192.0.2.10:4566']);
    assert.equal(monitor.state.kind, 'misconfigured');
    monitor.dispose();
  });

  it('does not contact a remote endpoint that is not allowed at all', async () => {
    let probed = false;
    const monitor = new ConnectionMonitor({
      readSettings: () => ({ endpoint: 'https://dynamodb.us-east-1.amazonaws.com' }),
      env: {},
      confirmRemote: async () => true,
      detect: async () => {
        probed = true;
        return { reachable: false, reason: 'x' };
      },
    });
    await monitor.start();
    assert.equal(monitor.state.kind, 'misconfigured');
    assert.equal(probed, false);
    monitor.dispose();
  });
});
