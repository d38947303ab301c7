import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHcl } from '../../../server/src/core/syntax/hcl';
import { assertResultInside, at, slice } from './helpers';

const TF = `# IAM for the uploads bucket
resource "aws_iam_role" "app" {
  name = "app-\${var.env}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  max_session_duration = 3600
  force_detach_policies = true
  tags = { team = "core", "cost-centre" = 42 }
}

resource "aws_iam_policy" "read" {
  // heredoc JSON
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]
    }
  EOT
}

data "aws_iam_policy_document" "doc" {
  statement {
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.b.arn, "\${aws_s3_bucket.b.arn}/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [var.account]
    }
  }
  statement {
    effect = "Deny"
  }
}

locals {
  count = var.enabled ? 1 : 0
  names = [for s in var.list : upper(s)]
  file  = file("policy.json")
  neg   = -2
}
`;

describe('parseHcl', () => {
  const r = parseHcl(TF);

  it('parses a realistic file without problems, every span inside', () => {
    assert.deepEqual(r.problems, []);
    assertResultInside(r, TF);
  });

  it('groups blocks by type and nests labels', () => {
    const resources = at(r.root, 'resource');
    assert.ok(resources?.kind === 'array');
    assert.equal(resources.items.length, 2);
    assert.equal(
      (at(r.root, 'resource', 0, 'aws_iam_role', 'app', 'max_session_duration') as { value: number }).value,
      3600,
    );
    assert.equal(at(r.root, 'resource', 0, 'aws_iam_role', 'app', 'force_detach_policies')?.kind, 'boolean');
    const stmts = at(r.root, 'data', 0, 'aws_iam_policy_document', 'doc', 'statement');
    assert.ok(stmts?.kind === 'array');
    assert.equal(stmts.items.length, 2);
    assert.equal((at(stmts, 1, 'effect') as { value: string }).value, 'Deny');
    assert.equal((at(stmts, 0, 'principals', 0, 'type') as { value: string }).value, 'AWS');
  });

  it('makes jsonencode a dynamic node whose argument is the object tree', () => {
    const v = at(r.root, 'resource', 0, 'aws_iam_role', 'app', 'assume_role_policy');
    assert.ok(v?.kind === 'dynamic');
    assert.equal(v.function, 'jsonencode');
    const action = at(v.argument, 'Statement', 0, 'Action');
    assert.ok(action?.kind === 'string');
    assert.equal(slice(TF, action.valueSpan), 'sts:AssumeRole');
  });

  it('turns interpolated strings into hcl-template and keeps literal strings', () => {
    const name = at(r.root, 'resource', 0, 'aws_iam_role', 'app', 'name');
    assert.ok(name?.kind === 'dynamic');
    assert.equal(name.function, 'hcl-template');
    assert.equal(slice(TF, name.span), '"app-${var.env}"');
    const tags = at(r.root, 'resource', 0, 'aws_iam_role', 'app', 'tags');
    assert.equal((at(tags, 'team') as { value: string }).value, 'core');
    assert.equal((at(tags, 'cost-centre') as { value: number }).value, 42);
  });

  it('keeps heredoc content (indent stripped) with a span on the content', () => {
    const v = at(r.root, 'resource', 1, 'aws_iam_policy', 'read', 'policy');
    assert.ok(v?.kind === 'string');
    assert.ok(v.value.startsWith('{\n  "Version"'));
    assert.ok(slice(TF, v.valueSpan).trimStart().startsWith('{'));
    assert.ok(slice(TF, v.valueSpan).trimEnd().endsWith('}'));
  });

  it('marks references, operators, for-expressions and other calls as dynamic', () => {
    const res = at(r.root, 'data', 0, 'aws_iam_policy_document', 'doc', 'statement', 0, 'resources');
    assert.deepEqual(
      (res as unknown as { items: { function?: string }[] }).items.map((i) => i.function),
      ['hcl-expression', 'hcl-template'],
    );
    const locals = at(r.root, 'locals', 0);
    assert.equal((at(locals, 'count') as { function: string }).function, 'hcl-expression');
    assert.equal((at(locals, 'names') as { function: string }).function, 'hcl-expression');
    assert.equal((at(locals, 'file') as { function: string }).function, 'hcl-call');
    assert.equal((at(locals, 'neg') as { value: number }).value, -2);
  });

  const broken: [string, RegExp][] = [
    ['resource "a" "b" {\n  x = 1\n', /Expected '}'/],
    ['x = \n', /Expected a value/],
    ['x = "abc\ny = 2\n', /Unterminated string/],
    ['x = <<EOF\nabc\n', /Heredoc is not closed/],
    ['a "b" c\n', /Expected '\{'/],
    ['x = f(1,\n', /Expected '\)'/],
    ['}\n', /Unexpected '\}'/],
    ['x = {a = }\n', /Unexpected character/],
    ['/* open', /Unterminated comment/],
    ['x = 1 y = 2\n', /Expected a newline/],
  ];
  for (const [text, message] of broken) {
    it(`reports ${JSON.stringify(text)} and keeps going`, () => {
      const b = parseHcl(text);
      assert.ok(
        b.problems.some((p) => message.test(p.message)),
        JSON.stringify(b.problems),
      );
      assertResultInside(b, text);
    });
  }

  it('recovers the blocks after a broken line', () => {
    const text = 'resource "a" "one" {\n  x = = 1\n  y = 2\n}\nresource "a" "two" {}\n';
    const b = parseHcl(text);
    assert.ok(b.problems.length >= 1);
    assert.equal((at(b.root, 'resource', 0, 'a', 'one', 'y') as { value: number }).value, 2);
    assert.ok(at(b.root, 'resource', 1, 'a', 'two'));
  });
});
