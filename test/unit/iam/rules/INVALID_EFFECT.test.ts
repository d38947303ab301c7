import { INVALID_EFFECT } from '../../../../server/src/core/iam/rules/INVALID_EFFECT';
import { policy, ruleTable } from '../support/harness';

ruleTable(INVALID_EFFECT, [
  {
    name: 'Allow and Deny',
    doc: policy([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
      { ...{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }, Effect: 'Deny' },
    ]),
    expect: [],
  },
  {
    name: 'lower case',
    doc: policy({ ...{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }, Effect: 'allow' }),
    expect: ['Effect allow is not valid'],
    fix: 'Change Effect to Allow',
    fixed: '"Effect": "Allow"',
  },
  {
    name: 'Denied',
    doc: policy({ ...{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }, Effect: 'Denied' }),
    expect: ['Effect Denied'],
    fix: 'Change Effect to Deny',
  },
  {
    name: 'boolean',
    doc: '{"Version":"2012-10-17","Statement":[{"Effect":true,"Action":"s3:GetObject","Resource":"*"}]}',
    expect: ['Effect true is not valid'],
  },
]);
