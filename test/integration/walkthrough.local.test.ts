// The local-service checks of weeks 4–6 against real servers on free ports: redis-server, a PostgreSQL cluster made
// with initdb, and an HTTP server. Each check must say "not yet" before the server (or the data) is there and "done"
// after; a server of the wrong kind on the port must not count.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseCurriculum } from '../../src/walkthrough/curriculum';
import { week04 } from '../../src/walkthrough/checks/week04';
import { week05 } from '../../src/walkthrough/checks/week05';
import { week06 } from '../../src/walkthrough/checks/week06';
import { DEFAULT_LOCAL_SERVICES, type CheckEnv, type LocalServices } from '../../src/walkthrough/checks/types';
import { folderFiles } from '../../src/walkthrough/files';
import { probePostgres, realProbes, redisCommands } from '../../src/walkthrough/probes/tcp';
import { freePort } from '../support/moto';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const hasRedis = spawnSync('which', ['redis-server']).status === 0;
const hasPostgres = existsSync(join(PG_BIN, 'initdb'));

function envWith(local: Partial<LocalServices>): CheckEnv {
  return {
    probes: realProbes,
    local: { ...DEFAULT_LOCAL_SERVICES, ...local },
    files: folderFiles([]),
  } as unknown as CheckEnv;
}

