import { describe } from 'node:test';
import { FULL_ADMIN } from '../../../../server/src/core/iam/rules/FULL_ADMIN';
import { cfnPolicy, policy, ruleTable } from '../support/risk-harness';

describe('FULL_ADMIN', () => {
  ruleTable(FULL_ADMIN, {
    valid: [
      { name: 'scoped actions', text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) },
      {
        name: 'star action on one bucket',
        text: policy({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/*' }),
      },
      { name: 'deny everything', text: policy({ Effect: 'Deny', Action: '*', Resource: '*' }) },
      {
        name: 'CloudFormation: computed resource is not a wildcard',
        uri: 'template.yaml',
        text: cfnPolicy(['- Effect: Allow', "  Action: '*'", '  Resource: !GetAtt Bucket.Arn']),
      },
    ],
    invalid: [
      {
        name: 'star on star',
        text: policy({ Effect: 'Allow', Action: '*', Resource: '*' }),
        expect: [{ at: '"*"', message: /Action "\*" with Resource "\*" grants every action on every resource/ }],
      },
      {
        name: 'star in a list, NotResource',
        text: policy({ Effect: 'Allow', Action: ['s3:GetObject', '*'], NotResource: 'arn:aws:s3:::secret/*' }),
        expect: [{ at: '"*"', message: /NotResource/ }],
      },
      {
        name: '"*:*" is read as "*"',
        text: policy({ Effect: 'Allow', Action: '*:*', Resource: '*' }),
        expect: [{ at: '"*:*"', message: /^Action "\*:\*" with Resource "\*" grants every action/ }],
      },
      {
        name: 'a tag condition narrows it: softened to info',
        text: policy({
          Effect: 'Allow',
          Action: '*',
          Resource: '*',
          Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue' } },
        }),
        expect: [{ severity: 'info', message: /aws:ResourceTag\/team/ }],
      },
      {
        name: 'a context-only condition (MFA) does not narrow what it grants',
        text: policy({
          Effect: 'Allow',
          Action: '*',
          Resource: '*',
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        }),
        expect: [{ severity: 'warning' }],
      },
      {
        name: 'CloudFormation YAML',
        uri: 'template.yaml',
        text: cfnPolicy(['- Effect: Allow', "  Action: '*'", "  Resource: '*'"]),
        expect: [{ at: "'*'" }],
      },
      {
        name: 'Terraform jsonencode',
        uri: 'main.tf',
        text: [
          'resource "aws_iam_policy" "admin" {',
          '  policy = jsonencode({',
          '    Version = "2012-10-17"',
          '    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]',
          '  })',
          '}',
        ].join('\n'),
        expect: [{ at: '"*"' }],
      },
    ],
  });
});
