import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractPolicies } from '../../../server/src/core/iam/extract';
import type { Policy, Value } from '../../../server/src/core/iam/model';
import { parseDocument } from '../../../server/src/core/syntax/parse';
import type { SyntaxProblem } from '../../../server/src/core/syntax/tree';

function extract(uri: string, text: string): { policies: readonly Policy[]; problems: readonly SyntaxProblem[] } {
  return extractPolicies(parseDocument({ uri, text }));
}

/** A value's literal text at its span, or the dynamic function name. */
function shown(text: string, v: Value): string {
  return v.kind === 'string' ? text.slice(v.valueSpan.start, v.valueSpan.end) : `<${v.function}>`;
}

function summary(text: string, p: Policy): unknown {
  return {
    kind: p.kind,
    origin: p.origin,
    actions: p.statements.flatMap((s) => (s.action?.values ?? []).map((v) => shown(text, v))),
    resources: p.statements.flatMap((s) => (s.resource?.values ?? []).map((v) => shown(text, v))),
  };
}

describe('policy files', () => {
  const kinds: [string, string][] = [
    ['identity', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}'],
    [
      'resource',
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}',
    ],
    [
      'trust',
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}}',
    ],
    [
      'trust',
      '{"Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::1:oidc-provider/x"},"Action":["sts:AssumeRoleWithWebIdentity"]}]}',
    ],
  ];
  for (const [kind, text] of kinds) {
    it(`classifies ${text.slice(0, 60)}… as ${kind}`, () => {
      const { policies } = extract('p.json', text);
      assert.equal(policies.length, 1);
      assert.equal(policies[0]!.kind, kind);
      assert.equal(policies[0]!.origin, 'policy file');
    });
  }

  it('models every element with spans in the file', () => {
    const text = `{
  "Version": "2012-10-17",
  "Statement": [{
    "Sid": "Read",
    "Effect": "Allow",
    "NotAction": ["iam:*"],
    "NotResource": "arn:aws:s3:::secret/*",
    "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "222233334444"]},
    "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1", "aws:SourceAccount": ["1", "2"]}}
  }]
}`;
    const [p] = extract('p.yaml.json', text).policies;
    assert.ok(p);
    const s = p.statements[0]!;
    assert.equal(shown(text, p.version!), '2012-10-17');
    assert.equal(shown(text, s.sid!), 'Read');
    assert.equal(shown(text, s.effect!), 'Allow');
    assert.deepEqual(
      s.notAction!.values.map((v) => shown(text, v)),
      ['iam:*'],
    );
    assert.deepEqual(
      s.notResource!.values.map((v) => shown(text, v)),
      ['arn:aws:s3:::secret/*'],
    );
    assert.equal(s.principal!.entries[0]!.type, 'AWS');
    assert.equal(s.principal!.entries[0]!.values.length, 2);
    assert.deepEqual(
      s.condition!.entries.map((e) => [e.operator, e.key, text.slice(e.keySpan.start, e.keySpan.end)]),
      [
        ['StringEquals', 'aws:PrincipalOrgID', '"aws:PrincipalOrgID"'],
        ['StringEquals', 'aws:SourceAccount', '"aws:SourceAccount"'],
      ],
    );
    assert.ok(p.size! > 100 && p.size! < text.length);
  });

  it('reads a YAML policy file and the AWS CLI get-policy-version shape', () => {
    const yaml =
      'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: sqs:SendMessage\n    Resource: "*"\n';
    assert.deepEqual(summary(yaml, extract('p.yaml', yaml).policies[0]!), {
      kind: 'identity',
      origin: 'policy file',
      actions: ['sqs:SendMessage'],
      resources: ['*'],
    });
    const cli = JSON.stringify({ PolicyVersion: { Document: { Statement: [{ Effect: 'Allow', Action: 'a:b' }] } } });
    assert.equal(extract('v.json', cli).policies.length, 1);
  });

  it('finds nothing in unrelated JSON', () => {
    assert.equal(extract('package.json', '{"name": "x", "version": "1.0.0"}').policies.length, 0);
  });
});

