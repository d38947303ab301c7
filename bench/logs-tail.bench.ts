// Live log tail benchmark against a real moto server (`npm run bench logs-tail`; prints figures, never fails on them):
// 10,000 log events arrive in 10 bursts of 1,000 while `tailLogs` follows the group into the same `TailView` the
// Show Logs / Tail Log Group editor uses (bounded to 10,000 lines, redrawn at most every 300 ms as the command does).
// Reported: the host-side time per batch (adding events to the buffer) and per redraw (rendering up to 10,000 lines),
// the event-loop delay while tailing (what would stall the extension host), and the time until every event arrived.
// Run alone: LCL_TEST_ENDPOINT=http://127.0.0.1:<port> node --import tsx bench/logs-tail.bench.ts
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { lambdaLogGroup, tailLogs, writeLogEvents } from '../src/aws/logs';
import { TAIL_CAPACITY, TAIL_REDRAW_MS, TailView } from '../src/logs/tailView';
import { benchEmulator } from './emulator';

const EVENTS = 10_000;
const BURSTS = 10;

const ms = (n: number) => `${n.toFixed(2)} ms`;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;

async function main(): Promise<void> {
  const emulator = await benchEmulator('logs-tail');
  if (!emulator) return;
  const { clients } = emulator;
  const group = lambdaLogGroup('bench-fn');
  await writeLogEvents(clients, { group, stream: 'warm-up', create: true, events: [] });

  const view = new TailView(group, TAIL_CAPACITY);
  const batchMs: number[] = [];
  const batchSizes: number[] = [];
  const renderMs: number[] = [];
  let timer: NodeJS.Timeout | undefined;
  const redraw = () => {
    timer = undefined;
    const t = performance.now();
    const text = view.render();
    renderMs.push(performance.now() - t);
    if (text.length === 0) throw new Error('empty render');
  };
  const aborter = new AbortController();
  let allIn: () => void = () => {};
  const done = new Promise<void>((r) => (allIn = r));
  const lag = monitorEventLoopDelay({ resolution: 10 });
  const start = Date.now();
  lag.enable();
  const t0 = performance.now();
  const tail = tailLogs(clients, {
    group,
    startTime: start - 1_000,
    signal: aborter.signal,
    minDelayMs: 200,
    maxDelayMs: 1_000,
    onEvents: (events) => {
      const t = performance.now();
      view.add(events);
      batchMs.push(performance.now() - t);
      batchSizes.push(events.length);
      timer ??= setTimeout(redraw, TAIL_REDRAW_MS);
      if (view.stats.received >= EVENTS) allIn();
    },
  });
  const per = EVENTS / BURSTS;
  for (let b = 0; b < BURSTS; b++) {
    const base = Date.now();
    await writeLogEvents(clients, {
      group,
      stream: `burst-${b}`,
      create: true,
      events: Array.from({ length: per }, (_, i) => ({
        timestamp: base + Math.floor(i / 10),
        message: `${new Date(base).toISOString()} INFO request ${b * per + i} handled in ${i % 97} ms {"path":"/orders/${i}"}`,
      })),
    });
  }
  const timeout = setTimeout(allIn, 60_000);
  await done;
  clearTimeout(timeout);
  const elapsed = performance.now() - t0;
  aborter.abort();
  await tail;
  if (timer) clearTimeout(timer);
  redraw();
  lag.disable();
  clients.dispose();

  const s = view.stats;
  console.log(
    `tailed ${s.received} of ${EVENTS} events in ${batchMs.length} batches (sizes ${Math.min(...batchSizes)}–${Math.max(...batchSizes)}), all in after ${ms(elapsed)}`,
  );
  console.log(
    `  host time per batch (buffer push): p50 ${ms(pct(batchMs, 0.5))}, p99 ${ms(pct(batchMs, 0.99))}, max ${ms(Math.max(...batchMs))}`,
  );
  console.log(
    `  host time per event: ${((batchMs.reduce((a, b) => a + b, 0) * 1000) / Math.max(1, s.received)).toFixed(2)} µs`,
  );
  console.log(
    `  redraws: ${renderMs.length}, render of up to ${s.shown} lines: p50 ${ms(pct(renderMs, 0.5))}, max ${ms(Math.max(...renderMs))}`,
  );
  console.log(
    `  event-loop delay while tailing: p50 ${ms(lag.percentile(50) / 1e6)}, p99 ${ms(lag.percentile(99) / 1e6)}, max ${ms(lag.max / 1e6)}`,
  );
  console.log(`  buffer: ${s.shown} lines kept (capacity ${TAIL_CAPACITY}), ${s.dropped} dropped`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
