import { INVALID_CONDITION_OPERATOR } from '../../../../server/src/core/iam/rules/INVALID_CONDITION_OPERATOR';
import { policy, ruleTable } from '../support/harness';

ruleTable(INVALID_CONDITION_OPERATOR, [
  {
    name: 'valid operators, qualifiers and IfExists',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: {
        StringLikeIfExists: { 's3:prefix': 'a' },
        'ForAnyValue:StringEquals': { 'aws:TagKeys': 'x' },
        Null: { 'aws:MultiFactorAuthAge': 'false' },
      },
    }),
    expect: [],
  },
  {
    name: 'misspelt operator',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { StringEqual: { 'aws:PrincipalAccount': '123456789012' } },
    }),
    expect: ['Condition operator StringEqual does not exist; did you mean StringEquals?'],
    fix: 'StringEquals',
    fixed: '"StringEquals": {',
  },
  {
    name: 'misspelt qualifier',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { 'ForAnyValues:StringEquals': { 'aws:TagKeys': 'x' } },
    }),
    expect: ['use ForAnyValue or ForAllValues'],
    fix: 'ForAnyValue:StringEquals',
  },
  {
    name: 'Null with IfExists',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { NullIfExists: { 'aws:TagKeys': 'true' } },
    }),
    expect: ['Null cannot take IfExists'],
    fix: 'Null',
  },
  {
    name: 'case does not matter',
    doc: policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { stringequals: { 'aws:PrincipalAccount': '123456789012' } },
    }),
    expect: [],
  },
]);

ruleTable(INVALID_CONDITION_OPERATOR, [
  {
    name: 'an empty operator block is still checked',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEqualz: {} } }),
    expect: ['Condition operator StringEqualz does not exist; did you mean StringEquals?'],
    fix: 'StringEquals',
  },
  {
    name: 'Terraform aws_iam_policy_document condition test',
    uri: 'main.tf',
    doc: [
      'data "aws_iam_policy_document" "d" {',
      '  statement {',
      '    actions   = ["s3:GetObject"]',
      '    resources = ["*"]',
      '    condition {',
      '      test     = "StringEqual"',
      '      variable = "aws:PrincipalAccount"',
      '      values   = ["123456789012"]',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n'),
    expect: ['Condition operator StringEqual does not exist; did you mean StringEquals?'],
    fix: 'StringEquals',
    fixed: 'test     = "StringEquals"',
  },
]);
