// S3 filter benchmark against a real moto server, then a real LocalStack 4.14 when its virtualenv is there
// (`npm run bench s3-search`; prints figures, never fails on them):
// a bucket of 10,000 objects filtered in the explorer tree, time from setting the filter to the first matching row
// (target ≤ 500 ms), for a name substring found on every page, one found only every 1,000 keys, and a prefix.
// It also times the emulator's own listing (plain ListObjectsV2 pages of 1,000 keys): the sparse case cannot find its
// first match sooner than the emulator can list the keys before it (the first "refund" is key 4,991 in key order).
// Run alone: LCL_TEST_ENDPOINT=http://127.0.0.1:<port> node --import tsx bench/s3-search.bench.ts
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AwsClients } from '../src/aws/clients';
import { resolveConnection } from '../src/aws/connection';
import { createBucket } from '../src/aws/s3';
import { mapLimit } from '../src/aws/concurrency';
import type { ExplorerNode } from '../src/explorer/model';
import { startLocalStack } from '../test/support/localstack';
import type { ExplorerTree } from '../src/explorer/model/tree';
import { benchEmulator, explorerTree } from './emulator';

const OBJECTS = 10_000;
const PAGE = 100; // the default localCloudLab.explorer.pageSize
const RUNS = 5;
const TARGET_MS = 500;

const ms = (n: number) => `${n.toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Sets the filter and resolves when the first object row shows, and when the run has settled. */
async function timeFilter(
  tree: ExplorerTree,
  bucket: ExplorerNode,
  filter: string,
): Promise<{ first: number; settled: number; matches: number }> {
  const t0 = performance.now();
  let first = NaN;
  tree.setFilter(bucket, filter);
  for (;;) {
    let sub: { dispose(): void } | undefined;
    const changed = new Promise<void>((ok) => (sub = tree.onDidChange(() => ok())));
    const rows = await tree.children(bucket);
    const objects = rows.filter((r) => r.ref.kind === 's3.object').length;
    if (objects > 0 && Number.isNaN(first)) first = performance.now() - t0;
    if (!rows.some((r) => r.ref.kind === 'explorer.searching')) {
      sub?.dispose();
      return { first, settled: performance.now() - t0, matches: objects };
    }
    await changed;
    sub?.dispose();
  }
}

/** Seeds the bucket on one emulator, times its own listing, then the explorer's filter cases. */
async function benchOn(label: string, endpoint: string, seed: AwsClients): Promise<void> {
  console.log(`\n== ${label} at ${endpoint}`);
  let t = performance.now();
  await createBucket(seed, 'bench-search');
  // Every key has "order"; one in 1,000 has "refund"; half sit under archive/.
  const keys = Array.from({ length: OBJECTS }, (_, i) => {
    const n = String(i).padStart(5, '0');
    const kind = i % 1000 === 999 ? 'refund' : 'order';
    return `${i % 2 ? 'archive' : 'live'}/2026/${kind}-${n}.json`;
  });
  await mapLimit(keys, 16, (Key) =>
    seed.s3().send(new PutObjectCommand({ Bucket: 'bench-search', Key, Body: '{"ok":true}' })),
  );
  console.log(`seeded ${OBJECTS} objects in ${ms(performance.now() - t)}`);

  // The emulator's listing speed, without the explorer: how long one 1,000-key page takes to arrive and parse.
  const pageTimes: number[] = [];
  let token: string | undefined;
  do {
    t = performance.now();
    const out = await seed
      .s3()
      .send(new ListObjectsV2Command({ Bucket: 'bench-search', MaxKeys: 1000, ContinuationToken: token }));
    pageTimes.push(performance.now() - t);
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
  } while (token);
  const perPage = median(pageTimes);
  console.log(
    `emulator listing: ${pageTimes.length} pages of 1,000 keys, median ${ms(perPage)} a page ` +
      `(${Math.round(1000 / (perPage / 1000))} keys/s; 4,991 keys take ≈ ${ms((perPage * 4991) / 1000)})`,
  );

  const { tree, dispose } = await explorerTree(endpoint, PAGE);
  const s3Row = (await tree.children()).find((r) => r.label === 'S3');
  if (!s3Row) throw new Error('S3 missing from the tree');
  const bucket = (await tree.children(s3Row)).find((r) => r.label === 'bench-search');
  if (!bucket) throw new Error('bucket missing from the tree');

  const cases = [
    { name: 'name contains "order" (matches on every page)', filter: 'order' },
    { name: 'name contains "refund" (1 key in 1,000)', filter: 'refund' },
    { name: 'prefix "archive/2026/" (server side)', filter: 'archive/2026/' },
  ];
  console.log(`\nS3 name filter over a ${OBJECTS}-object bucket, page ${PAGE}, median of ${RUNS} runs:`);
  for (const c of cases) {
    const firsts: number[] = [];
    const settles: number[] = [];
    let matches = 0;
    for (let i = 0; i < RUNS; i++) {
      t = performance.now();
      const r = await timeFilter(tree, bucket, c.filter);
      firsts.push(r.first);
      settles.push(r.settled);
      matches = r.matches;
      tree.setFilter(bucket, undefined);
    }
    const first = median(firsts);
    console.log(
      `  ${c.name}: first result ${ms(first)} (target ≤ ${TARGET_MS} ms: ${first <= TARGET_MS ? 'met' : 'MISSED'}), ` +
        `run settled ${ms(median(settles))} with ${matches} rows`,
    );
  }
  dispose();
}

/**
 * The same on a LocalStack 4.14 of its own (the curriculum's emulator), when its virtualenv is there
 * (scripts/ensure-localstack.sh); the bench does not install it.
 */
async function benchOnLocalStack(): Promise<void> {
  const venv = process.env.LCL_LOCALSTACK_VENV ?? join(homedir(), '.cache', 'local-cloud-lab', 'localstack-4.14.0');
  if (!existsSync(join(venv, 'bin', 'python'))) {
    console.log(`\nLocalStack: skipped, no virtualenv at ${venv} (bash scripts/ensure-localstack.sh makes it)`);
    return;
  }
  const ls = await startLocalStack();
  const resolved = resolveConnection({ endpoint: ls.endpoint }, {});
  if (!resolved.ok) throw new Error(resolved.reason);
  const clients = new AwsClients(resolved.connection);
  try {
    await benchOn(`LocalStack ${ls.version}`, ls.endpoint, clients);
  } finally {
    clients.dispose();
    await ls.stop();
  }
}

async function main(): Promise<void> {
  const emulator = await benchEmulator('s3-search');
  if (!emulator) return;
  try {
    await benchOn('moto server', emulator.endpoint, emulator.clients);
  } finally {
    emulator.clients.dispose();
  }
  await benchOnLocalStack();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
