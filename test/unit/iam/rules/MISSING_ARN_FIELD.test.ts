import { MISSING_ARN_FIELD } from '../../../../server/src/core/iam/rules/MISSING_ARN_FIELD';
import { policy, ruleTable } from '../support/harness';

ruleTable(MISSING_ARN_FIELD, [
  {
    name: 'valid ARNs',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3*'] }),
    expect: [],
  },
  {
    name: 'invalid',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:b' }),
    expect: ['Resource arn:aws:s3:b has 4 of the 6 ARN fields'],
  },
]);
