import { describe } from 'node:test';
import { PERMISSIONS_MANAGEMENT } from '../../../../server/src/core/iam/rules/PERMISSIONS_MANAGEMENT';
import { policy, ruleTable } from '../support/risk-harness';

describe('PERMISSIONS_MANAGEMENT', () => {
  ruleTable(PERMISSIONS_MANAGEMENT, {
    valid: [
      { name: 'read only', text: policy({ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }) },
      {
        name: 'scoped to one role',
        text: policy({ Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: 'arn:aws:iam::123456789012:role/app' }),
      },
      { name: 'deny', text: policy({ Effect: 'Deny', Action: 'iam:*', Resource: '*' }) },
      {
        name: 'permissions boundary condition narrows it',
        text: policy({
          Effect: 'Allow',
          Action: 'iam:AttachRolePolicy',
          Resource: '*',
          Condition: { ArnEquals: { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/ReadOnlyAccess' } },
        }),
      },
    ],
    invalid: [
      {
        name: 'one action',
        text: policy({ Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: '*' }),
        expect: [
          {
            at: '"iam:PutRolePolicy"',
            message: /^iam:PutRolePolicy can change who may do what, and is granted on every resource/,
          },
        ],
      },
      {
        name: 'a wildcard',
        text: policy({ Effect: 'Allow', Action: 's3:PutBucket*', Resource: 'arn:aws:s3:::*' }),
        expect: [
          {
            at: '"s3:PutBucket*"',
            message:
              /^s3:PutBucket\* grants \d+ permissions-management actions on every resource \(.*s3:PutBucketPolicy/,
          },
        ],
      },
      {
        name: 'NotResource counts as every resource',
        text: policy({
          Effect: 'Allow',
          Action: 'kms:PutKeyPolicy',
          NotResource: 'arn:aws:kms:us-east-1:123456789012:key/x',
        }),
        expect: [{ at: '"kms:PutKeyPolicy"' }],
      },
    ],
  });
});
