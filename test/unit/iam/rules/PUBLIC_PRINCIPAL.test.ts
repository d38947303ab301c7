import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PUBLIC_PRINCIPAL } from '../../../../server/src/core/iam/rules/PUBLIC_PRINCIPAL';
import { applyFix, cfnPolicy, policy, ruleTable, runRule, tfTrust } from '../support/risk-harness';

const bucket = (stmt: Record<string, unknown>): string =>
  policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*', ...stmt });
const trust = (stmt: Record<string, unknown>): string => policy({ Effect: 'Allow', Action: 'sts:AssumeRole', ...stmt });

describe('PUBLIC_PRINCIPAL', () => {
  ruleTable(PUBLIC_PRINCIPAL, {
    valid: [
      { name: 'a named account', text: bucket({ Principal: { AWS: 'arn:aws:iam::123456789012:root' } }) },
      { name: 'a service principal', text: trust({ Principal: { Service: 'lambda.amazonaws.com' } }) },
      {
        name: 'everyone in one organisation',
        text: bucket({ Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }),
      },
      {
        name: 'through one VPC endpoint',
        text: bucket({ Principal: { AWS: '*' }, Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b' } } }),
      },
      {
        name: 'deny to everyone',
        text: policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }),
      },
      {
        name: 'identity policy (no principal)',
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
      },
    ],
    invalid: [
      {
        name: 'public bucket read',
        text: bucket({ Principal: '*' }),
        expect: [
          {
            at: '"*"',
            severity: 'warning',
            message: /^Principal "\*" lets anyone reach this resource with s3:GetObject/,
          },
        ],
      },
      {
        name: 'AWS: * in a queue policy',
        text: policy({
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: 'sqs:SendMessage',
          Resource: 'arn:aws:sqs:us-east-1:123456789012:q',
        }),
        expect: [{ at: '"*"', message: /sqs:SendMessage/ }],
      },
      {
        name: 'any account root in a trust policy is an error',
        text: trust({ Principal: { AWS: 'arn:aws:iam::*:root' } }),
        expect: [
          {
            at: '"arn:aws:iam::*:root"',
            severity: 'error',
            message: /lets anyone in any AWS account assume this role/,
          },
        ],
      },
      {
        name: 'a condition that does not narrow who (TLS only)',
        text: bucket({ Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }),
        expect: [{ at: '"*"' }],
      },
      {
        name: 'a negated org condition does not narrow who',
        text: bucket({ Principal: '*', Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }),
        expect: [{ at: '"*"' }],
      },
      {
        name: 'CloudFormation bucket policy',
        uri: 'template.yaml',
        text: cfnPolicy(
          ['- Effect: Allow', "  Principal: '*'", '  Action: s3:GetObject', '  Resource: !Sub "${Site.Arn}/*"'],
          { id: 'BP', type: 'AWS::S3::BucketPolicy', before: ['Bucket: !Ref Site'] },
        ),
        expect: [{ at: "'*'" }],
      },
      {
        name: 'Terraform trust policy document with identifiers = ["*"]',
        uri: 'main.tf',
        text: tfTrust(
          ['*'],
          ['arn:aws:iam::444455556666:root', 'arn:aws:iam::${data.aws_caller_identity.me.account_id}:root'],
        ),
        expect: [{ at: '"*"', severity: 'error' }],
      },
    ],
  });
});

describe('PUBLIC_PRINCIPAL quick fixes', () => {
  test('adding aws:PrincipalOrgID (JSON and YAML) removes the finding', () => {
    for (const [text, uri] of [
      [bucket({ Principal: '*' }), 'policy.json'],
      [
        cfnPolicy(['- Effect: Allow', "  Principal: '*'", '  Action: sqs:SendMessage', '  Resource: !GetAtt Q.Arn'], {
          id: 'BP',
          type: 'AWS::SQS::QueuePolicy',
          before: ['Queues: [!Ref Q]'],
        }),
        'template.yaml',
      ],
    ] as const) {
      const [f] = runRule(PUBLIC_PRINCIPAL, text, uri);
      const fix = f?.fixes?.find((x) => x.title.includes('aws:PrincipalOrgID'));
      assert.ok(fix, uri);
      assert.deepEqual(runRule(PUBLIC_PRINCIPAL, applyFix(text, fix), uri), [], uri);
    }
  });
});
