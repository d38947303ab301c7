import { INVALID_VERSION } from '../../../../server/src/core/iam/rules/INVALID_VERSION';
import { policy, ruleTable } from '../support/harness';

ruleTable(INVALID_VERSION, [
  {
    name: '2012-10-17',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
    expect: [],
  },
  {
    name: '2008-10-17 is still accepted',
    doc: {
      Version: '2008-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }],
    },
    expect: [],
  },
  {
    name: 'a date of today',
    doc: {
      Version: '2024-01-01',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }],
    },
    expect: ['Version 2024-01-01 is not valid'],
    fix: 'Change Version',
    fixed: '"Version": "2012-10-17"',
  },
  {
    name: 'a number',
    doc: '{"Version": 2012, "Statement": []}',
    expect: ['Version 2012 is not valid'],
    fix: 'Change Version',
  },
]);
