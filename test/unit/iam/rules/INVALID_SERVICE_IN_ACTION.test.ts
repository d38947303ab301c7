import { INVALID_SERVICE_IN_ACTION } from '../../../../server/src/core/iam/rules/INVALID_SERVICE_IN_ACTION';
import { policy, ruleTable } from '../support/harness';

ruleTable(INVALID_SERVICE_IN_ACTION, [
  {
    name: 'known services',
    doc: policy({ Effect: 'Allow', Action: ['s3:GetObject', 'sqs:SendMessage', 'iam:*', 's*:Get*'], Resource: '*' }),
    expect: [],
  },
  {
    name: 'typo in prefix',
    doc: policy({ Effect: 'Allow', Action: 'sqss:SendMessage', Resource: '*' }),
    expect: ['Service sqss in action sqss:SendMessage does not exist; did you mean sqs?'],
    fix: 'sqs:SendMessage',
    fixed: '"sqs:SendMessage"',
  },
  {
    name: 'service name instead of prefix',
    doc: policy({ Effect: 'Allow', Action: 'dynamo:GetItem', Resource: '*' }),
    expect: ['Service dynamo in action dynamo:GetItem does not exist'],
  },
  {
    name: 'in NotAction too',
    doc: policy({ Effect: 'Deny', NotAction: 'lamda:InvokeFunction', Resource: '*' }),
    expect: ['did you mean lambda?'],
    fix: 'lambda:InvokeFunction',
  },
  {
    name: 'CloudFormation intrinsics are unknown, not invalid',
    doc: policy({ Effect: 'Allow', Action: [{ 'Fn::Sub': '${Svc}:GetObject' }, { Ref: 'Action' }], Resource: '*' }),
    expect: [],
  },
  {
    name: 'a retired service is a warning that says when it ended',
    doc: policy({ Effect: 'Allow', Action: ['deeplens:*', 'iot1click:ListDevices'], Resource: '*' }),
    expect: [
      'Service deeplens in action deeplens:* no longer exists (AWS DeepLens, retired in 2024)',
      'Service iot1click in action iot1click:ListDevices no longer exists (AWS IoT 1-Click, retired in 2024)',
    ],
    severity: 'warning',
  },
]);
