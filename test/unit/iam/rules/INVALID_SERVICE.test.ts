import { INVALID_SERVICE } from '../../../../server/src/core/iam/rules/INVALID_SERVICE';
import { policy, ruleTable } from '../support/harness';

ruleTable(INVALID_SERVICE, [
  {
    name: 'service, global and identity-provider keys',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: 'arn:aws:s3:::b',
      Condition: {
        StringLike: { 's3:prefix': 'home/*', 'aws:PrincipalTag/team': 'x', 'accounts.google.com:aud': 'y' },
      },
    }),
    expect: [],
  },
  {
    // Access Analyzer's example: the prefix of the key must be a service prefix, spelt as the service defines it.
    name: 'a key whose prefix is no service',
    doc: policy({
      Effect: 'Allow',
      Action: 'dynamodb:GetItem',
      Resource: '*',
      Condition: { 'ForAllValues:StringEquals': { 'dynamo:LeadingKeys': ['${aws:userid}'] } },
    }),
    expect: ['Condition key dynamo:LeadingKeys names service dynamo, which does not exist; did you mean dynamodb:'],
    fix: 'dynamodb:LeadingKeys',
    fixed: '"dynamodb:LeadingKeys"',
  },
  {
    name: 'a key of a retired service is a warning that says so',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: { StringEquals: { 'deepracer:UserToken': 'x' } },
    }),
    expect: ['names service deepracer, which no longer exists (AWS DeepRacer'],
    severity: 'warning',
  },
  {
    name: 'a key another service defines under this prefix (catalog:ChangeType lives in aws-marketplace)',
    doc: policy({
      Effect: 'Allow',
      Action: 'aws-marketplace:StartChangeSet',
      Resource: '*',
      Condition: { StringEquals: { 'catalog:ChangeType': 'AddRevisions' } },
    }),
    expect: [],
  },
]);
