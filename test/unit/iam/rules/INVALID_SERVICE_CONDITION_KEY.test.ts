import { INVALID_SERVICE_CONDITION_KEY } from '../../../../server/src/core/iam/rules/INVALID_SERVICE_CONDITION_KEY';
import { policy, ruleTable } from '../support/harness';

ruleTable(INVALID_SERVICE_CONDITION_KEY, [
  {
    name: 'real service key',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: 'arn:aws:s3:::b',
      Condition: { StringLike: { 's3:prefix': 'home/' } },
    }),
    expect: [],
  },
  {
    name: 'templated service key',
    doc: policy({
      Effect: 'Allow',
      Action: 'ec2:StartInstances',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { StringEquals: { 'ec2:ResourceTag/env': 'dev' } },
    }),
    expect: [],
  },
  {
    name: 'identity provider keys are not service keys',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: {
        StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:o/r:*' },
        StringEquals: { 'saml:aud': 'x' },
      },
    }),
    expect: [],
  },
  {
    name: 'misspelt key',
    doc: policy({
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: 'arn:aws:iam::123456789012:role/r',
      Condition: { StringEquals: { 'iam:PassedToServices': 'lambda.amazonaws.com' } },
    }),
    expect: ['Condition key iam:PassedToServices does not exist in iam; did you mean iam:PassedToService?'],
    fix: 'iam:PassedToService',
  },
  {
    name: 'an unknown service is INVALID_SERVICE, not this rule',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { StringEquals: { 'nosuch:key': 'x' } },
    }),
    expect: [],
  },
  {
    name: 'a key defined under another prefix (aws-marketplace defines catalog:ChangeType)',
    doc: policy({
      Effect: 'Allow',
      Action: 'aws-marketplace:StartChangeSet',
      Resource: '*',
      Condition: { StringEquals: { 'catalog:ChangeType': 'AddRevisions' } },
    }),
    expect: [],
  },
]);
