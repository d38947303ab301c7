import { EQUIVALENT_TO_NULL_FALSE } from '../../../../server/src/core/iam/rules/EQUIVALENT_TO_NULL_FALSE';
import { policy, ruleTable } from '../support/harness';

ruleTable(EQUIVALENT_TO_NULL_FALSE, [
  {
    name: 'a real pattern',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { StringLike: { 'aws:ResourceTag/env': 'dev-*' } },
    }),
    expect: [],
  },
  {
    name: 'StringLike "*"',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { StringLike: { 'aws:ResourceTag/env': '*' } },
    }),
    expect: ['StringLike aws:ResourceTag/env "*" only checks that aws:ResourceTag/env is present'],
    fix: 'Replace with Null',
    fixed: '"Null": {\n',
  },
  {
    name: 'array with a single "*"',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { StringLike: { 'aws:ResourceTag/env': ['*'] } },
    }),
    expect: ['only checks'],
    fix: 'Null',
  },
  {
    name: 'with IfExists it means something else',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { StringLikeIfExists: { 'aws:ResourceTag/env': '*' } },
    }),
    expect: [],
  },
]);
