// The webview wire contracts: the validator rejects anything off-shape (never trust the view), every panel's
// view → host union accepts its own messages and nothing else, and the page carries a strict, nonce-based CSP.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newNonce, renderHtml } from '../../../src/webviews/html';
import { itemsFromView } from '../../../src/webviews/protocol/items';
import { lambdaFromView } from '../../../src/webviews/protocol/lambda';
import { checkIteratorInput, recordsFromView } from '../../../src/webviews/protocol/records';
import { snsFromView } from '../../../src/webviews/protocol/sns';
import { sqsFromView } from '../../../src/webviews/protocol/sqs';
import {
  array,
  int,
  literal,
  obj,
  optional,
  parse,
  str,
  tagged,
  type Validator,
} from '../../../src/webviews/protocol/validate';

describe('validator', () => {
  const msg = tagged({
    a: obj({ type: literal('a'), n: int({ min: 1, max: 5 }), s: optional(str({ max: 3 })) }),
    b: obj({ type: literal('b'), list: array(int(), { max: 2 }) }),
  });

  it('accepts exact shapes and drops absent optionals', () => {
    assert.deepEqual(parse(msg, { type: 'a', n: 2 }), { ok: true, value: { type: 'a', n: 2 } });
    assert.deepEqual(parse(msg, { type: 'b', list: [1, 2] }), { ok: true, value: { type: 'b', list: [1, 2] } });
  });

  it('rejects unknown types, extra keys, wrong types, bounds and sizes with a path', () => {
    const cases: [unknown, RegExp][] = [
      [{ type: 'c' }, /message\.type: expected one of a, b/],
      [null, /message\.type/],
      ['a', /message\.type/],
      [{ type: 'a', n: 2, extra: 1 }, /message\.extra: expected no such key/],
      [{ type: 'a', n: 9 }, /message\.n: expected an integer from 1 to 5/],
      [{ type: 'a', n: 1.5 }, /an integer/],
      [{ type: 'a', n: 1, s: 'long' }, /message\.s: expected at most 3 characters/],
      [{ type: 'b', list: [1, 2, 3] }, /at most 2 entries/],
      [{ type: 'b', list: ['1'] }, /message\.list\[0\]: expected an integer/],
    ];
    for (const [input, expected] of cases) {
      const r = parse(msg, input);
      assert.equal(r.ok, false, JSON.stringify(input));
      assert.match(!r.ok ? r.error : '', expected);
    }
  });
});

describe('panel contracts', () => {
  it('accept each panel’s own requests', () => {
    for (const [v, m] of [
      [itemsFromView, { type: 'scan', requestId: 1, limit: 25 }],
      [
        itemsFromView,
        {
          type: 'query',
          requestId: 2,
          limit: 5,
          partitionValue: 'c1',
          sort: { op: 'between', value: '1', value2: '9' },
        },
      ],
      [itemsFromView, { type: 'put', requestId: 3, json: '{}', hints: { tags: 'SS' } }],
      [
        recordsFromView,
        { type: 'read', requestId: 4, shardId: 's', iterator: 'AT_SEQUENCE_NUMBER', sequenceNumber: '123', limit: 10 },
      ],
      [recordsFromView, { type: 'tail', on: true }],
      [sqsFromView, { type: 'send', requestId: 5, body: 'x', attributes: [{ name: 'a', type: 'Number', value: '1' }] }],
      [sqsFromView, { type: 'receive', requestId: 6, max: 10 }],
      [lambdaFromView, { type: 'invoke', requestId: 7, payload: '{}' }],
      [snsFromView, { type: 'setFilter', requestId: 8, subscriptionArn: 'arn', policy: '' }],
    ] as [Validator<unknown>, unknown][]) {
      const r = parse(v, m);
      assert.ok(r.ok, `${JSON.stringify(m)}: ${!r.ok ? r.error : ''}`);
    }
  });

  it('refuse what the view must not ask for', () => {
    const refused: [Validator<unknown>, unknown][] = [
      [itemsFromView, { type: 'scan', requestId: 1, limit: 100_000 }],
      [
        itemsFromView,
        { type: 'query', requestId: 1, limit: 5, partitionValue: 'c', sort: { op: 'contains', value: 'x' } },
      ],
      [itemsFromView, { type: 'put', requestId: 1, json: '{}', hints: { a: 'M' } }],
      [itemsFromView, { type: 'deleteTable', requestId: 1 }],
      [recordsFromView, { type: 'read', requestId: 1, shardId: 's', iterator: 'EVERYTHING', limit: 10 }],
      [
        recordsFromView,
        {
          type: 'read',
          requestId: 1,
          shardId: 's',
          iterator: 'AT_SEQUENCE_NUMBER',
          sequenceNumber: '1; drop',
          limit: 10,
        },
      ],
      [sqsFromView, { type: 'receive', requestId: 1, max: 11 }],
      [sqsFromView, { type: 'send', requestId: 1, body: 'x', delaySeconds: 901, attributes: [] }],
      [sqsFromView, { type: 'delete', requestId: 1, receiptHandle: 'forged' }],
      [
        snsFromView,
        {
          type: 'publish',
          requestId: 1,
          message: 'x',
          attributes: Array(11).fill({ name: 'a', type: 'String', value: 'v' }),
        },
      ],
    ];
    for (const [v, m] of refused) assert.equal(parse(v, m).ok, false, JSON.stringify(m));
  });
});

describe('panel page', () => {
  it('allows only our nonce-tagged script and nothing remote', () => {
    const nonce = newNonce();
    assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
    assert.notEqual(nonce, newNonce());
    const page = renderHtml({
      cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
      scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webviews/items.js',
      title: 'Items: <orders> & "more"',
      nonce,
    });
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, new RegExp(`script-src 'nonce-${nonce.replace(/[+/]/g, '\\$&')}'(;|$)`));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:\/\/(?!file\+)/);
    assert.match(csp, /connect-src 'none'/);
    assert.match(
      page,
      new RegExp(`<script type="module" nonce="${nonce.replace(/[+/]/g, '\\$&')}" src="[^"]+items\\.js"></script>`),
    );
    assert.match(page, /<title>Items: &lt;orders&gt; &amp; "more"<\/title>/);
    assert.equal((page.match(/<script/g) ?? []).length, 1, 'one script, no inline code');
  });
});

describe('Kinesis iterator input', () => {
  it('refuses an AT_TIMESTAMP in the future (Kinesis and LocalStack refuse it; moto quietly returns nothing)', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    assert.equal(checkIteratorInput('AT_TIMESTAMP', undefined, '2026-12-07T11:59:59Z', now), undefined);
    assert.match(
      checkIteratorInput('AT_TIMESTAMP', undefined, '2026-12-07T12:00:01Z', now) ?? '',
      /is in the future: AT_TIMESTAMP reads records that have arrived\. Use LATEST/,
    );
    assert.match(checkIteratorInput('AT_TIMESTAMP', undefined, 'yesterday', now) ?? '', /is not a date and time/);
  });
});
