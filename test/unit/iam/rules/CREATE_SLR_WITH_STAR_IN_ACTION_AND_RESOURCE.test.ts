import { CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE } from '../../../../server/src/core/iam/rules/CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE';
import { policy, ruleTable } from '../support/harness';

ruleTable(CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE, [
  {
    // Access Analyzer names "Action": "*", "iam:*" and "iam:Create*" on "*" (AdministratorAccess, IAMFullAccess).
    name: 'the documented wildcards on every resource',
    doc: policy([
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
      { Effect: 'Allow', Action: 'iam:Create*', Resource: '*' },
    ]),
    expect: [
      'Action "*" on "*" includes iam:CreateServiceLinkedRole',
      'Action "iam:*" on "*" includes iam:CreateServiceLinkedRole',
      'Action "iam:Create*" on "*" includes iam:CreateServiceLinkedRole',
    ],
  },
  {
    name: 'every role of the account is as wide as "*"',
    doc: policy({ Effect: 'Allow', Action: 'iam:*', Resource: 'arn:aws:iam::123456789012:role/*' }),
    expect: ['Action "iam:*" on "arn:aws:iam::123456789012:role/*" includes iam:CreateServiceLinkedRole'],
  },
  {
    name: 'wildcards that miss the action, scoped resources, conditions and Deny',
    doc: policy([
      { Effect: 'Allow', Action: ['iam:Get*', 's3:*', 'iam:List*'], Resource: '*' },
      {
        Effect: 'Allow',
        Action: 'iam:*',
        Resource: 'arn:aws:iam::123456789012:role/aws-service-role/elasticloadbalancing.amazonaws.com/*',
      },
      {
        Effect: 'Allow',
        Action: 'iam:Create*',
        Resource: '*',
        Condition: { StringEquals: { 'iam:AWSServiceName': 'elasticloadbalancing.amazonaws.com' } },
      },
      { Effect: 'Deny', Action: 'iam:*', Resource: '*' },
    ]),
    expect: [],
  },
  {
    name: 'the explicit action is CREATE_SLR_WITH_STAR_IN_RESOURCE, not this rule',
    doc: policy({ Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole', Resource: '*' }),
    expect: [],
  },
]);
