// The live command's sample settings are bounded whatever the user writes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SAMPLE, sampleSettings } from '../../../src/dynamodb/settings';

test('sample settings: defaults, bounds, page never above the cap', () => {
  const read = (values: Record<string, unknown>) => sampleSettings((k) => values[k]);
  assert.deepEqual(read({}), DEFAULT_SAMPLE);
  assert.deepEqual(read({ sampleCap: 0, samplePageSize: -5 }), { cap: 1, pageSize: 1 });
  assert.deepEqual(read({ sampleCap: 5e9, samplePageSize: 1e9 }), { cap: 200_000, pageSize: 10_000 });
  assert.deepEqual(read({ sampleCap: 50, samplePageSize: 500 }), { cap: 50, pageSize: 50 });
  assert.deepEqual(read({ sampleCap: '100', samplePageSize: null }), DEFAULT_SAMPLE);
  assert.deepEqual(read({ sampleCap: 250.7, samplePageSize: 20.2 }), { cap: 250, pageSize: 20 });
});
