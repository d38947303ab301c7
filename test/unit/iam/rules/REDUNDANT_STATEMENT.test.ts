import { REDUNDANT_STATEMENT } from '../../../../server/src/core/iam/rules/REDUNDANT_STATEMENT';
import { policy, ruleTable } from '../support/harness';

ruleTable(REDUNDANT_STATEMENT, [
  {
    name: 'different statements',
    doc: policy([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
      { Effect: 'Allow', Action: 's3:PutObject', Resource: '*' },
    ]),
    expect: [],
  },
  {
    name: 'same statement twice, values reordered',
    doc: policy([
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' },
      { Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: '*' },
    ]),
    expect: ['Statement 2 repeats statement 1'],
    fix: 'Remove statement 2',
  },
  {
    name: 'a single value equals a one-item list',
    doc: policy([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
      { Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
    ]),
    expect: ['Statement 2 repeats statement 1'],
    fix: 'Remove',
  },
  {
    name: 'a different condition makes it a different statement',
    doc: policy([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
      {
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: '*',
        Condition: { Bool: { 'aws:SecureTransport': 'true' } },
      },
    ]),
    expect: [],
  },
]);
