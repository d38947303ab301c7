// mapLimit (src/aws/concurrency.ts), the bounded parallel reads of the AWS layer.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapLimit } from '../../src/aws/concurrency';

describe('mapLimit', () => {
  it('keeps the input order whatever order the calls finish in, with at most `limit` in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await mapLimit([30, 5, 20, 1, 10, 15], 3, async (ms) => {
      most = Math.max(most, ++inFlight);
      await new Promise((done) => setTimeout(done, ms));
      inFlight--;
      return ms * 2;
    });
    assert.deepEqual(out, [60, 10, 40, 2, 20, 30]);
    assert.equal(most, 3);
  });

  it('calls nothing for no items, and passes a failure on', async () => {
    assert.deepEqual(await mapLimit([], 4, () => Promise.reject(new Error('never called'))), []);
    await assert.rejects(
      mapLimit([1, 2], 2, async (n) => {
        if (n === 2) throw new Error('throttled');
        return n;
      }),
      /throttled/,
    );
  });
});
