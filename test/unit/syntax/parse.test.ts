import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alignOffsets, jsonStringOffsets } from '../../../server/src/core/syntax/embedded';
import { asIntrinsic } from '../../../server/src/core/syntax/intrinsics';
import { detectFormat, MAX_PROBLEMS, parseDocument } from '../../../server/src/core/syntax/parse';
import { pathAt } from '../../../server/src/core/syntax/walk';
import { at } from './helpers';

describe('detectFormat', () => {
  const cases: [string, string, string | undefined, string][] = [
    ['policy.json', '{}', undefined, 'json'],
    ['x.yaml', 'a: 1', undefined, 'yaml'],
    ['x.yml', 'a: 1', undefined, 'yaml'],
    ['main.tf', 'resource "a" "b" {}', undefined, 'hcl'],
    ['stack.template', '{"Resources": {}}', undefined, 'json'],
    ['stack.template', 'Resources:\n  A: 1', undefined, 'yaml'],
    ['untitled:1', 'resource "a" "b" {}', undefined, 'hcl'],
    ['file:///a/b.txt?x=1', 'a: 1', 'terraform', 'hcl'],
    ['file:///a/b.json', '{}', 'jsonc', 'json'],
  ];
  for (const [uri, text, languageId, format] of cases) {
    it(`${uri} (${languageId ?? 'no language'}) → ${format}`, () => {
      assert.equal(detectFormat(languageId ? { uri, text, languageId } : { uri, text }), format);
    });
  }
});

describe('parseDocument', () => {
  it('reads long-form intrinsics in templates as dynamic nodes', () => {
    const text = JSON.stringify({
      Resources: { B: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { 'Fn::Sub': '${AWS::StackName}-b' } } } },
    });
    const p = parseDocument({ uri: 't.json', text });
    const name = at(p.parse.root, 'Resources', 'B', 'Properties', 'BucketName');
    assert.ok(name?.kind === 'dynamic');
    assert.equal(name.function, 'Fn::Sub');
    assert.equal(name.text, '{"Fn::Sub":"${AWS::StackName}-b"}');
  });

  it('leaves one-key objects of non-templates alone (a policy Condition is not an intrinsic)', () => {
    const text = '{"Statement": [{"Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}';
    const p = parseDocument({ uri: 'p.json', text });
    assert.equal(at(p.parse.root, 'Statement', 0, 'Condition')?.kind, 'object');
  });

  it('asIntrinsic recognises {"Ref": …} and ignores ordinary objects', () => {
    const p = parseDocument({ uri: 'x.json', text: '{"a": {"Ref": "X"}, "b": {"Ref": "X", "c": 1}}' });
    assert.equal(asIntrinsic(at(p.parse.root, 'a'))?.function, 'Ref');
    assert.equal(asIntrinsic(at(p.parse.root, 'b')), undefined);
  });

  it('never throws and reports the format it chose', () => {
    for (const text of ['', '\u0000', '{', 'a: [', 'resource "', '<<EOF']) {
      for (const uri of ['a.json', 'a.yaml', 'a.tf']) {
        const p = parseDocument({ uri, text });
        assert.equal(p.parse.format, p.format);
      }
    }
  });
});

describe('embedded offsets', () => {
  it('maps JSON string escapes exactly', () => {
    const raw = 'a\\"b\\nc';
    const map = jsonStringOffsets(raw, 10);
    assert.deepEqual([0, 1, 2, 3, 4, 5].map(map), [10, 11, 13, 14, 16, 17]);
  });

  it('aligns verbatim text exactly and stays inside the source otherwise', () => {
    const map = alignOffsets('{"a": 1}', '  {"a": 1}', 100);
    assert.equal(map(0), 102);
    assert.equal(map(8), 110);
    const loose = alignOffsets('xyz\n\n', 'abc', 0);
    for (let i = 0; i <= 5; i++) assert.ok(map(i) >= 100 && loose(i) >= 0 && loose(i) <= 3);
  });
});

describe('pathAt', () => {
  it('finds the chain of nodes and whether the offset is on a key', () => {
    const text = '{"Statement": [{"Action": "s3:GetObject"}]}';
    const root = parseDocument({ uri: 'p.json', text }).parse.root!;
    const onValue = pathAt(root, text.indexOf('GetObject'));
    assert.equal(onValue.at(-1)?.node.kind, 'string');
    assert.equal(onValue.at(-1)?.property?.key, 'Action');
    const onKey = pathAt(root, text.indexOf('Action'));
    assert.equal(onKey.at(-1)?.onKey, true);
    assert.deepEqual(pathAt(root, 10_000), []);
  });
});

describe('problem cap', () => {
  it('reports at most MAX_PROBLEMS syntax problems plus one summary', () => {
    const text = '}'.repeat(5000);
    const p = parseDocument({ uri: 'x.tf', text });
    assert.equal(p.parse.problems.length, MAX_PROBLEMS + 1);
    assert.equal(p.parse.problems.at(-1)!.message, `${5000 - MAX_PROBLEMS} more HCL syntax problems not shown`);
  });
});
