import { INVALID_ACTION } from '../../../../server/src/core/iam/rules/INVALID_ACTION';
import { cfnFile, policy, ruleTable } from '../support/harness';

ruleTable(INVALID_ACTION, [
  {
    name: 'real actions and patterns',
    doc: policy({ Effect: 'Allow', Action: ['s3:GetObject', 'sqs:Send*', 'dynamodb:?etItem', '*'], Resource: '*' }),
    expect: [],
  },
  {
    name: 'misspelt action',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObjekt', Resource: '*' }),
    expect: ['Action s3:GetObjekt does not exist in s3; did you mean s3:GetObject?'],
    fix: 'Change action to s3:GetObject',
    fixed: '"s3:GetObject"',
  },
  {
    name: 'case differences are fine',
    doc: policy({ Effect: 'Allow', Action: 'S3:getobject', Resource: '*' }),
    expect: [],
  },
  {
    name: 'pattern that matches nothing',
    doc: policy({ Effect: 'Allow', Action: 's3:Fetch*', Resource: '*' }),
    expect: ['Action pattern s3:Fetch* matches no s3 action'],
  },
  {
    name: 'no colon',
    doc: policy({ Effect: 'Allow', Action: 'GetObject', Resource: '*' }),
    expect: ['Action GetObject must be written as service:ActionName'],
  },
  {
    name: 'YAML plain scalar keeps its style',
    uri: 'template.yaml',
    doc: cfnFile(['- Effect: Allow', '  Action:', '    - sqs:SendMesage', "  Resource: '*'"]),
    expect: ['did you mean sqs:SendMessage?'],
    fix: 'sqs:SendMessage',
    fixed: '- sqs:SendMessage\n',
  },
  {
    name: 'Terraform jsonencode',
    uri: 'main.tf',
    doc: [
      'resource "aws_iam_policy" "p" {',
      '  policy = jsonencode({',
      '    Version = "2012-10-17"',
      '    Statement = [{',
      '      Effect   = "Allow"',
      '      Action   = ["dynamodb:GetItm"]',
      '      Resource = "*"',
      '    }]',
      '  })',
      '}',
      '',
    ].join('\n'),
    expect: ['did you mean dynamodb:GetItem?'],
    fix: 'dynamodb:GetItem',
  },
  {
    name: 'an action another catalogue snapshot lists is a warning',
    doc: policy({ Effect: 'Allow', Action: 'cloud9:ValidateEnvironmentName', Resource: '*' }),
    expect: ['Action cloud9:ValidateEnvironmentName is not in the current catalogue'],
    severity: 'warning',
  },
]);
