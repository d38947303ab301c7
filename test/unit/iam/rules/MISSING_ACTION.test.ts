import { MISSING_ACTION } from '../../../../server/src/core/iam/rules/MISSING_ACTION';
import { policy, ruleTable } from '../support/harness';

ruleTable(MISSING_ACTION, [
  {
    name: 'Action',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
    expect: [],
  },
  { name: 'NotAction', doc: policy({ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }), expect: [] },
  {
    name: 'neither',
    doc: policy({ Effect: 'Allow', Resource: '*' }),
    expect: ['Statement 1 has no Action or NotAction'],
  },
]);
