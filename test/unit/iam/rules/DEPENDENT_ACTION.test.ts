import { DEPENDENT_ACTION } from '../../../../server/src/core/iam/rules/DEPENDENT_ACTION';
import { cfnFile, policy, ruleTable } from '../support/harness';

ruleTable(DEPENDENT_ACTION, [
  {
    name: 'PassRole granted',
    doc: policy([
      { Effect: 'Allow', Action: 'lambda:CreateFunction', Resource: '*' },
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/fn' },
    ]),
    expect: [],
  },
  {
    name: 'Lambda function without PassRole',
    doc: policy({ Effect: 'Allow', Action: ['lambda:CreateFunction', 'lambda:InvokeFunction'], Resource: '*' }),
    expect: ['lambda:CreateFunction also needs iam:PassRole, which this policy does not grant'],
    fix: 'Add a statement allowing iam:PassRole',
    fixed: '"Resource": "arn:aws:iam::123456789012:role/ROLE_NAME"',
  },
  {
    name: 'conditional dependency says when',
    doc: policy({ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' }),
    expect: ['ec2:RunInstances also needs iam:PassRole when it launches with an instance profile'],
    fix: 'Add a statement',
  },
  {
    name: 'iam:* covers it',
    doc: policy([
      { Effect: 'Allow', Action: 'states:CreateStateMachine', Resource: '*' },
      { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
    ]),
    expect: [],
  },
  {
    name: 'YAML template gets a YAML statement',
    uri: 'template.yaml',
    doc: cfnFile(['- Effect: Allow', '  Action: glue:CreateJob', "  Resource: '*'"]),
    expect: ['glue:CreateJob also needs iam:PassRole'],
    fix: 'Add a statement',
    fixed: "          - Effect: 'Allow'\n            Action: 'iam:PassRole'",
  },
]);
