// The strict JSON fast path builds exactly the tree of the jsonc-parser path, and gives up on everything else.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJsonc } from '../../../server/src/core/syntax/json';
import { parseStrictJson } from '../../../server/src/core/syntax/strictJson';

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Read\\u0041\\"quoted\\"\\\\path\\/x",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:List*"],
      "Resource": "arn:aws:s3:::bucket/*",
      "Condition": { "NumericLessThan": { "s3:max-keys": -1.5e3 }, "Bool": { "aws:SecureTransport": false } },
      "Nothing": null,
      "Nested": [[], {}, [1, [2, [true]]]]
    }
  ]
}`;

describe('parseStrictJson', () => {
  const strictCases = [
    POLICY,
    '{}',
    '[]',
    '""',
    '0',
    '-0.25E+2',
    ' true ',
    '\r\n\tnull\n',
    '"\\ud800"',
    '{"a":1,"a":2}',
    '["é", "\u2028", "\u007f"]',
    POLICY.replace(/\n/g, '\r\n'),
  ];
  for (const text of strictCases) {
    it(`builds the jsonc-parser path's tree for ${JSON.stringify(text.slice(0, 30))}`, () => {
      const slow = parseJsonc(text);
      assert.deepEqual(slow.problems, []);
      assert.deepEqual(parseStrictJson(text, 200), slow.root);
    });
  }

  const otherCases = [
    '',
    '   ',
    '{"a": 1,}',
    '[1,]',
    '{"a" 1}',
    '{a: 1}',
    '01',
    '1.',
    '-',
    'nul',
    'nullx',
    'true1',
    '{"a": 1} x',
    '{"a": 1} // comment',
    '/* c */ {}',
    '\uFEFF{}',
    '{"a":\f1}',
    '"unterminated',
    '"tab\tinside"',
    '"bad \\x escape"',
    '"\\u12"',
    '{"a": "b"',
    '[[[[[[1]]]]]]',
  ];
  for (const text of otherCases) {
    it(`gives up on ${JSON.stringify(text)} (the jsonc-parser path decides)`, () => {
      const depthLimited = text.startsWith('[[[[[[');
      assert.equal(parseStrictJson(text, depthLimited ? 3 : 200), undefined);
    });
  }
});
