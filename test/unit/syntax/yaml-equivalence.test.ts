// The bundles (server, CLI) parse YAML with the yaml package's browser build, which lacks the Node build's per-token
// debug hook (process.env.LOG_TOKENS, a third of the parse), while the tests under tsx load the Node build. parseYaml
// must give the same trees, spans and problems on both, on hand-written documents (tags, anchors, block scalars, flow
// collections, directives, malformed input, the depth limits) and on generated and mutated CloudFormation templates.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as yaml from 'yaml';
import { parseYaml } from '../../../server/src/core/syntax/yaml';
import { mutate, mutationArb, policyArb, renderYaml } from '../property/iam-gen';

const ROOT = join(__dirname, '..', '..', '..');

const HAND_WRITTEN: readonly string[] = [
  // CloudFormation short tags on scalars, sequences and mappings, nested, and a custom one.
  [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Resources:',
    '  Bucket:',
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    '      BucketName: !Sub "${AWS::StackName}-data"',
    '      Tags: !If [IsProd, [{Key: env, Value: prod}], !Ref AWS::NoValue]',
    '  Policy:',
    '    Type: AWS::S3::BucketPolicy',
    '    Properties:',
    '      Bucket: !Ref Bucket',
    '      PolicyDocument:',
    '        Statement:',
    '          - Effect: Allow',
    '            Principal: { AWS: !GetAtt Role.Arn }',
    '            Action: [s3:GetObject, "s3:PutObject"]',
    '            Resource: !Join',
    '              - ""',
    '              - - "arn:aws:s3:::"',
    '                - !Ref Bucket',
    '                - /*',
    '            Condition: !Custom { StringEquals: { aws:SourceVpc: vpc-1 } }',
    '      Other: !Sub',
    '        - "${X}/${Y}"',
    '        - X: !ImportValue Shared',
    '          Y: !Select [0, !GetAZs ""]',
    '',
  ].join('\n'),
  // Anchors and aliases (left unresolved), a merge key, an alias as a key.
  'base: &base {a: 1, b: [x, y]}\nother:\n  <<: *base\n  c: *base\n  *base : key\nlist: [*base, &n 2, *n]\n',
  // Block scalars: literal, folded, chomping and indentation indicators, under a tag, at the end of the text.
  'a: |\n  line 1\n  line 2\nb: >-\n  folded\n  text\n\nc: |+\n  keep\n\nd: !Sub |2\n    indented ${X}\ne: >\n',
  'only: |\n  last',
  // Flow collections over several lines, nested, with comments and trailing commas.
  'a: [1, [2, [3, {x: y}]], ]\nb: {\n  k: v, # comment\n  n: [a,\n     b],\n}\nc: []\nd: {}\n',
  // Comments everywhere, quotes and brackets inside strings and comments (the flow-depth scan skips them).
  "# head\nkey: value # trailing\n# between\nq: \"a [ { \\\" ]\"\ns: 'it''s ['\nw: don't [\n# [{[{\n",
  // Quotes after unusual white space, which the scan has to see as white space too.
  'a:\u00a0"[[["\nb:\u2003\'{{\'\nc:\t"x"\n',
  // Scalars the core schema resolves: numbers, booleans, nulls, as values and as keys.
  'i: 12\nh: 0x1F\no: 0o17\nf: 1.5e3\ninf: -.inf\nnan: .nan\nt: true\nF: False\nn: ~\ne:\n1.0: one\ntrue: yes\nnull: nothing\n~: tilde\n',
  // Complex keys and empty values.
  '? [a, b]\n: c\n? {x: 1}\n: d\nempty:\n? lone\n',
  // Multi-document streams, with markers, an empty document and a comment-only one.
  'a: 1\n---\nb: !Ref X\n...\n---\n# nothing here\n---\n- x\n- !GetAtt Y.Arn\n',
  '---\n---\n',
  '',
  '# only a comment\n',
  'plain scalar document\n',
  // Directives: YAML 1.1 booleans, a TAG handle, a verbatim tag.
  '%YAML 1.1\n---\non: yes\noff: no\n',
  '%TAG !e! tag:example.com,2000:\n---\na: !e!thing x\nb: !<tag:yaml.org,2002:str> 5\nc: !!str 7\nd: !!binary aGVsbG8=\n',
  // Windows line endings.
  'Version: "2012-10-17"\r\nStatement:\r\n  - Effect: Allow\r\n    Action: |\r\n      s3:*\r\n',
  // Malformed: unterminated quotes and collections, bad indentation, tabs, duplicate keys, stray tokens.
  'Good: 1\nBad: [1, 2\nAlso: "unterminated\n',
  'a:\n  b: 1\n c: 2\n\td: 3\n',
  'a: 1\na: 2\n',
  'key: value: other\n- item\n]\n',
  "a: 'never closed\nb: !\nc: &\nd: *\n",
  '{ a: 1, b: }\n[1, 2}\n',
  // Deeper than the converter follows, and flow nesting past the scan's limit.
  `${'- '.repeat(250)}deep\n`,
  `a: ${'['.repeat(1001)}${']'.repeat(1001)}\n`,
  `a: "${'['.repeat(1500)}"\n`,
];

/**
 * Quotes and comments right after each kind of character, with more brackets inside than the flow-depth limit: the
 * text is refused or parsed depending on whether the scan sees the quote or `#` as opening a string or a comment.
 */
function pastTheScanLimit(): string[] {
  const brackets = '['.repeat(1001);
  const before = [
    ' ',
    '\t',
    '\r',
    '\u00a0',
    '\u1680',
    '\u2003',
    '\u200a',
    '\u2028',
    '\u3000',
    '\ufeff',
    '-',
    ',',
    ':',
    '[',
    '{',
    'x',
    '\u200b',
  ];
  return before.flatMap((c) => [`k:${c}"${brackets}"\n`, `k:${c}'${brackets}'\n`, `k: 1${c}# ${brackets}\n`]);
}

/** Generated CloudFormation templates (the bench's shape), and the same ones mutated into malformed YAML. */
function generated(): string[] {
  const texts = fc.sample(policyArb, { numRuns: 150, seed: 15 }).map((p) => renderYaml(p));
  const edits = fc.sample(mutationArb, { numRuns: texts.length, seed: 16 });
  return [...texts, ...texts.map((t, i) => mutate(t, edits[i]!))];
}

describe("parseYaml on the yaml package's Node build and on the build the bundles carry", () => {
  const documents = [...HAND_WRITTEN, ...pastTheScanLimit(), ...generated()];

  it('gives the same trees, spans and problems', async () => {
    const packageDir = dirname(require.resolve('yaml/package.json'));
    const bundled = (await import(pathToFileURL(join(packageDir, 'browser', 'index.js')).href)) as typeof yaml;
    assert.notEqual(bundled.Parser, yaml.Parser, 'the test loads the other build, not the Node one again');
    for (const text of documents)
      assert.deepStrictEqual(parseYaml(text, bundled), parseYaml(text), JSON.stringify(text));
  });

  it('the server and CLI bundles carry that build (no per-token environment read)', () => {
    for (const bundle of ['server.js', 'cli.js']) {
      const file = join(ROOT, 'dist', bundle);
      assert.ok(existsSync(file), `${file} is missing: run npm run build first`);
      const code = readFileSync(file, 'utf8');
      assert.ok(code.includes('Implicit keys need to be on a single line'), `${bundle} bundles the yaml package`);
      assert.ok(!code.includes('LOG_TOKENS'), `${bundle} has the yaml build that reads process.env per token`);
    }
  });
});
