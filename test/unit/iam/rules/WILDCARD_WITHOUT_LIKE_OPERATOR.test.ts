import { WILDCARD_WITHOUT_LIKE_OPERATOR } from '../../../../server/src/core/iam/rules/WILDCARD_WITHOUT_LIKE_OPERATOR';
import { policy, ruleTable } from '../support/harness';

ruleTable(WILDCARD_WITHOUT_LIKE_OPERATOR, [
  {
    name: 'StringLike with a wildcard',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: 'arn:aws:s3:::b',
      Condition: { StringLike: { 's3:prefix': 'home/*' } },
    }),
    expect: [],
  },
  {
    name: 'StringEquals with a wildcard',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: 'arn:aws:s3:::b',
      Condition: { StringEquals: { 's3:prefix': 'home/*' } },
    }),
    expect: ['Value home/* of s3:prefix contains a wildcard, but StringEquals compares it literally: use StringLike'],
    fix: 'StringLike',
  },
  {
    name: 'StringNotEquals with ?',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { StringNotEquals: { 'aws:PrincipalTag/team': ['a?c'] } },
    }),
    expect: ['use StringNotLike'],
    fix: 'StringNotLike',
  },
  {
    name: 'escaped ${*} is a literal star',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: 'arn:aws:s3:::b',
      Condition: { StringEquals: { 's3:prefix': 'a${*}' } },
    }),
    expect: [],
  },
]);
