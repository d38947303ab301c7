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
  {
    // Statements are first grouped by a cheap key (effect, least action and resource texts): action case, repeated
    // values and order must not split a repeat across keys, and a statement in between must not hide it.
    name: 'repeats found through action case, repeated values and NotAction',
    doc: policy([
      { Effect: 'Allow', Action: ['S3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'] },
      { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' },
      {
        Effect: 'Allow',
        Action: ['s3:listbucket', 's3:getobject', 's3:ListBucket'],
        Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::b'],
      },
      { Effect: 'Deny', NotAction: ['IAM:*'], Resource: '*' },
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::B', 'arn:aws:s3:::b/*'] },
    ]),
    expect: ['Statement 3 repeats statement 1', 'Statement 4 repeats statement 2'],
  },
]);
