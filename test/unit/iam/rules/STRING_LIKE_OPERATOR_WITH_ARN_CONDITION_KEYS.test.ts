import { STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS } from '../../../../server/src/core/iam/rules/STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS';
import { policy, ruleTable } from '../support/harness';

ruleTable(STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS, [
  {
    name: 'ArnLike on an ARN key',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:123456789012:t' } },
    }),
    expect: [],
  },
  {
    name: 'StringLike on aws:SourceArn',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { StringLike: { 'aws:SourceArn': 'arn:aws:sns:*:123456789012:t' } },
    }),
    expect: ['Use ArnLike instead of StringLike for the ARN condition key aws:SourceArn'],
    fix: 'ArnLike',
    fixed: '"ArnLike"',
  },
  {
    name: 'StringEquals with IfExists and a qualifier keeps them',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { 'ForAnyValue:StringEqualsIfExists': { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/r' } },
    }),
    expect: ['Use ForAnyValue:ArnEqualsIfExists'],
    fix: 'ForAnyValue:ArnEqualsIfExists',
  },
  {
    name: 'mixed block gets no fix but still a finding',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/x', 'aws:PrincipalAccount': '1*' } },
    }),
    expect: ['Use ArnLike'],
  },
  {
    name: 'string key with a string operator',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: 'arn:aws:s3:::b',
      Condition: { StringLike: { 's3:prefix': 'a/*' } },
    }),
    expect: [],
  },
]);
