import { INVALID_ARN_PREFIX } from '../../../../server/src/core/iam/rules/INVALID_ARN_PREFIX';
import { policy, ruleTable } from '../support/harness';

ruleTable(INVALID_ARN_PREFIX, [
  {
    name: 'valid ARNs',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: ['*', 'arn:aws:s3:::b/*'] }),
    expect: [],
  },
  {
    name: 'invalid',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'my-bucket/*' }),
    expect: ['Resource my-bucket/* must be an ARN starting with arn:'],
  },
  {
    name: 'policy variable alone is unknown',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '${aws:username}' }),
    expect: [],
  },
]);
