import { REDUNDANT_RESOURCE } from '../../../../server/src/core/iam/rules/REDUNDANT_RESOURCE';
import { policy, ruleTable } from '../support/harness';

ruleTable(REDUNDANT_RESOURCE, [
  {
    name: 'bucket and its objects are different',
    doc: policy({ Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'] }),
    expect: [],
  },
  {
    name: 'object covered by a wildcard',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/reports/x.csv'],
    }),
    expect: ['Resource arn:aws:s3:::b/reports/x.csv is redundant: arn:aws:s3:::b/* already matches it'],
    fix: 'Remove',
  },
  {
    name: 'everything under "*"',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::b/*', '*'] }),
    expect: ['redundant: * already matches it'],
    fix: 'Remove',
  },
  {
    name: 'duplicate',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/*'] }),
    expect: ['redundant'],
    fix: 'Remove',
  },
  {
    name: '? does not cover *',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::b/?', 'arn:aws:s3:::b/*'] }),
    expect: ['Resource arn:aws:s3:::b/? is redundant'],
  },
  {
    // Plain ARNs are compared through a table of first copies and the list's patterns only: the entry named is still
    // the first in list order, a copy or a pattern, and two patterns matching the same ARNs keep the first.
    name: 'the first covering entry in list order',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: [
        'arn:aws:s3:::b/x',
        'arn:aws:s3:::b/*',
        'arn:aws:s3:::b/x',
        'arn:aws:s3:::c/y',
        'arn:aws:s3:::c/*',
        'arn:aws:s3:::c/y',
        'arn:aws:s3:::c/*',
      ],
    }),
    expect: [
      'Resource arn:aws:s3:::b/x is redundant: arn:aws:s3:::b/* already matches it',
      'Resource arn:aws:s3:::b/x is redundant: arn:aws:s3:::b/x already matches it',
      'Resource arn:aws:s3:::c/y is redundant: arn:aws:s3:::c/* already matches it',
      'Resource arn:aws:s3:::c/y is redundant: arn:aws:s3:::c/y already matches it',
      'Resource arn:aws:s3:::c/* is redundant: arn:aws:s3:::c/* already matches it',
    ],
  },
]);
