// Explorer benchmarks against a real moto server (`npm run bench explorer`; prints figures, never fails on them):
//  (a) time to the first page of a bucket holding 10,000 objects,
//  (b) time to the first page of 1,000 SQS queues (each row carries its message counts),
//  (c) memory while paging through all 10,000 objects — through the access layer (nothing kept) and through the
//      tree with "Load more" (every row kept, as on screen).
// Run alone: LCL_TEST_ENDPOINT=http://127.0.0.1:<port> node --import tsx bench/explorer.bench.ts
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CreateQueueCommand } from '@aws-sdk/client-sqs';
import { createBucket, listObjects } from '../src/aws/s3';
import { mapLimit } from '../src/aws/concurrency';
import type { ExplorerNode } from '../src/explorer/model';
import { benchEmulator, explorerTree } from './emulator';

const OBJECTS = 10_000;
const QUEUES = 1_000;
const PAGE = 100; // the default localCloudLab.explorer.pageSize
const RUNS = 5;

const ms = (n: number) => `${n.toFixed(1)} ms`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
/** A full garbage collection, so retained memory can be told apart from garbage not yet collected. */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const retainedHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const emulator = await benchEmulator('explorer');
  if (!emulator) return;
  const { endpoint, clients: seed } = emulator;

  let t = performance.now();
  await createBucket(seed, 'bench-objects');
  const keys = Array.from({ length: OBJECTS }, (_, i) => `logs/2026/11/${String(i).padStart(5, '0')}.json`);
  await mapLimit(keys, 16, (Key) =>
    seed.s3().send(new PutObjectCommand({ Bucket: 'bench-objects', Key, Body: '{"ok":true}' })),
  );
  const names = Array.from({ length: QUEUES }, (_, i) => `bench-queue-${String(i).padStart(4, '0')}`);
  await mapLimit(names, 16, (QueueName) => seed.sqs().send(new CreateQueueCommand({ QueueName })));
  console.log(`seeded ${OBJECTS} objects and ${QUEUES} queues in ${ms(performance.now() - t)}`);

  const { tree, dispose } = await explorerTree(endpoint, PAGE);
  const roots = await tree.children();
  const s3Row = roots.find((r) => r.label === 'S3');
  const sqsRow = roots.find((r) => r.label === 'SQS');
  if (!s3Row || !sqsRow) throw new Error('services missing from the tree');
  const bucketRow = (await tree.children(s3Row)).find((r) => r.label === 'bench-objects');
  if (!bucketRow) throw new Error('bucket missing from the tree');
  const logsRow = (await tree.children(bucketRow)).find((r) => r.label === 'logs/');
  if (!logsRow) throw new Error('prefix missing');
  const deep = (await tree.children((await tree.children(logsRow))[0])).at(0) as ExplorerNode; // logs/2026/
  const monthRow = deep; // logs/2026/11/
  if (!monthRow || monthRow.ref.kind !== 's3.prefix') throw new Error('month prefix missing');

  // (a) first page of the 10,000 objects under logs/2026/11/
  const objectTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    tree.forget(monthRow.id);
    t = performance.now();
    const rows = await tree.children(monthRow);
    objectTimes.push(performance.now() - t);
    if (rows.length !== PAGE + 1) throw new Error(`expected ${PAGE} rows + Load more, got ${rows.length}`);
  }
  console.log(
    `(a) first page (${PAGE} rows) of a ${OBJECTS}-object bucket: median ${ms(median(objectTimes))} ` +
      `(min ${ms(Math.min(...objectTimes))}, max ${ms(Math.max(...objectTimes))}, ${RUNS} runs)`,
  );

  // (b) first page of 1,000 queues, with attributes for each row
  const queueTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    tree.forget(sqsRow.id);
    t = performance.now();
    const rows = await tree.children(sqsRow);
    queueTimes.push(performance.now() - t);
    if (rows.length !== PAGE + 1) throw new Error(`expected ${PAGE} queue rows + Load more, got ${rows.length}`);
  }
  console.log(
    `(b) first page (${PAGE} queues with counts) of ${QUEUES} queues: median ${ms(median(queueTimes))} ` +
      `(min ${ms(Math.min(...queueTimes))}, max ${ms(Math.max(...queueTimes))}, ${RUNS} runs)`,
  );

  // (c1) paging through every object via the access layer, keeping nothing
  const base = process.memoryUsage();
  let peakHeap = base.heapUsed;
  let peakRss = base.rss;
  let seen = 0;
  let cursor: string | undefined;
  t = performance.now();
  do {
    const page = await listObjects(seed, { bucket: 'bench-objects', prefix: 'logs/2026/11/', cursor, pageSize: 1000 });
    seen += page.objects.length;
    cursor = page.next;
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  } while (cursor);
  console.log(
    `(c1) paged through ${seen} objects (1,000 per page) in ${ms(performance.now() - t)}: ` +
      `heap ${mb(base.heapUsed)} → peak ${mb(peakHeap)} (+${mb(peakHeap - base.heapUsed)}), rss peak ${mb(peakRss)}`,
  );

  // (c2) the tree with "Load more" until everything is loaded (all rows kept, as a user scrolling would)
  tree.forget(monthRow.id);
  const retainedBefore = retainedHeap();
  const before = process.memoryUsage();
  peakHeap = before.heapUsed;
  t = performance.now();
  let rows = await tree.children(monthRow);
  let loads = 0;
  while (rows.at(-1)?.ref.kind === 'explorer.loadMore') {
    const err = await tree.loadMore(monthRow.id);
    if (err) throw new Error(err);
    loads++;
    rows = await tree.children(monthRow);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const loadedAll = performance.now() - t;
  console.log(
    `(c2) tree: ${rows.length} rows after ${loads} "Load more" in ${ms(loadedAll)}: ` +
      `heap ${mb(before.heapUsed)} → peak ${mb(peakHeap)} (+${mb(peakHeap - before.heapUsed)}, ` +
      `≈ ${((peakHeap - before.heapUsed) / rows.length / 1024).toFixed(2)} KB per row)`,
  );
  const retainedLoaded = retainedHeap();
  console.log(
    `     retained after GC with all ${rows.length} rows loaded: +${mb(retainedLoaded - retainedBefore)} ` +
      `(≈ ${((retainedLoaded - retainedBefore) / rows.length / 1024).toFixed(2)} KB per row)`,
  );
  const held = tree.stats().rows;
  tree.forget(monthRow.id);
  rows = [];
  const retainedCollapsed = retainedHeap();
  console.log(
    `     after collapsing the folder the tree holds ${tree.stats().rows} rows (was ${held}); heap after GC ` +
      `+${mb(Math.max(0, retainedCollapsed - retainedBefore))} over the start of (c2) ` +
      '(held outside the tree, e.g. SDK and runtime state)',
  );
  dispose();
  seed.dispose();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
