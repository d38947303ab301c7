import { INVALID_PARTITION } from '../../../../server/src/core/iam/rules/INVALID_PARTITION';
import { policy, ruleTable } from '../support/harness';

ruleTable(INVALID_PARTITION, [
  {
    name: 'valid ARNs',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: ['arn:aws-cn:s3:::b/*', 'arn:*:s3:::b/*', 'arn:${aws:partition}:s3:::c/*'],
    }),
    expect: [],
  },
  {
    name: 'invalid',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:amazon:s3:::b/*' }),
    expect: ['ARN partition amazon is not valid'],
    fix: 'Change to arn:aws:s3:::b/*',
  },
]);
