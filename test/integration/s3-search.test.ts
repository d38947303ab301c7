// S3 filtering without loading the bucket, against the run's emulator: the prefix goes to S3, the name substring is
// matched page by page, a run stops at its match or scan limit and resumes without repeats; in the explorer tree the
// matches show while the search runs, "Load more matches" goes on, stopping keeps what was found, clearing restores
// the folder view. A cancelled multipart upload leaves no parts behind.
import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import * as s3 from '../../src/aws/s3';
import { ConnectionMonitor } from '../../src/connection/monitor';
import type { ExplorerNode } from '../../src/explorer/model';
import { ExplorerTree } from '../../src/explorer/model/tree';
import { createServiceRegistry } from '../../src/explorer/services';
import { useLab } from '../support/fixtures';

const KEYS = [
  ...Array.from({ length: 30 }, (_, i) => `logs/2024/app-${String(i).padStart(2, '0')}.log`),
  ...Array.from({ length: 5 }, (_, i) => `logs/2024/ERROR-${i}.log`),
  'logs/2025/error-late.log',
  'reports/error-summary.csv',
  'reports/monthly.csv',
  'readme.txt',
];

async function seed(lab: ReturnType<typeof useLab>): Promise<void> {
  await s3.createBucket(lab.clients, 'search-me');
  for (const k of KEYS) await s3.putObjectBytes(lab.clients, 'search-me', k, new TextEncoder().encode(k));
}

async function collect(gen: AsyncIterable<s3.SearchBatch>): Promise<s3.SearchBatch[]> {
  const out: s3.SearchBatch[] = [];
  for await (const b of gen) out.push(b);
  return out;
}

describe('S3 search: filtered listing streamed page by page', () => {
  const lab = useLab();
  beforeEach(() => seed(lab));

  it('reads a typed filter: the part up to the last "/" is the prefix, the rest a name substring', () => {
    assert.deepEqual(s3.parseObjectFilter('logs/2024/'), { prefix: 'logs/2024/', contains: '' });
    assert.deepEqual(s3.parseObjectFilter(' error '), { prefix: '', contains: 'error' });
    assert.deepEqual(s3.parseObjectFilter('logs/err'), { prefix: 'logs/', contains: 'err' });
    assert.equal(s3.describeObjectFilter({ prefix: 'logs/', contains: 'err' }), 'prefix "logs/" · name contains "err"');
  });

  it('matches the substring case-insensitively under the server-side prefix, one batch per listing page', async () => {
    const batches = await collect(
      s3.searchObjects(lab.clients, {
        bucket: 'search-me',
        filter: s3.parseObjectFilter('logs/error'),
        maxMatches: 100,
        maxScanned: 10_000,
        pageSize: 10,
      }),
    );
    const keys = batches.flatMap((b) => b.matches.map((m) => m.key));
    assert.deepEqual(keys, [
      'logs/2024/ERROR-0.log',
      'logs/2024/ERROR-1.log',
      'logs/2024/ERROR-2.log',
      'logs/2024/ERROR-3.log',
      'logs/2024/ERROR-4.log',
      'logs/2025/error-late.log',
    ]);
    // 36 keys under logs/ in pages of 10: four pages, each its own batch; only keys under the prefix were examined.
    assert.equal(batches.length, 4);
    assert.deepEqual(
      batches.map((b) => b.scanned),
      [10, 20, 30, 36],
    );
    assert.equal(batches.at(-1)?.done, true);
    assert.equal(batches.at(-1)?.next, undefined, 'everything examined');
  });

  it('stops at the match limit inside a page and resumes after the last key, without repeats', async () => {
    const run = (startAfter?: string) =>
      collect(
        s3.searchObjects(lab.clients, {
          bucket: 'search-me',
          filter: s3.parseObjectFilter('app-'),
          startAfter,
          maxMatches: 12,
          maxScanned: 10_000,
          pageSize: 25,
        }),
      );
    const first = await run();
    const firstKeys = first.flatMap((b) => b.matches.map((m) => m.key));
    assert.equal(firstKeys.length, 12);
    assert.equal(first.length, 1, 'the limit was reached inside the first page');
    assert.equal(first[0]?.next, 'logs/2024/app-11.log');
    const rest: string[] = [];
    let cursor = first.at(-1)?.next;
    while (cursor) {
      const more = await run(cursor);
      rest.push(...more.flatMap((b) => b.matches.map((m) => m.key)));
      cursor = more.at(-1)?.next;
    }
    assert.equal(rest.length, 18);
    assert.equal(new Set([...firstKeys, ...rest]).size, 30, 'no repeats, none missed');
  });

  it('stops at the scan limit with a place to resume even when nothing matched yet', async () => {
    const batches = await collect(
      s3.searchObjects(lab.clients, {
        bucket: 'search-me',
        filter: s3.parseObjectFilter('monthly'),
        maxMatches: 100,
        maxScanned: 20,
        pageSize: 10,
      }),
    );
    assert.deepEqual(
      batches.map((b) => [b.matches.length, b.scanned, b.done]),
      [
        [0, 10, false],
        [0, 20, true],
      ],
    );
    assert.ok(batches.at(-1)?.next, 'a cursor to go on from');
  });
});

