// Property tests of the syntax layer: valid documents parse cleanly and round-trip; random and mutated JSON, YAML
// and HCL never throw, and every span (nodes, keys, string values, problems, findings) lies inside the document.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { stringify as yamlStringify } from 'yaml';
import { analyzeDocument } from '../../../server/src/core/analyze';
import type { IamData } from '../../../server/src/core/iam/data';
import { parseHcl } from '../../../server/src/core/syntax/hcl';
import { parseJson } from '../../../server/src/core/syntax/json';
import { parseDocument } from '../../../server/src/core/syntax/parse';
import type { Node } from '../../../server/src/core/syntax/tree';
import { parseYaml } from '../../../server/src/core/syntax/yaml';
import { loadIamData } from '../../../server/src/iamData';
import { assertResultInside } from '../syntax/helpers';

const RUNS = 300;

/** The plain value a tree stands for (dynamic nodes as their text). */
function plain(n: Node): unknown {
  switch (n.kind) {
    case 'object':
      return Object.fromEntries(n.properties.map((p) => [p.key, plain(p.value)]));
    case 'array':
      return n.items.map(plain);
    case 'null':
      return null;
    case 'dynamic':
      return `<${n.text}>`;
    default:
      return n.value;
  }
}

/** JSON-like values with keys and strings that look like policy text. */
const word = fc.stringMatching(/^[A-Za-z0-9:*\-_/.${} "\\]{0,12}$/);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    word,
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(word, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Applies random edits (insert / delete / replace) drawn from characters that matter to the three grammars. */
const mutated = (base: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(
      base,
      fc.array(
        fc.tuple(
          fc.nat(),
          fc.nat({ max: 3 }),
          fc.constantFrom(
            '{',
            '}',
            '[',
            ']',
            '"',
            ',',
            ':',
            '\n',
            ' ',
            '#',
            '!',
            '<<',
            '${',
            '=',
            '-',
            '*',
            '/',
            '\\',
            '&a',
            '\t',
            '😀',
          ),
        ),
        { maxLength: 6 },
      ),
    )
    .map(([text, edits]) => {
      let t = text;
      for (const [at, del, ins] of edits) {
        const i = t.length ? at % (t.length + 1) : 0;
        t = t.slice(0, i) + ins + t.slice(i + del);
      }
      return t;
    });

const HCL_SAMPLE = `resource "aws_iam_policy" "p" {
  name   = "p-\${var.env}"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "\${aws_s3_bucket.b.arn}/*" }]
  })
}
data "aws_iam_policy_document" "d" {
  statement {
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.q.arn]
    principals {
      type        = "Service"
      identifiers = ["sns.amazonaws.com"]
    }
  }
}
resource "aws_iam_role_policy" "h" {
  policy = <<-EOT
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
  EOT
}
`;
const YAML_SAMPLE = `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: !Sub "lambda.\${AWS::URLSuffix}" }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p
          PolicyDocument: !Sub |
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::\${B}/*"}]}
`;

/** Generated HCL attributes and blocks (valid by construction). */
const ident = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
const hclString = fc.stringMatching(/^[A-Za-z0-9:*/. -]{0,12}$/).map((s) => JSON.stringify(s));
const hclExpr: fc.Arbitrary<string> = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small' },
    hclString,
    fc.integer({ min: 0, max: 1e6 }).map(String),
    fc.constantFrom('true', 'false', 'null', 'var.x', 'aws_s3_bucket.b.arn', 'local.m["k"]', '"${var.env}-x"'),
    fc.array(tie('expr'), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
    fc
      .array(fc.tuple(ident, tie('expr')), { maxLength: 3 })
      .map((kv) => `{ ${kv.map(([k, v]) => `${k} = ${v}`).join(', ')} }`),
    tie('expr').map((x) => `jsonencode(${x})`),
  ),
})).expr;
const hclBody: fc.Arbitrary<string> = fc.letrec((tie) => ({
  body: fc
    .array(
      fc.oneof(
        { depthSize: 'small' },
        fc.tuple(ident, hclExpr).map(([k, v]) => `${k} = ${v}`),
        fc
          .tuple(ident, fc.array(hclString, { maxLength: 2 }), tie('body'))
          .map(([t, labels, b]) => `${t} ${labels.join(' ')} {\n${b}\n}`),
      ),
      { maxLength: 4 },
    )
    .map((lines) => lines.join('\n')),
})).body;

describe('syntax properties', () => {
  it('valid JSON parses without problems and round-trips', () => {
    fc.assert(
      fc.property(json, fc.constantFrom(undefined, 1, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const r = parseJson(text);
        assert.deepEqual(r.problems, []);
        assert.deepEqual(plain(r.root!), JSON.parse(text));
        assertResultInside(r, text);
      }),
      { numRuns: RUNS },
    );
  });

  it('valid YAML parses without problems and round-trips', () => {
    fc.assert(
      fc.property(fc.dictionary(word, json, { maxKeys: 5 }), (value) => {
        const text = yamlStringify(value);
        const r = parseYaml(text);
        assert.deepEqual(r.problems, []);
        assert.deepEqual(plain(r.root!), JSON.parse(JSON.stringify(value)));
        assertResultInside(r, text);
      }),
      { numRuns: RUNS },
    );
  });

  it('generated HCL parses without problems', () => {
    fc.assert(
      fc.property(hclBody, (text) => {
        const r = parseHcl(text);
        assert.deepEqual(r.problems, [], text);
        assertResultInside(r, text);
      }),
      { numRuns: RUNS },
    );
  });

  const inputs = fc.oneof(
    fc.string({ maxLength: 200 }),
    mutated(json.map((v) => JSON.stringify(v, null, 1))),
    mutated(fc.constant(YAML_SAMPLE)),
    mutated(fc.constant(HCL_SAMPLE)),
    mutated(hclBody),
  );

  for (const uri of ['doc.json', 'doc.yaml', 'doc.tf']) {
    it(`random and mutated input as ${uri} never throws and stays inside the document`, () => {
      fc.assert(
        fc.property(inputs, (text) => {
          const p = parseDocument({ uri, text });
          assertResultInside(p.parse, text);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('the whole analysis (all rules, real IAM data) never throws on mutated templates and policies', () => {
    let data: IamData | undefined;
    const iamData = (): IamData => (data ??= loadIamData());
    fc.assert(
      fc.property(inputs, fc.constantFrom('p.json', 't.yaml', 'main.tf'), (text, uri) => {
        const { findings } = analyzeDocument({ uri, text }, { iamData, options: {} });
        for (const f of findings) {
          assert.ok(0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= text.length, JSON.stringify(f));
          assert.notEqual(f.ruleId, 'INTERNAL_ERROR', `${f.message}\n---\n${text}`);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
