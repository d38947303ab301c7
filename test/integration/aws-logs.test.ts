// CloudWatch Logs, AWS side: groups (by prefix, paged), streams, a stream's events read page by page, a filter
// pattern, and the live tail: new events arrive once each, in order, a group made after the tail started is picked
// up, and cancelling ends it.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import {
  filterLogEvents,
  getLogEvents,
  lambdaLogGroup,
  listLogGroups,
  listLogStreams,
  tailLogs,
  writeLogEvents,
  type LogEventRecord,
} from '../../src/aws/logs';
import { useLab } from '../support/fixtures';

const GROUP = lambdaLogGroup('orders-handler');

describe('CloudWatch Logs (emulator)', () => {
  const lab = useLab();
  const t0 = Date.now() - 60_000;
  beforeEach(async () => {
    await writeLogEvents(lab.clients, {
      group: GROUP,
      stream: '2026/12/07/[$LATEST]a1',
      create: true,
      events: Array.from({ length: 250 }, (_, i) => ({
        timestamp: t0 + i,
        message: i % 50 === 0 ? `ERROR order ${i} failed` : `INFO order ${i} ok`,
      })),
    });
    await writeLogEvents(lab.clients, {
      group: GROUP,
      stream: '2026/12/07/[$LATEST]b2',
      create: true,
      events: [{ timestamp: t0 + 1_000, message: 'INFO cold start' }],
    });
    await writeLogEvents(lab.clients, { group: '/app/web', stream: 'web-1', create: true, events: [] });
  });

  it('lists groups by prefix and page by page, and the streams of one', async () => {
    const all: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await listLogGroups(lab.clients, { token, limit: 1 });
      all.push(...page.groups.map((g) => g.name));
      token = page.next;
      pages++;
    } while (token && pages < 10);
    assert.deepEqual(all.sort(), ['/app/web', GROUP]);
    assert.ok(pages >= 2, 'one group per page takes two pages');
    const lambdaOnly = await listLogGroups(lab.clients, { prefix: '/aws/lambda/' });
    assert.deepEqual(
      lambdaOnly.groups.map((g) => g.name),
      [GROUP],
    );
    const { streams } = await listLogStreams(lab.clients, { group: GROUP });
    assert.deepEqual(streams.map((s) => s.name).sort(), ['2026/12/07/[$LATEST]a1', '2026/12/07/[$LATEST]b2']);
  });

  it("reads a stream's events oldest first, page by page, to its end", async () => {
    const got: LogEventRecord[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await getLogEvents(lab.clients, {
        group: GROUP,
        stream: '2026/12/07/[$LATEST]a1',
        token,
        limit: 100,
      });
      got.push(...page.events);
      token = page.next;
      pages++;
    } while (token && pages < 20);
    assert.equal(got.length, 250);
    assert.equal(got[0]!.message, 'ERROR order 0 failed');
    assert.equal(got[249]!.message, 'INFO order 249 ok');
    assert.ok(pages >= 3 && pages <= 4, `read in ${pages} pages`);
  });

  it('filters events with a filter pattern across streams', async () => {
    const { events } = await filterLogEvents(lab.clients, { group: GROUP, pattern: 'ERROR', limit: 1000 });
    assert.deepEqual(
      events.map((e) => e.message),
      [
        'ERROR order 0 failed',
        'ERROR order 50 failed',
        'ERROR order 100 failed',
        'ERROR order 150 failed',
        'ERROR order 200 failed',
      ],
    );
    const everything = await filterLogEvents(lab.clients, { group: GROUP, limit: 1000 });
    assert.equal(everything.events.length, 251);
  });

  it('tails a group: new events once each and in order, then stops when cancelled', async () => {
    const aborter = new AbortController();
    const seen: LogEventRecord[] = [];
    const start = Date.now();
    let polls = 0;
    const fastSleep = (_ms: number, signal: AbortSignal) =>
      new Promise<void>((r) => {
        polls++;
        if (signal.aborted) r();
        else setTimeout(r, 20);
      });
    let wake: () => void = () => {};
    const tail = tailLogs(lab.clients, {
      group: GROUP,
      startTime: start,
      signal: aborter.signal,
      sleep: fastSleep,
      onEvents: (events) => {
        seen.push(...events);
        wake();
      },
    });
    const waitFor = async (n: number) => {
      const deadline = Date.now() + 15_000;
      while (seen.length < n && Date.now() < deadline) await new Promise<void>((r) => (wake = r) && setTimeout(r, 200));
    };
    // Two batches with events sharing a timestamp, so the inclusive start of the next poll must not repeat them.
    await writeLogEvents(lab.clients, {
      group: GROUP,
      stream: 'live',
      create: true,
      events: [
        { timestamp: start + 10, message: 'one' },
        { timestamp: start + 10, message: 'two' },
      ],
    });
    await waitFor(2);
    await writeLogEvents(lab.clients, {
      group: GROUP,
      stream: 'live',
      events: [
        { timestamp: start + 10, message: 'three' },
        { timestamp: start + 20, message: 'four' },
      ],
    });
    await waitFor(4);
    const pollsBefore = polls;
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(polls > pollsBefore, 'still polling while nothing new arrives');
    aborter.abort();
    await tail;
    assert.deepEqual(
      seen.map((e) => e.message),
      ['one', 'two', 'three', 'four'],
    );
    assert.equal(new Set(seen.map((e) => e.id)).size, 4);
  });

  it('tails a group that does not exist yet, saying so, and picks it up once it does', async () => {
    const aborter = new AbortController();
    const statuses: string[] = [];
    const seen: string[] = [];
    const start = Date.now();
    const tail = tailLogs(lab.clients, {
      group: lambdaLogGroup('not-yet'),
      startTime: start,
      signal: aborter.signal,
      sleep: (_ms, signal) => new Promise<void>((r) => (signal.aborted ? r() : setTimeout(r, 20))),
      onStatus: (s) => statuses.push(s.kind),
      onEvents: (events) => seen.push(...events.map((e) => e.message)),
    });
    const deadline = Date.now() + 15_000;
    while (!statuses.includes('waiting') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await writeLogEvents(lab.clients, {
      group: lambdaLogGroup('not-yet'),
      stream: 's',
      create: true,
      events: [{ timestamp: start + 5, message: 'hello' }],
    });
    while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    aborter.abort();
    await tail;
    assert.equal(statuses[0], 'waiting');
    assert.ok(statuses.includes('live'));
    assert.deepEqual(seen, ['hello']);
  });
});
