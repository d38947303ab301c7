import { MISSING_QUALIFIER } from '../../../../server/src/core/iam/rules/MISSING_QUALIFIER';
import { policy, ruleTable } from '../support/harness';

ruleTable(MISSING_QUALIFIER, [
  {
    name: 'qualified multivalued key',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env'] } },
    }),
    expect: [],
  },
  {
    name: 'single-valued key without qualifier',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { StringEquals: { 'aws:PrincipalAccount': '123456789012' } },
    }),
    expect: [],
  },
  {
    name: 'multivalued key without qualifier',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { StringEquals: { 'aws:TagKeys': ['env', 'team'] } },
    }),
    expect: ['Condition key aws:TagKeys has multiple values'],
    fix: 'ForAnyValue:StringEquals',
    fixed: '"ForAnyValue:StringEquals"',
  },
  {
    name: 'qualifier on a single-valued key',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { 'ForAllValues:StringEquals': { 'aws:PrincipalAccount': '123456789012' } },
    }),
    expect: [
      'aws:PrincipalAccount is single-valued: ForAllValues is not needed and also matches when the key is absent',
    ],
    severity: 'warning',
    fix: 'Change operator to StringEquals',
  },
  {
    name: 'Null needs no qualifier',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { Null: { 'aws:TagKeys': 'false' } },
    }),
    expect: [],
  },
]);
