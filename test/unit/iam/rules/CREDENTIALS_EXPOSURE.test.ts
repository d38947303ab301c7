import { describe } from 'node:test';
import { CREDENTIALS_EXPOSURE } from '../../../../server/src/core/iam/rules/CREDENTIALS_EXPOSURE';
import { policy, ruleTable } from '../support/risk-harness';

describe('CREDENTIALS_EXPOSURE', () => {
  ruleTable(CREDENTIALS_EXPOSURE, {
    valid: [
      {
        name: 'assume one role',
        text: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::123456789012:role/deploy' }),
      },
      {
        name: 'own access keys only (policy variable)',
        text: policy({
          Effect: 'Allow',
          Action: 'iam:CreateAccessKey',
          Resource: 'arn:aws:iam::123456789012:user/${aws:username}',
        }),
      },
      { name: 'deny', text: policy({ Effect: 'Deny', Action: 'iam:CreateAccessKey', Resource: '*' }) },
      { name: 'unrelated action', text: policy({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }) },
    ],
    invalid: [
      {
        name: 'ECR login token (only grantable on *)',
        text: policy({ Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' }),
        expect: [
          {
            at: '"ecr:GetAuthorizationToken"',
            message: /^ecr:GetAuthorizationToken on every resource returns credentials/,
          },
        ],
      },
      {
        name: 'assume any role',
        text: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::123456789012:role/*' }),
        expect: [{ at: '"sts:AssumeRole"' }],
      },
      {
        name: 'a wildcard',
        text: policy({ Effect: 'Allow', Action: 'iam:Create*', Resource: '*' }),
        expect: [{ at: '"iam:Create*"', message: /^iam:Create\* grants iam:CreateAccessKey, iam:CreateLoginProfile/ }],
      },
    ],
  });
});
