import { describe } from 'node:test';
import { NOT_RESOURCE_WITH_ALLOW } from '../../../../server/src/core/iam/rules/NOT_RESOURCE_WITH_ALLOW';
import { policy, ruleTable } from '../support/risk-harness';

describe('NOT_RESOURCE_WITH_ALLOW', () => {
  ruleTable(NOT_RESOURCE_WITH_ALLOW, {
    valid: [
      {
        name: 'Resource list',
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
      },
      {
        name: 'Deny with NotResource',
        text: policy({ Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'] }),
      },
    ],
    invalid: [
      {
        name: 'Allow with NotResource',
        text: policy({ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' }),
        expect: [
          {
            at: '"arn:aws:s3:::secret/*"',
            message:
              /^Allow with NotResource grants s3:GetObject on every resource except arn:aws:s3:::secret\/\*; list/,
          },
        ],
      },
      {
        name: 'tag condition softens it',
        text: policy({
          Effect: 'Allow',
          Action: 'ec2:StopInstances',
          NotResource: 'arn:aws:ec2:*:*:instance/i-prod',
          Condition: { StringEquals: { 'ec2:ResourceTag/env': 'dev' } },
        }),
        expect: [{ severity: 'info' }],
      },
    ],
  });
});
