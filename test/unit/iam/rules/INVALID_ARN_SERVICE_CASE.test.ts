import { INVALID_ARN_SERVICE_CASE } from '../../../../server/src/core/iam/rules/INVALID_ARN_SERVICE_CASE';
import { policy, ruleTable } from '../support/harness';

ruleTable(INVALID_ARN_SERVICE_CASE, [
  {
    name: 'valid ARNs',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
    expect: [],
  },
  {
    name: 'invalid',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:S3:::b/*' }),
    expect: ['ARN service S3 must be lower case (s3)'],
    fix: 'Change to arn:aws:s3:::b/*',
  },
]);
