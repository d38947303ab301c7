// Property test of the validity rules, hover and completion over random policy-shaped JSON: nothing throws (a rule
// exception would surface as an INTERNAL_ERROR finding), every range lies inside the document, and every quick fix
// leaves valid JSON behind.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { runIamRules } from '../../../server/src/core/iam/analyzer';
import { iamComplete } from '../../../server/src/core/iam/complete';
import { extractPolicies } from '../../../server/src/core/iam/extract';
import { iamHover } from '../../../server/src/core/iam/hover';
import { iamRules } from '../../../server/src/core/iam/rules/index';
import { parseDocument } from '../../../server/src/core/syntax/parse';
import { stringify } from 'yaml';
import { iamData } from './support/data';
import { applyEdits, syntaxProblems } from './support/harness';

const data = iamData();

const scalar = fc.oneof(
  fc.constantFrom(
    '*',
    's3:GetObject',
    's3:Get*',
    'S3:getobjekt',
    'sqs:*',
    'iam:PassRole',
    'lambda:CreateFunction',
    'arn:aws:s3:::b/*',
    'arn:aws:s3:us-east-1:123456789012:b',
    'arn:aws:dynamodb::1:tabel/T',
    'arn:',
    'Allow',
    'Deny',
    'allow',
    'aws:SourceIp',
    'true',
    '10.0.0.0/8',
    '',
    '${aws:username}',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const keys = fc.constantFrom(
  'Effect',
  'Action',
  'Resource',
  'Principal',
  'Condition',
  'StringEquals',
  'StringLike',
  'ForAnyValue:StringLike',
  'NumericLessThan',
  'Bool',
  'Nul',
  'aws:TagKeys',
  'aws:SourceArn',
  's3:prefix',
  'aws:SourceAcount',
  'AWS',
  'Service',
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(keys, tie('v'), { maxKeys: 3 }),
  ),
})).v;
const statement = fc.dictionary(
  fc.constantFrom(
    'Sid',
    'Effect',
    'Action',
    'NotAction',
    'Resource',
    'NotResource',
    'Principal',
    'Condition',
    'action',
    'Foo',
  ),
  value,
  { maxKeys: 6 },
);

test('validity rules, hover and completion are total over random policies, and their fixes keep JSON valid', () => {
  fc.assert(
    fc.property(
      fc.array(statement, { maxLength: 4 }),
      fc.constantFrom<unknown>('2012-10-17', '2024-01-01', 7, undefined),
      fc.boolean(),
      fc.nat(),
      (statements, version, compact, at) => {
        const doc = version === undefined ? { Statement: statements } : { Version: version, Statement: statements };
        const text = JSON.stringify(doc, null, compact ? 0 : 2);
        const { policies } = extractPolicies(parseDocument({ uri: 'policy.json', text }));
        const findings = runIamRules(policies, data, text, {}, iamRules);
        for (const f of findings) {
          assert.notEqual(f.ruleId, 'INTERNAL_ERROR', f.message);
          assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, f.ruleId);
          for (const fix of f.fixes ?? []) {
            const fixed = applyEdits(text, fix.edits);
            assert.deepEqual(syntaxProblems(fixed), [], `${f.ruleId} "${fix.title}" on\n${text}\ngave\n${fixed}`);
          }
        }
        const offset = at % (text.length + 1);
        const hover = iamHover(policies, data, offset);
        if (hover) assert.ok(hover.span.start <= offset && offset <= hover.span.end);
        for (const c of iamComplete(policies, data, text, offset)) {
          if (c.replace) assert.ok(c.replace.start >= 0 && c.replace.end <= text.length);
        }
      },
    ),
    { numRuns: 400 },
  );
});

test('fixes keep CloudFormation YAML valid too', () => {
  fc.assert(
    fc.property(fc.array(statement, { minLength: 1, maxLength: 3 }), fc.boolean(), (statements, withVersion) => {
      const policy = withVersion ? { Version: '2012-10-17', Statement: statements } : { Statement: statements };
      const template = {
        Resources: { P: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: policy } } },
      };
      const text = stringify(template);
      if (syntaxProblems(text, 'template.yaml').length > 0) return; // the generator made something YAML reads oddly
      const { policies } = extractPolicies(parseDocument({ uri: 'template.yaml', text }));
      for (const f of runIamRules(policies, data, text, {}, iamRules)) {
        assert.notEqual(f.ruleId, 'INTERNAL_ERROR', f.message);
        for (const fix of f.fixes ?? []) {
          const fixed = applyEdits(text, fix.edits);
          assert.deepEqual(
            syntaxProblems(fixed, 'template.yaml'),
            [],
            `${f.ruleId} "${fix.title}" on\n${text}\ngave\n${fixed}`,
          );
        }
      }
    }),
    { numRuns: 300 },
  );
});