const CFN_YAML = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: inline
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: dynamodb:GetItem
                Resource: !GetAtt Table.Arn
  Managed:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: [s3:GetObject]
            Resource: !Sub "arn:\${AWS::Partition}:s3:::\${Bucket}/*"
  Plain:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: p
      PolicyDocument: |
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sns:Publish", "Resource": "*"}]}
  Bucket:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref B
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: s3:GetObject
            Resource: "*"
  Queue:
    Type: AWS::SQS::QueuePolicy
    Properties:
      PolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: sns.amazonaws.com }, Action: sqs:SendMessage, Resource: "*" }]
  Topic:
    Type: AWS::SNS::TopicPolicy
    Properties:
      PolicyDocument:
        Statement: [{ Effect: Allow, Principal: { AWS: "*" }, Action: sns:Publish, Resource: "*" }]
  User:
    Type: AWS::IAM::User
    Properties:
      Policies:
        - PolicyName: u
          PolicyDocument: { Statement: [{ Effect: Allow, Action: iam:GetUser, Resource: "*" }] }
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - AWSLambdaBasicExecutionRole
        - S3ReadPolicy:
            BucketName: !Ref B
        - Statement:
            - Effect: Allow
              Action: kms:Decrypt
              Resource: "*"
  Fn2:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - Effect: Allow
          Action: xray:PutTraceSegments
          Resource: "*"
`;

describe('CloudFormation and SAM', () => {
  const { policies, problems } = extract('template.yaml', CFN_YAML);
  const byOrigin = new Map(policies.map((p) => [p.origin, summary(CFN_YAML, p)]));

  it('finds every policy of the template with its kind', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(
      policies.map((p) => [p.origin, p.kind]),
      [
        ['AWS::IAM::Role Role AssumeRolePolicyDocument', 'trust'],
        ['AWS::IAM::Role Role Policies inline', 'identity'],
        ['AWS::IAM::ManagedPolicy Managed PolicyDocument', 'identity'],
        ['AWS::IAM::Policy Plain PolicyDocument', 'identity'],
        ['AWS::S3::BucketPolicy Bucket PolicyDocument', 'resource'],
        ['AWS::SQS::QueuePolicy Queue PolicyDocument', 'resource'],
        ['AWS::SNS::TopicPolicy Topic PolicyDocument', 'resource'],
        ['AWS::IAM::User User Policies u', 'identity'],
        ['AWS::Serverless::Function Fn Policies #2', 'identity'],
        ['AWS::Serverless::Function Fn2 Policies (statements)', 'identity'],
      ],
    );
  });

  it('keeps short-tag values dynamic', () => {
    assert.deepEqual(byOrigin.get('AWS::IAM::Role Role Policies inline'), {
      kind: 'identity',
      origin: 'AWS::IAM::Role Role Policies inline',
      actions: ['dynamodb:GetItem'],
      resources: ['<Fn::GetAtt>'],
    });
    assert.deepEqual(
      (byOrigin.get('AWS::IAM::ManagedPolicy Managed PolicyDocument') as { resources: string[] }).resources,
      ['<Fn::Sub>'],
    );
  });

  it('parses a PolicyDocument given as a JSON string, with spans in the template', () => {
    assert.deepEqual(byOrigin.get('AWS::IAM::Policy Plain PolicyDocument'), {
      kind: 'identity',
      origin: 'AWS::IAM::Policy Plain PolicyDocument',
      actions: ['sns:Publish'],
      resources: ['*'],
    });
  });

  it('skips managed policy names and SAM policy templates, gathers loose statements', () => {
    const loose = policies.find((p) => p.origin.endsWith('(statements)'))!;
    assert.equal(loose.synthetic, true);
    assert.deepEqual(summary(CFN_YAML, loose), {
      kind: 'identity',
      origin: 'AWS::Serverless::Function Fn2 Policies (statements)',
      actions: ['xray:PutTraceSegments'],
      resources: ['*'],
    });
  });

  it('reads JSON templates, long-form intrinsics and escaped JSON strings', () => {
    const doc = JSON.stringify(
      { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }] },
      null,
      1,
    );
    const text = JSON.stringify(
      {
        Resources: {
          R: {
            Type: 'AWS::IAM::Role',
            Properties: {
              AssumeRolePolicyDocument: doc,
              Policies: [
                {
                  PolicyName: 'p',
                  PolicyDocument: {
                    Statement: [
                      { Effect: 'Allow', Action: 'sqs:*', Resource: { 'Fn::GetAtt': ['Q', 'Arn'] } },
                      {
                        'Fn::If': [
                          'C',
                          { Effect: 'Deny', Action: 'sqs:Delete*', Resource: '*' },
                          { Ref: 'AWS::NoValue' },
                        ],
                      },
                    ],
                  },
                },
              ],
            },
          },
        },
      },
      null,
      2,
    );
    const { policies: ps, problems: pr } = extract('stack.template', text);
    assert.deepEqual(pr, []);
    assert.deepEqual(summary(text, ps[0]!), {
      kind: 'trust',
      origin: 'AWS::IAM::Role R AssumeRolePolicyDocument',
      actions: ['s3:PutObject'],
      resources: ['*'],
    });
    assert.deepEqual(summary(text, ps[1]!), {
      kind: 'identity',
      origin: 'AWS::IAM::Role R Policies p',
      actions: ['sqs:*', 'sqs:Delete*'],
      resources: ['<Fn::GetAtt>', '*'],
    });
  });

  it('reports syntax errors inside an embedded JSON policy at their place in the template', () => {
    const text =
      'Resources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument: \'{"Statement": [,]}\'\n';
    const { problems: pr } = extract('t.yaml', text);
    assert.ok(pr.length >= 1);
    assert.equal(text[pr[0]!.span.start], ',');
  });
});

const TF = `resource "aws_iam_role" "r" {
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
  inline_policy {
    name   = "i"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "logs:PutLogEvents", Resource = "*" }] })
  }
}

