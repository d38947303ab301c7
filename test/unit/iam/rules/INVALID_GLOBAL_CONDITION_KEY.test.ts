import { INVALID_GLOBAL_CONDITION_KEY } from '../../../../server/src/core/iam/rules/INVALID_GLOBAL_CONDITION_KEY';
import { policy, ruleTable } from '../support/harness';

ruleTable(INVALID_GLOBAL_CONDITION_KEY, [
  {
    name: 'real global keys',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: {
        Bool: { 'aws:SecureTransport': 'true' },
        StringEquals: { 'aws:PrincipalTag/team': 'a', 'aws:ResourceTag/env': 'dev' },
      },
    }),
    expect: [],
  },
  {
    name: 'key names ignore case',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { IpAddress: { 'aws:SourceIP': '203.0.113.0/24' } },
    }),
    expect: [],
  },
  {
    name: 'unknown key',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { StringEquals: { 'aws:SourceAcount': '123456789012' } },
    }),
    expect: ['Condition key aws:SourceAcount is not a global condition key; did you mean aws:SourceAccount?'],
    fix: 'aws:SourceAccount',
    fixed: '"aws:SourceAccount"',
  },
  {
    name: 'tag key with a misspelt prefix keeps the tag',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { StringEquals: { 'aws:ResourceTags/env': 'dev' } },
    }),
    expect: ['did you mean aws:ResourceTag/env?'],
    fix: 'aws:ResourceTag/env',
  },
]);
