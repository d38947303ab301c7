import { UNSUPPORTED_PRINCIPAL } from '../../../../server/src/core/iam/rules/UNSUPPORTED_PRINCIPAL';
import { cfnFile, policy, ruleTable } from '../support/harness';

ruleTable(UNSUPPORTED_PRINCIPAL, [
  {
    name: 'identity policy in a template',
    uri: 'template.json',
    doc: {
      Resources: {
        P: {
          Type: 'AWS::IAM::ManagedPolicy',
          Properties: {
            PolicyDocument: policy({
              ...{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
              Principal: { AWS: '*' },
            }),
          },
        },
      },
    },
    expect: ['Principal is not allowed in an identity policy'],
    fix: 'Remove Principal',
  },
  {
    name: 'YAML identity policy',
    uri: 'template.yaml',
    doc: cfnFile(['- Effect: Allow', "  Principal: '*'", '  Action: s3:GetObject', "  Resource: '*'"], {
      type: 'AWS::IAM::Policy',
      before: ['PolicyName: p'],
    }),
    expect: ['Principal is not allowed'],
    fix: 'Remove',
  },
  {
    name: 'no Principal',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
    expect: [],
  },
  {
    name: 'a policy file with a Principal is a resource policy',
    doc: policy({ ...{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }, Principal: '*' }),
    expect: [],
  },
]);

ruleTable(UNSUPPORTED_PRINCIPAL, [
  {
    name: 'YAML: Principal as the first key of the statement item',
    uri: 'template.yaml',
    doc: cfnFile(["- Principal: '*'", '  Effect: Allow', '  Action: s3:GetObject', "  Resource: '*'"], {
      type: 'AWS::IAM::Policy',
      before: ['PolicyName: p'],
    }),
    expect: ['Principal is not allowed'],
    fix: 'Remove',
    fixed: '          - Effect: Allow\n            Action',
  },
]);
