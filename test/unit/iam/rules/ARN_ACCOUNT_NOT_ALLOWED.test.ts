import { ARN_ACCOUNT_NOT_ALLOWED } from '../../../../server/src/core/iam/rules/ARN_ACCOUNT_NOT_ALLOWED';
import { policy, ruleTable } from '../support/harness';

ruleTable(ARN_ACCOUNT_NOT_ALLOWED, [
  {
    name: 'bucket ARN without account',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
    expect: [],
  },
  {
    name: 'bucket ARN with an account',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*'.replace(':::', '::123456789012:'),
    }),
    expect: ['s3 ARNs of this kind take no account ID: remove 123456789012'],
    fix: 'Change to arn:aws:s3:::b/*',
  },
]);
