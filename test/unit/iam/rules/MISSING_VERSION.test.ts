import { MISSING_VERSION } from '../../../../server/src/core/iam/rules/MISSING_VERSION';
import { policy, ruleTable } from '../support/harness';

ruleTable(MISSING_VERSION, [
  {
    name: 'with Version',
    doc: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
    expect: [],
  },
  {
    name: 'JSON without Version',
    doc: { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] },
    expect: ['has no Version'],
    fix: 'Add "Version"',
    fixed: '"Version": "2012-10-17"',
  },
  {
    name: 'one-line JSON without Version',
    doc: '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    expect: ['has no Version'],
    fix: 'Add',
  },
  {
    name: 'YAML template without Version',
    uri: 'template.yaml',
    doc: [
      'Resources:',
      '  P:',
      '    Type: AWS::IAM::ManagedPolicy',
      '    Properties:',
      '      PolicyDocument:',
      '        Statement:',
      '          - Effect: Allow',
      '            Action: s3:GetObject',
      "            Resource: '*'",
      '',
    ].join('\n'),
    expect: ['has no Version'],
    fix: 'Add',
    fixed: "        Version: '2012-10-17'\n        Statement:",
  },
  {
    name: 'lower-case version counts as present (INVALID_POLICY_ELEMENT reports it)',
    doc: { version: '2012-10-17', Statement: [] },
    expect: [],
  },
]);
