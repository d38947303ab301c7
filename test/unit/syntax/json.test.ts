import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJson } from '../../../server/src/core/syntax/json';
import { assertResultInside, at, slice } from './helpers';

describe('parseJson', () => {
  it('builds the tree with key, value and string spans', () => {
    const text = '{\n  "Effect": "Allow",\n  "Action": ["s3:GetObject", 3, true, null]\n}';
    const r = parseJson(text);
    assert.deepEqual(r.problems, []);
    assert.equal(r.root?.kind, 'object');
    const effect = at(r.root, 'Effect');
    assert.equal(effect?.kind, 'string');
    if (effect?.kind !== 'string') return;
    assert.equal(effect.value, 'Allow');
    assert.equal(slice(text, effect.span), '"Allow"');
    assert.equal(slice(text, effect.valueSpan), 'Allow');
    const root = r.root;
    assert.ok(root?.kind === 'object');
    assert.equal(slice(text, root.properties[1]!.keySpan), '"Action"');
    assert.deepEqual(
      (at(r.root, 'Action') as unknown as { items: { kind: string }[] }).items.map((i) => i.kind),
      ['string', 'number', 'boolean', 'null'],
    );
    assertResultInside(r, text);
  });

  it('reports a trailing comma on the comma and keeps the rest', () => {
    const text = '{"Action": ["a", "b",], "Resource": "*"}';
    const r = parseJson(text);
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0]!.message, 'Trailing comma is not allowed in JSON');
    assert.equal(slice(text, r.problems[0]!.span), ',');
    assert.equal((at(r.root, 'Resource') as { value: string }).value, '*');
  });

  it('recovers from a missing comma and a missing value', () => {
    const text = '{"Version": "2012-10-17" "Statement": [], "Sid": }';
    const r = parseJson(text);
    assert.ok(r.problems.some((p) => p.message.startsWith("Expected ','")));
    assert.ok(r.problems.some((p) => p.message === 'Expected a value'));
    assert.equal((at(r.root, 'Version') as { value: string }).value, '2012-10-17');
    assertResultInside(r, text);
  });

  it('reports an unterminated document at its end', () => {
    const text = '{"Statement": [{"Effect": "Allow"';
    const r = parseJson(text);
    assert.ok(r.problems.length >= 1);
    assertResultInside(r, text);
    assert.equal((at(r.root, 'Statement', 0, 'Effect') as { value: string }).value, 'Allow');
  });

  it('rejects comments in JSON but accepts them in JSONC', () => {
    const text = '// policy\n{"a": 1 /* one */}';
    assert.deepEqual(
      parseJson(text).problems.map((p) => [p.message, slice(text, p.span)]),
      [
        ['Comments are not allowed in JSON', '// policy'],
        ['Comments are not allowed in JSON', '/* one */'],
      ],
    );
    assert.deepEqual(parseJson(text, { allowComments: true }).problems, []);
  });

  it('keeps escapes decoded with the raw span', () => {
    const text = '{"k": "a\\"b\\u0041"}';
    const v = at(parseJson(text).root, 'k');
    assert.ok(v?.kind === 'string');
    assert.equal(v.value, 'a"bA');
    assert.equal(slice(text, v.valueSpan), 'a\\"b\\u0041');
  });

  it('returns no root and one problem for an empty document', () => {
    const r = parseJson('   ');
    assert.equal(r.root, undefined);
    assert.equal(r.problems.length, 1);
    assertResultInside(r, '   ');
  });

  it('survives very deep nesting with a problem instead of a crash', () => {
    const text = '['.repeat(5000) + ']'.repeat(5000);
    const r = parseJson(text);
    assert.ok(r.problems.some((p) => p.message.includes('deeper')));
    assertResultInside(r, text);
  });
});
