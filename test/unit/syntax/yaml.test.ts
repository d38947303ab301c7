import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYaml } from '../../../server/src/core/syntax/yaml';
import { SHORT_TAGS } from '../../../server/src/core/syntax/intrinsics';
import { assertResultInside, at, slice } from './helpers';

describe('parseYaml', () => {
  it('maps scalars, maps and sequences with precise spans', () => {
    const text =
      'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: [s3:GetObject, \'s3:PutObject\']\n    Count: 3\n    On: true\n';
    const r = parseYaml(text);
    assert.deepEqual(r.problems, []);
    const version = at(r.root, 'Version');
    assert.ok(version?.kind === 'string');
    assert.equal(slice(text, version.span), '"2012-10-17"');
    assert.equal(slice(text, version.valueSpan), '2012-10-17');
    const put = at(r.root, 'Statement', 0, 'Action', 1);
    assert.ok(put?.kind === 'string');
    assert.equal(slice(text, put.valueSpan), 's3:PutObject');
    assert.equal(at(r.root, 'Statement', 0, 'Count')?.kind, 'number');
    assert.equal(at(r.root, 'Statement', 0, 'On')?.kind, 'boolean');
    assertResultInside(r, text);
  });

  for (const [tag, fn] of SHORT_TAGS) {
    it(`reads !${tag} as the dynamic ${fn}`, () => {
      const text = `Value: !${tag} Arg\n`;
      const v = at(parseYaml(text).root, 'Value');
      assert.ok(v?.kind === 'dynamic');
      assert.equal(v.function, fn);
      assert.equal(slice(text, v.span), `!${tag} Arg`);
      assert.equal(v.argument?.kind, 'string');
    });
  }

  it('keeps sequence and mapping arguments of short tags', () => {
    const text =
      'A: !Join ["", [a, !Ref B]]\nC: !If\n  - Cond\n  - x\n  - !Ref AWS::NoValue\nD: !Sub\n  - "${X}"\n  - X: !GetAtt R.Arn\n';
    const r = parseYaml(text);
    assert.deepEqual(r.problems, []);
    const join = at(r.root, 'A');
    assert.ok(join?.kind === 'dynamic' && join.argument?.kind === 'array');
    const inner = at(r.root, 'A', 1, 1);
    assert.ok(inner?.kind === 'dynamic');
    assert.equal(inner.function, 'Ref');
    assert.equal(slice(text, inner.span), '!Ref B');
    const ifNode = at(r.root, 'C');
    assert.ok(ifNode?.kind === 'dynamic' && ifNode.function === 'Fn::If');
    assert.equal((at(r.root, 'D', 1, 'X') as { function: string }).function, 'Fn::GetAtt');
    assertResultInside(r, text);
  });

  it('gives block scalars a value span that starts at the content', () => {
    const text = 'Doc: |\n  {"Version": "2012-10-17"}\nNext: 1\n';
    const v = at(parseYaml(text).root, 'Doc');
    assert.ok(v?.kind === 'string');
    assert.equal(v.value, '{"Version": "2012-10-17"}\n');
    assert.equal(slice(text, v.valueSpan), '{"Version": "2012-10-17"}');
  });

  it('keeps a block scalar under a short tag', () => {
    const text = 'Doc: !Sub |\n  {"Resource": "arn:aws:s3:::${B}/*"}\n';
    const v = at(parseYaml(text).root, 'Doc');
    assert.ok(v?.kind === 'dynamic' && v.function === 'Fn::Sub');
    assert.ok(v.argument?.kind === 'string');
    assert.equal(slice(text, v.argument.valueSpan), '{"Resource": "arn:aws:s3:::${B}/*"}');
  });

  it('keeps every document of a stream', () => {
    const text = 'a: 1\n---\nb: 2\n---\nc: !Ref X\n';
    const r = parseYaml(text);
    assert.equal(r.documents?.length, 3);
    assert.equal(r.root, r.documents?.[0]);
    assert.equal(at(r.documents?.[2], 'c')?.kind, 'dynamic');
  });

  it('reports malformed YAML and recovers what it can', () => {
    const text = 'Good: 1\nBad: [1, 2\nAlso: "unterminated\n';
    const r = parseYaml(text);
    assert.ok(r.problems.length >= 1);
    assert.ok(
      r.problems.every((p) => !p.message.includes('\n')),
      'one-line messages',
    );
    assertResultInside(r, text);
    assert.equal((at(r.root, 'Good') as { value: number }).value, 1);
  });

  it('leaves aliases unresolved (no billion laughs)', () => {
    const text = 'a: &x [1, 2]\nb: *x\n';
    const b = at(parseYaml(text).root, 'b');
    assert.ok(b?.kind === 'dynamic');
    assert.equal(b.function, 'yaml-alias');
  });
});