/** Resolves when `port` accepts connections (polling the real socket, bounded). */
async function listening(port: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const { connect } = await import('node:net');
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((r) => {
      const s = connect({ host: '127.0.0.1', port });
      s.once('connect', () => (s.destroy(), r(true)));
      s.once('error', () => r(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on ${port} after ${timeoutMs} ms`);
}

describe('week 6 checks against a real Redis', { skip: hasRedis ? false : 'redis-server is not installed' }, () => {
  let redis: ChildProcess | undefined;
  let port = 0;
  const run = (...cmds: string[][]) => redisCommands('127.0.0.1', port, cmds);

  before(async () => {
    port = await freePort();
  });
  after(() => {
    if (redis?.pid) process.kill(redis.pid, 'SIGKILL');
  });

  test('week06.redis: no server → not yet; redis-server → PONG', async () => {
    const env = envWith({ redis: port });
    const before = await week06.redis(env);
    assert.equal(before.done, false);
    assert.match(before.detail, /No Redis answers/);
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await listening(port);
    const r = await week06.redis(env);
    assert.equal(r.done, true, r.detail);
  });

  test('week06.cache-aside: a user key without TTL does not count, one with TTL does', async () => {
    const env = envWith({ redis: port });
    await run(['SET', 'user:7', '{"id":7}']);
    assert.equal((await week06['cache-aside']!(env)).done, false);
    await run(['SET', 'user:42', '{"id":42}', 'EX', '300']);
    const r = await week06['cache-aside']!(env);
    assert.equal(r.done, true, r.detail);
    assert.match(r.detail, /user:42/);
  });

  test('week06.eviction: the default never evicts; maxmemory + allkeys-lru does', async () => {
    const env = envWith({ redis: port });
    const before = await week06.eviction(env);
    assert.equal(before.done, false, before.detail);
    await run(['CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru']);
    assert.match((await week06.eviction(env)).detail, /maxmemory is 0/);
    await run(['CONFIG', 'SET', 'maxmemory', '64mb']);
    assert.equal((await week06.eviction(env)).done, true);
  });

  test('week06.leaderboard: four players are not a leaderboard, five are', async () => {
    const env = envWith({ redis: port });
    await run(['ZADD', 'leaderboard:test', '1', 'a', '2', 'b', '3', 'c', '4', 'd']);
    assert.equal((await week06.leaderboard(env)).done, false);
    await run(['ZADD', 'leaderboard:test', '5', 'e']);
    assert.equal((await week06.leaderboard(env)).done, true);
  });

  test('week06.rate-limit: a counter with a TTL', async () => {
    const env = envWith({ redis: port });
    assert.equal((await week06['rate-limit']!(env)).done, false);
    await run(['INCR', 'ratelimit:ana:202611211430'], ['EXPIRE', 'ratelimit:ana:202611211430', '60']);
    assert.equal((await week06['rate-limit']!(env)).done, true);
  });

  test('the week 6 terminal commands, typed into bash with redis-cli, complete every Redis step', async () => {
    await run(['FLUSHALL'], ['CONFIG', 'SET', 'maxmemory', '0'], ['CONFIG', 'SET', 'maxmemory-policy', 'noeviction']);
    const env = envWith({ redis: port });
    const c = parseCurriculum(
      JSON.parse(readFileSync(join(__dirname, '..', '..', 'walkthroughs', 'curriculum.json'), 'utf8')),
    );
    const week = c.weeks.find((w) => w.id === 'week06')!;
    for (const id of ['cache-miss', 'cache-hit', 'eviction', 'leaderboard', 'rate-limit']) {
      // The commands use redis-cli's default port; point it at this test's server.
      const line = `redis-cli() { command redis-cli -p ${port} "$@"; }; ${week.terminal[id]!}`;
      const r = spawnSync('bash', ['-c', line], { encoding: 'utf8', timeout: 30_000 });
      assert.equal(r.status, 0, `${id}: ${r.stderr}`);
    }
    for (const step of ['redis', 'cache-aside', 'eviction', 'leaderboard', 'rate-limit'] as const) {
      const r = await week06[step](env);
      assert.equal(r.done, true, `${step}: ${r.detail}`);
    }
  });

  test('a PostgreSQL probe against Redis says no', async () => {
    assert.equal(await probePostgres('127.0.0.1', port), false);
  });
});

describe(
  'week 5 checks against a real PostgreSQL',
  { skip: hasPostgres ? false : 'PostgreSQL 15 binaries are not installed' },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcl-pg-'));
    let port = 0;
    // PostgreSQL refuses to run as root; run it as the postgres user when we are root.
    const asPg = (cmd: string, args: string[]) =>
      process.getuid?.() === 0
        ? (['runuser', ['-u', 'postgres', '--', cmd, ...args]] as const)
        : ([cmd, args] as const);
    const pgCtl = (...args: string[]) => {
      const [cmd, full] = asPg(join(PG_BIN, 'pg_ctl'), args);
      return spawnSync(cmd, full, { encoding: 'utf8' });
    };

    before(async () => {
      port = await freePort();
      if (process.getuid?.() === 0) chownSync(dir, 101, 104);
    });
    after(() => {
      pgCtl('-D', join(dir, 'data'), '-m', 'immediate', 'stop');
      rmSync(dir, { recursive: true, force: true });
    });

    test('week05.postgres / replica / pooler: not yet on a silent port, done once PostgreSQL listens', async () => {
      for (const key of ['postgres', 'replica', 'pooler'] as const) {
        const env = envWith({ [key]: port });
        const before = await week05[key]!(env);
        assert.equal(before.done, false, `${key}: ${before.detail}`);
      }
      const [cmd, args] = asPg(join(PG_BIN, 'initdb'), ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust']);
      const init = spawnSync(cmd, args, { encoding: 'utf8' });
      assert.equal(init.status, 0, init.stderr);
      const start = pgCtl(
        '-D',
        join(dir, 'data'),
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
        '-l',
        join(dir, 'log'),
        '-w',
        'start',
      );
      assert.equal(start.status, 0, start.stderr + start.stdout);
      for (const key of ['postgres', 'replica', 'pooler'] as const) {
        const r = await week05[key]!(envWith({ [key]: port }));
        assert.equal(r.done, true, `${key}: ${r.detail}`);
      }
    });
  },
);

describe('week 4 nginx check against a real HTTP server', () => {
  let server: Server | undefined;
  after(() => server?.close());

  test('week04.nginx: nothing → not yet; /health 503 → not yet; /health 200 → done', async () => {
    const port = await freePort();
    const env = envWith({ web: port });
    assert.equal((await week04.nginx(env)).done, false);
    let healthy = false;
    server = createServer((req, res) => {
      res.statusCode = req.url === '/health' && healthy ? 200 : 503;
      res.end();
    });
    await new Promise<void>((r) => server!.listen(port, '127.0.0.1', () => r()));
    const sick = await week04.nginx(env);
    assert.equal(sick.done, false);
    assert.match(sick.detail, /answered 503/);
    healthy = true;
    assert.equal((await week04.nginx(env)).done, true);
  });
});
