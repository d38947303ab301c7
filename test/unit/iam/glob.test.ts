// Wildcard patterns of the evaluator and the custom checks. The pattern-to-pattern comparisons are checked by brute
// force on a small alphabet: a "covers" answer must hold for every string, an "overlaps: no" must too.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileGlob, covers, globMatch, overlaps, tokensOf } from '../../../server/src/core/iam/evaluate/glob';

function words(alphabet: readonly string[], max: number): string[] {
  const out = [''];
  let frontier = [''];
  for (let n = 1; n <= max; n++) {
    frontier = frontier.flatMap((w) => alphabet.map((c) => w + c));
    out.push(...frontier);
  }
  return out;
}

const PATTERNS = words(['a', 'b', '*', '?'], 3);
const STRINGS = words(['a', 'b'], 5);

describe('glob comparisons (brute force over a small alphabet)', () => {
  const matchers = new Map(PATTERNS.map((p) => [p, compileGlob(tokensOf(p))]));
  const language = new Map(PATTERNS.map((p) => [p, STRINGS.filter((s) => matchers.get(p)!(s))]));

  it('covers(a, b) only when every string b matches, a matches too', () => {
    let yes = 0;
    for (const a of PATTERNS) {
      for (const b of PATTERNS) {
        if (!covers(tokensOf(a), tokensOf(b))) continue;
        yes++;
        const missed = language.get(b)!.find((s) => !matchers.get(a)!(s));
        assert.equal(missed, undefined, `covers("${a}", "${b}") but "${missed}" escapes`);
      }
    }
    assert.ok(yes > 1000, `${yes} covering pairs`);
  });

  it('overlaps(a, b) is false only when no string matches both', () => {
    let no = 0;
    for (const a of PATTERNS) {
      for (const b of PATTERNS) {
        if (overlaps(tokensOf(a), tokensOf(b))) continue;
        no++;
        const both = language.get(a)!.find((s) => matchers.get(b)!(s));
        assert.equal(both, undefined, `!overlaps("${a}", "${b}") but "${both}" matches both`);
      }
    }
    assert.ok(no > 1000, `${no} disjoint pairs`);
  });

  const cases: readonly [string, string, boolean, boolean][] = [
    ['s3:Get*', 's3:GetObject*', true, true],
    ['s3:GetObject*', 's3:Get*', false, true],
    ['s3:*Object', 's3:Get*', false, true],
    ['s3:?etObject', 's3:GetObject', true, true],
    ['s3:Put*', 's3:Get*', false, false],
    ['*', 'anything:*', true, true],
  ];
  for (const [a, b, cover, overlap] of cases) {
    it(`"${a}" vs "${b}": covers ${cover}, overlaps ${overlap}`, () => {
      assert.equal(covers(tokensOf(a), tokensOf(b), true), cover);
      assert.equal(overlaps(tokensOf(a), tokensOf(b), true), overlap);
    });
  }
});

describe('glob matching', () => {
  it('patterns with many stars match as the simple definition says, and fast', () => {
    const reference = (p: string) => new RegExp(`^${p.replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    const many = words(['a', 'b', '*', '?'], 6).filter((p) => (p.match(/\*/g) ?? []).length > 2);
    assert.ok(many.length > 500);
    for (const p of many) {
      const m = compileGlob(tokensOf(p));
      for (const s of STRINGS) assert.equal(m(s), reference(p).test(s), `"${p}" on "${s}"`);
    }
    const hostile = compileGlob(tokensOf(`${'*a'.repeat(30)}*b`));
    const started = performance.now();
    assert.equal(hostile('a'.repeat(5000)), false);
    assert.ok(performance.now() - started < 1000, 'no catastrophic backtracking');
    const arn = compileGlob(tokensOf('arn:aws:s3:*:*:b/*/*'), { arnSegments: true });
    assert.equal(arn('arn:aws:s3:::b/k/x:y'), true);
    assert.equal(arn('arn:aws:s3:x:y:z:b/k/x'), false, 'no star of the Region or account part takes a colon');
  });

  it('actions ignore case when asked; ARNs do not', () => {
    assert.equal(globMatch('S3:get*', 's3:GetObject', true), true);
    assert.equal(globMatch('arn:aws:s3:::Orders/*', 'arn:aws:s3:::orders/x'), false);
  });
  it('an ARN pattern matches part by part: no wildcard crosses a colon before the resource part', () => {
    const arn = (p: string) => compileGlob(tokensOf(p), { arnSegments: true });
    assert.equal(arn('arn:aws:sqs:*:123456789012:jobs')('arn:aws:sqs:us-east-1:123456789012:jobs'), true);
    assert.equal(arn('arn:aws:*:123456789012:jobs')('arn:aws:sqs:us-east-1:123456789012:jobs'), true);
    assert.equal(arn('arn:aws:s*:::b:*')('arn:aws:s3:x:y:b:z'), false);
    assert.equal(arn('arn:aws:logs:*:*:log-group:*')('arn:aws:logs:us-east-1:1:log-group:/a:log-stream:b'), true);
  });
  it('regular expression characters are literal', () => {
    assert.equal(globMatch('a.b+(c)', 'a.b+(c)'), true);
    assert.equal(globMatch('a.b', 'axb'), false);
  });
});
