import { INVALID_POLICY_ELEMENT } from '../../../../server/src/core/iam/rules/INVALID_POLICY_ELEMENT';
import { policy, ruleTable } from '../support/harness';

ruleTable(INVALID_POLICY_ELEMENT, [
  {
    name: 'known elements',
    doc: policy(
      { Sid: 'A', ...{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }, Condition: {} },
      { Id: 'x' },
    ),
    expect: [],
  },
  {
    name: 'lower-case statement element',
    doc: policy({ Effect: 'Allow', action: 's3:GetObject', Resource: '*' }),
    expect: ['action is not a valid statement element; did you mean Action?'],
    fix: 'Rename action to Action',
    fixed: '"Action": "s3:GetObject"',
  },
  {
    name: 'plural element',
    doc: policy({ Effect: 'Allow', Actions: ['s3:GetObject'], Resource: '*' }),
    expect: ['Actions is not a valid statement element; did you mean Action?'],
    fix: 'Rename',
  },
  {
    name: 'unknown top-level element',
    doc: { Version: '2012-10-17', Statements: [], Statement: [] },
    expect: ['Statements is not a valid policy element'],
  },
  {
    name: 'unrelated key without suggestion',
    doc: policy({ ...{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }, Comment: 'x' }),
    expect: ['Comment is not a valid statement element'],
  },
]);
