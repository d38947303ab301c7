// Exercise-check benchmarks against a real moto server (`npm run bench walkthrough`; prints figures, never fails):
// how long one round of every check takes — the work a periodic re-check does while a walkthrough is open — on an
// empty emulator and on one holding a learner's worth of resources (and more), with the per-week split.
// Run alone: LCL_TEST_ENDPOINT=http://127.0.0.1:<port> node --import tsx bench/walkthrough.bench.ts
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateQueueCommand } from '@aws-sdk/client-sqs';
import { CreateStreamCommand } from '@aws-sdk/client-kinesis';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCurriculum } from '../src/walkthrough/curriculum';
import { DEFAULT_LOCAL_SERVICES, roundMemo, type CheckEnv } from '../src/walkthrough/checks/types';
import { folderFiles } from '../src/walkthrough/files';
import { realProbes } from '../src/walkthrough/probes/tcp';
import { EMPTY_PROGRESS, type ProgressData } from '../src/walkthrough/progress';
import { CHECKS } from '../src/walkthrough/registry';
import { ExerciseScheduler } from '../src/walkthrough/scheduler';
import { benchEmulator } from './emulator';

const RUNS = 5;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const emulator = await benchEmulator('walkthrough');
  if (!emulator) return;
  const { clients: aws } = emulator;
  const root = join(__dirname, '..');
  const curriculum = parseCurriculum(JSON.parse(readFileSync(join(root, 'walkthroughs', 'curriculum.json'), 'utf8')));
  const env = (): CheckEnv => ({
    memo: roundMemo(),
    aws,
    probes: realProbes,
    // Nothing listens on these: the local probes fail fast, as on a machine without the services.
    local: { ...DEFAULT_LOCAL_SERVICES, host: '127.0.0.1' },
    files: folderFiles([root]),
  });

  const round = async (weeks?: string[]): Promise<number> => {
    let data: ProgressData = EMPTY_PROGRESS;
    const s = new ExerciseScheduler({
      curriculum,
      store: { read: () => data, write: async (d) => void (data = d) },
      env,
      setContext: async () => undefined,
      now: () => Date.now(),
      timers: { setInterval: () => ({ cancel: () => undefined }) },
      intervalMs: () => 15_000,
    });
    const t = performance.now();
    await s.checkNow(weeks ? { weeks } : {});
    return performance.now() - t;
  };

  const checks = Object.values(CHECKS).reduce((n, w) => n + Object.keys(w).length, 0);
  const measure = async (label: string): Promise<void> => {
    await round(); // warm-up: clients, connections
    const all: number[] = [];
    for (let i = 0; i < RUNS; i++) all.push(await round());
    console.log(
      `${label}: one round of all ${checks} checks — median ${ms(median(all))} (runs: ${all.map(ms).join(', ')})`,
    );
    const perWeek: string[] = [];
    for (const w of curriculum.weeks) perWeek.push(`${w.id} ${ms(median([await round([w.id]), await round([w.id])]))}`);
    console.log(`  per week: ${perWeek.join(' · ')}`);
  };

  await measure('empty emulator');

  // A learner's account after a few weeks, and then some: 20 buckets × 20 objects, 20 tables, 20 queues, 5 streams.
  const t = performance.now();
  for (let b = 0; b < 20; b++) {
    await aws.s3().send(new CreateBucketCommand({ Bucket: `bench-${b}` }));
    for (let o = 0; o < 20; o++) {
      await aws.s3().send(new PutObjectCommand({ Bucket: `bench-${b}`, Key: `k/${o}.txt`, Body: 'x' }));
    }
    await aws.dynamodb().send(
      new CreateTableCommand({
        TableName: `bench-${b}`,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    );
    await aws.sqs().send(new CreateQueueCommand({ QueueName: `bench-${b}` }));
  }
  for (let s = 0; s < 5; s++)
    await aws.kinesis().send(new CreateStreamCommand({ StreamName: `bench-${s}`, ShardCount: 2 }));
  console.log(`(seeded 20 buckets × 20 objects, 20 tables, 20 queues, 5 streams in ${ms(performance.now() - t)})`);
  await measure('populated emulator');

  aws.dispose();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
