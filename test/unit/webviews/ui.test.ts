// The views' shared busy-state rule: a 'busy' start shows its label; an end clears only the request shown
// (or all, id 0), so the late end of a superseded request leaves the newer spinner.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { afterBusy } from '../../../webviews/shared/ui';

describe('afterBusy', () => {
  it('shows the started request with its label', () => {
    assert.deepEqual(afterBusy(undefined, { requestId: 7, busy: true, label: 'Scanning' }), {
      id: 7,
      label: 'Scanning',
    });
  });

  it('a newer start replaces the request shown', () => {
    assert.deepEqual(afterBusy({ id: 7, label: 'Scanning' }, { requestId: 8, busy: true, label: 'Saving' }), {
      id: 8,
      label: 'Saving',
    });
  });

  it('the end of the request shown clears it; id 0 clears any', () => {
    assert.equal(afterBusy({ id: 7, label: 'Scanning' }, { requestId: 7, busy: false }), undefined);
    assert.equal(afterBusy({ id: 7, label: 'Scanning' }, { requestId: 0, busy: false }), undefined);
  });

  it('the late end of a superseded request leaves the newer one', () => {
    const shown = { id: 8, label: 'Saving' };
    assert.equal(afterBusy(shown, { requestId: 7, busy: false }), shown);
    assert.equal(afterBusy(undefined, { requestId: 7, busy: false }), undefined);
  });
});
