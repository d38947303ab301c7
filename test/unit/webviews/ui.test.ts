// The views' shared busy-state rule: a 'busy' start shows its label; an end clears only the request shown
// (or all, id 0), so the late end of a superseded request leaves the newer spinner.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { afterBusy, RequestStatus } from '../../../webviews/shared/ui';

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

describe('RequestStatus', () => {
  it('takes busy, error and invalid, and leaves every other message to the view', () => {
    const status = new RequestStatus();
    const messages = {
      start: { type: 'busy', requestId: 3, busy: true, label: 'Sending' },
      failed: { type: 'error', requestId: 3, message: 'Send failed: boom' },
      refused: { type: 'invalid', requestId: 3, message: 'The body is empty.' },
      end: { type: 'busy', requestId: 3, busy: false },
    };
    assert.equal(status.take(messages.start), true);
    assert.deepEqual(status.busy, { id: 3, label: 'Sending' });
    assert.equal(status.take(messages.failed), true);
    assert.equal(status.take(messages.refused), true);
    assert.equal(status.take(messages.end), true);
    assert.deepEqual(
      { busy: status.busy, error: status.error, invalid: status.invalid },
      { busy: undefined, error: 'Send failed: boom', invalid: 'The body is empty.' },
    );
    assert.equal(status.take({ type: 'sent' }), false);
    assert.equal(status.error, 'Send failed: boom');
  });
});