describe('S3 search in the explorer tree', () => {
  const lab = useLab();
  let monitor: ConnectionMonitor | undefined;
  let tree: ExplorerTree | undefined;
  beforeEach(() => seed(lab));
  after(() => {
    tree?.dispose();
    monitor?.dispose();
  });

  /** The bucket's rows once no search is running (each redraw of the tree is a chance to look again). */
  async function settled(t: ExplorerTree, bucket: ExplorerNode): Promise<ExplorerNode[]> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      let sub: { dispose(): void } | undefined;
      const changed = new Promise<void>((ok) => (sub = t.onDidChange(() => ok())));
      try {
        const rows = await t.children(bucket);
        if (!rows.some((r) => r.ref.kind === 'explorer.searching')) return rows;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('the search did not settle');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([changed, new Promise((ok) => (timer = setTimeout(ok, left)))]);
        clearTimeout(timer);
      } finally {
        sub?.dispose();
      }
    }
  }

  it('shows matches as full keys, then "Load more matches", then the rest; clearing restores the folders', async () => {
    monitor = new ConnectionMonitor({
      readSettings: () => ({ endpoint: lab.emulator.endpoint, endpoints: lab.emulator.endpoints }),
      env: {},
      confirmRemote: async () => false,
      backoff: () => 100,
    });
    tree = new ExplorerTree(createServiceRegistry(), monitor, { pageSize: () => 5 });
    await monitor.start();
    const roots = await tree.children(undefined);
    const s3Row = roots.find((r) => r.label === 'S3');
    assert.ok(s3Row);
    const bucket = (await tree.children(s3Row)).find((r) => r.label === 'search-me');
    assert.ok(bucket);

    tree.setFilter(bucket, 'ERROR');
    const redrawn = (await tree.children(s3Row)).find((r) => r.label === 'search-me');
    assert.equal(redrawn?.description, 'filter: name contains "ERROR"');
    assert.equal(redrawn?.contextValue, 'lcl.s3.bucket.filtered');

    const first = await tree.children(bucket);
    assert.equal(first.at(-1)?.ref.kind, 'explorer.searching', 'the search runs in the background');
    let rows = await settled(tree, bucket);
    assert.deepEqual(
      rows.map((r) => r.label),
      [
        'logs/2024/ERROR-0.log',
        'logs/2024/ERROR-1.log',
        'logs/2024/ERROR-2.log',
        'logs/2024/ERROR-3.log',
        'logs/2024/ERROR-4.log',
        'Load more matches…',
      ],
    );
    assert.equal(rows[0]?.ref.kind, 's3.object');

    await tree.loadMore(bucket.id);
    rows = await settled(tree, bucket);
    assert.deepEqual(
      rows.slice(5).map((r) => r.label),
      ['logs/2025/error-late.log', 'reports/error-summary.csv'],
    );

    tree.setFilter(bucket, 'nothing-like-this');
    rows = await settled(tree, bucket);
    assert.deepEqual(
      rows.map((r) => r.label),
      ['No matches for name contains "nothing-like-this"'],
    );

    tree.setFilter(bucket, undefined);
    rows = await tree.children(bucket);
    assert.deepEqual(
      rows.map((r) => r.label),
      ['logs/', 'reports/', 'readme.txt'],
    );
    assert.equal((await tree.children(s3Row)).find((r) => r.label === 'search-me')?.description, undefined);
  });

  it('stopping a search keeps what it found and offers to go on', async () => {
    monitor ??= new ConnectionMonitor({
      readSettings: () => ({ endpoint: lab.emulator.endpoint, endpoints: lab.emulator.endpoints }),
      env: {},
      confirmRemote: async () => false,
      backoff: () => 100,
    });
    tree?.dispose();
    tree = new ExplorerTree(createServiceRegistry(), monitor, { pageSize: () => 100 });
    await monitor.start();
    const s3Row = (await tree.children(undefined)).find((r) => r.label === 'S3');
    assert.ok(s3Row);
    const bucket = (await tree.children(s3Row)).find((r) => r.label === 'search-me');
    assert.ok(bucket);
    tree.setFilter(bucket, 'log');
    const running = await tree.children(bucket);
    assert.equal(running.at(-1)?.ref.kind, 'explorer.searching');
    tree.stopSearch(bucket.id);
    const rows = await settled(tree, bucket);
    assert.equal(rows.at(-1)?.label, 'Load more matches…', 'stopped: a way to go on');
    await tree.loadMore(bucket.id);
    const all = await settled(tree, bucket);
    assert.equal(all.filter((r) => r.ref.kind === 's3.object').length, 36, 'every .log key, once');
    assert.equal(new Set(all.map((r) => r.id)).size, all.length);
  });
});

describe('S3 upload cancelled in the middle of a multipart upload', () => {
  const lab = useLab();

  it('aborts the multipart upload: no object and no unfinished parts remain', async () => {
    await s3.createBucket(lab.clients, 'uploads');
    const size = 16 * 1024 * 1024;
    const aborter = new AbortController();
    let sawProgress = false;
    await assert.rejects(
      s3.uploadObject(lab.clients, {
        bucket: 'uploads',
        key: 'big.bin',
        body: new Uint8Array(size),
        partSize: 5 * 1024 * 1024,
        signal: aborter.signal,
        onProgress: (loaded) => {
          if (loaded > 0 && !sawProgress) {
            sawProgress = true;
            aborter.abort();
          }
        },
      }),
    );
    assert.ok(sawProgress, 'the upload had started sending parts');
    assert.deepEqual(await s3.listMultipartUploads(lab.clients, 'uploads'), []);
    const page = await s3.listObjects(lab.clients, { bucket: 'uploads', pageSize: 10 });
    assert.deepEqual(page.objects, []);
  });
});
