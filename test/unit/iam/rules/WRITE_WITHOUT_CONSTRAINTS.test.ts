import { describe } from 'node:test';
import { WRITE_WITHOUT_CONSTRAINTS } from '../../../../server/src/core/iam/rules/WRITE_WITHOUT_CONSTRAINTS';
import { policy, ruleTable } from '../support/risk-harness';

describe('WRITE_WITHOUT_CONSTRAINTS', () => {
  ruleTable(WRITE_WITHOUT_CONSTRAINTS, {
    valid: [
      {
        name: 'restrictable write is RESOURCE_STAR',
        text: policy({ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }),
      },
      { name: 'read only', text: policy({ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }) },
      {
        name: 'region condition narrows it',
        text: policy({
          Effect: 'Allow',
          Action: 'ec2:CreateTags',
          Resource: '*',
          Condition: { StringEquals: { 'ec2:CreateAction': 'RunInstances' } },
        }),
      },
      {
        name: 'tagging scoped to a resource',
        text: policy({ Effect: 'Allow', Action: 'sqs:TagQueue', Resource: 'arn:aws:sqs:us-east-1:123456789012:q' }),
      },
      { name: 'deny', text: policy({ Effect: 'Deny', Action: 'ec2:CreateTags', Resource: '*' }) },
    ],
    invalid: [
      {
        name: 'a tagging action',
        text: policy({ Effect: 'Allow', Action: 'ec2:CreateTags', Resource: '*' }),
        expect: [{ at: '"ec2:CreateTags"', severity: 'info', message: /^ec2:CreateTags changes resources everywhere/ }],
      },
      {
        name: 'a wildcard-only write action',
        text: policy({ Effect: 'Allow', Action: 's3:CreateJob', Resource: '*' }),
        expect: [{ at: '"s3:CreateJob"', message: /^s3:CreateJob changes resources everywhere/ }],
      },
      {
        name: 'a wildcard with tagging actions',
        text: policy({ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }),
        expect: [
          {
            at: '"sqs:*"',
            message: /^sqs:\* grants \d+ write or tagging actions? with no condition to narrow them \(.*sqs:TagQueue/,
          },
        ],
      },
    ],
  });
});
