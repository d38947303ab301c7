import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLineIndex, lineStarts, positionAt } from '../../../server/src/core/positions';

describe('positions', () => {
  it('handles \\n, \\r\\n and \\r line ends', () => {
    assert.deepEqual(lineStarts('a\nb\r\nc\rd'), [0, 2, 5, 7]);
  });

  it('converts offsets to 0-based line/character and back', () => {
    const text = 'ab\r\ncd\nef';
    const idx = createLineIndex(text);
    const expected = [
      [0, 0, 0],
      [2, 0, 2],
      [4, 1, 0],
      [5, 1, 1],
      [7, 2, 0],
      [9, 2, 2],
    ];
    for (const [offset, line, character] of expected) {
      assert.deepEqual(idx.positionAt(offset!), { line, character }, `offset ${offset}`);
      assert.equal(idx.offsetAt({ line: line!, character: character! }), offset);
    }
  });

  it('counts UTF-16 code units (as LSP does)', () => {
    const text = '😀x\ny';
    assert.deepEqual(positionAt(text, 2), { line: 0, character: 2 });
    assert.deepEqual(createLineIndex(text).rangeOf({ start: 2, end: 5 }), {
      start: { line: 0, character: 2 },
      end: { line: 1, character: 1 },
    });
  });

  it('clamps out-of-range input', () => {
    const idx = createLineIndex('abc\nde');
    assert.deepEqual(idx.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(idx.positionAt(99), { line: 1, character: 2 });
    assert.equal(idx.offsetAt({ line: 0, character: 99 }), 3);
    assert.equal(idx.offsetAt({ line: 9, character: 0 }), 6);
  });
});
