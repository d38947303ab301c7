import { MISSING_EFFECT } from '../../../../server/src/core/iam/rules/MISSING_EFFECT';
import { policy, ruleTable } from '../support/harness';

ruleTable(MISSING_EFFECT, [
  {
    name: 'has Effect',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
    expect: [],
  },
  { name: 'no Effect', doc: policy({ Action: 's3:GetObject', Resource: '*' }), expect: ['Statement 1 has no Effect'] },
  {
    name: 'second statement',
    doc: policy([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
      { Sid: 'Two', Action: 's3:*', Resource: '*' },
    ]),
    expect: ['Statement 2 has no Effect'],
  },
]);

ruleTable(MISSING_EFFECT, [
  {
    name: 'Terraform policy documents default effect to Allow',
    uri: 'main.tf',
    doc: 'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["s3:GetObject"]\n    resources = ["*"]\n  }\n}\n',
    expect: [],
  },
]);
