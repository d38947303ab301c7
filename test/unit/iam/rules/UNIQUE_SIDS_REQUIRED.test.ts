import { UNIQUE_SIDS_REQUIRED } from '../../../../server/src/core/iam/rules/UNIQUE_SIDS_REQUIRED';
import { policy, ruleTable } from '../support/harness';

ruleTable(UNIQUE_SIDS_REQUIRED, [
  {
    name: 'distinct',
    doc: policy([
      { Sid: 'A', ...{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' } },
      { Sid: 'B', ...{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' } },
    ]),
    expect: [],
  },
  {
    name: 'no Sids',
    doc: policy([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
    ]),
    expect: [],
  },
  {
    name: 'duplicate',
    doc: policy([
      { Sid: 'Read', ...{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' } },
      { Sid: 'Write', ...{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' } },
      { Sid: 'Read', ...{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' } },
    ]),
    expect: ['Sid Read is used by another statement'],
  },
]);