resource "aws_iam_policy" "heredoc" {
  policy = <<EOF
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "\${aws_s3_bucket.b.arn}/*"}]}
EOF
}

resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.public.json
}

resource "aws_sqs_queue_policy" "q" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "sqs:SendMessage", Resource = aws_sqs_queue.q.arn }] })
}

data "aws_iam_policy_document" "public" {
  statement {
    sid       = "Public"
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.b.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceVpce"
      values   = ["vpce-1"]
    }
  }
}

locals {
  extra = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "ec2:*", Resource = "*" }] })
}
`;

describe('Terraform', () => {
  const { policies, problems } = extract('main.tf', TF);

  it('finds jsonencode, heredoc and policy-document policies with their kinds', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(
      policies.map((p) => [p.origin, p.kind, p.synthetic === true]),
      [
        ['aws_iam_role.r assume_role_policy', 'trust', false],
        ['aws_iam_role.r inline_policy', 'identity', false],
        ['aws_iam_policy.heredoc policy', 'identity', false],
        ['aws_sqs_queue_policy.q policy', 'resource', false],
        ['data.aws_iam_policy_document.public', 'resource', true],
        ['jsonencode policy', 'identity', false],
      ],
    );
  });

  it('keeps spans in the .tf file and interpolations dynamic', () => {
    const byOrigin = new Map(policies.map((p) => [p.origin, summary(TF, p)]));
    assert.deepEqual(byOrigin.get('aws_iam_policy.heredoc policy'), {
      kind: 'identity',
      origin: 'aws_iam_policy.heredoc policy',
      actions: ['s3:GetObject'],
      resources: ['<hcl-template>'],
    });
    assert.deepEqual((byOrigin.get('aws_sqs_queue_policy.q policy') as { resources: string[] }).resources, [
      '<hcl-expression>',
    ]);
  });

  it('maps aws_iam_policy_document element names onto the model', () => {
    const p = policies.find((x) => x.synthetic)!;
    const s = p.statements[0]!;
    assert.equal(shown(TF, s.sid!), 'Public');
    assert.deepEqual(
      s.action!.values.map((v) => shown(TF, v)),
      ['s3:GetObject'],
    );
    assert.equal(s.principal!.entries[0]!.type, '*');
    assert.deepEqual(
      s.principal!.entries[0]!.values.map((v) => shown(TF, v)),
      ['*'],
    );
    const c = s.condition!.entries[0]!;
    assert.deepEqual(
      [c.operator, c.key, TF.slice(c.keySpan.start, c.keySpan.end)],
      ['StringEquals', 'aws:SourceVpce', '"aws:SourceVpce"'],
    );
  });

  it('takes the trust kind from where a policy document is used', () => {
    const text = `data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
  }
}
resource "aws_iam_role" "r" {
  assume_role_policy = data.aws_iam_policy_document.assume.json
}
`;
    const [p] = extract('t.tf', text).policies;
    assert.equal(p?.kind, 'trust');
  });
});
