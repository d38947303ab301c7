// The shared fix helpers, applied to JSON, YAML and HCL documents: every result must parse, and the risk rule the
// fix is for must go quiet.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { extractPolicies } from '../../../server/src/core/iam/extract';
import { explicitActionFixes, passedToServiceFixes, scopeResourceFixes } from '../../../server/src/core/iam/fixes';
import type { Policy } from '../../../server/src/core/iam/model';
import { SERVICE_WILDCARD } from '../../../server/src/core/iam/rules/SERVICE_WILDCARD';
import { parseDocument } from '../../../server/src/core/syntax/parse';
import type { StringNode } from '../../../server/src/core/syntax/tree';
import { iamData } from './support/data';
import { applyEdits, cfnFile, findingsOf, syntaxProblems } from './support/harness';

const data = iamData();

function firstPolicy(text: string, uri: string): Policy {
  const p = extractPolicies(parseDocument({ uri, text })).policies[0];
  assert.ok(p, 'a policy');
  return p;
}

function wildcardIn(policy: Policy, value: string): { list: Policy['statements'][number]['action']; node: StringNode } {
  for (const s of policy.statements) {
    const node = s.action?.values.find((v): v is StringNode => v.kind === 'string' && v.value === value);
    if (node) return { list: s.action, node };
  }
  throw new Error(`no ${value}`);
}

const JSON_DOC = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: 'arn:aws:sqs:us-east-1:123456789012:q' }],
  },
  null,
  2,
);
const JSON_ARRAY_DOC = JSON.stringify(
  { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 'sqs:*'], Resource: '*' }] },
  null,
  2,
);
const YAML_DOC = cfnFile([
  '- Effect: Allow',
  "  Action: 'sqs:*'",
  "  Resource: 'arn:aws:sqs:us-east-1:123456789012:q'",
]);
const YAML_LIST_DOC = YAML_DOC.replace(
  "            Action: 'sqs:*'",
  "            Action:\n              - 'sqs:*'\n              - s3:GetObject",
);
const HCL_DOC = [
  'resource "aws_iam_policy" "p" {',
  '  policy = jsonencode({',
  '    Version = "2012-10-17"',
  '    Statement = [{',
  '      Effect   = "Allow"',
  '      Action   = ["sqs:*"]',
  '      Resource = "arn:aws:sqs:us-east-1:123456789012:q"',
  '    }]',
  '  })',
  '}',
  '',
].join('\n');

describe('explicitActionFixes (for SERVICE_WILDCARD)', () => {
  const cases: [string, string, string][] = [
    ['JSON single value', JSON_DOC, 'policy.json'],
    ['JSON array', JSON_ARRAY_DOC, 'policy.json'],
    ['YAML single value', YAML_DOC, 'template.yaml'],
    ['YAML block list', YAML_LIST_DOC, 'template.yaml'],
    ['Terraform jsonencode', HCL_DOC, 'main.tf'],
  ];
  for (const [name, text, uri] of cases) {
    test(name, () => {
      const policy = firstPolicy(text, uri);
      const { list, node } = wildcardIn(policy, 'sqs:*');
      const fixes = explicitActionFixes(data, text, list!.node, node);
      assert.ok(fixes.length >= 2, JSON.stringify(fixes.map((f) => f.title)));
      const counts = fixes.map((f) => Number(/\((\d+)\)$/.exec(f.title)?.[1]));
      for (let i = 1; i < counts.length; i++) assert.ok(counts[i]! > counts[i - 1]!, 'choices grow');
      assert.match(fixes[0]!.title, /^Replace sqs:\* with its List(\+Read)? actions \(\d+\)$/);
      for (const fix of fixes) {
        const fixed = applyEdits(text, fix.edits);
        assert.deepEqual(syntaxProblems(fixed, uri), [], `${fix.title}:\n${fixed}`);
        assert.ok(!fixed.includes('sqs:*'), fix.title);
        const after = firstPolicy(fixed, uri);
        const actions = after.statements
          .flatMap((s) => s.action?.values ?? [])
          .map((v) => (v.kind === 'string' ? v.value : ''));
        const want = Number(/\((\d+)\)$/.exec(fix.title)?.[1]);
        assert.equal(actions.filter((a) => a.startsWith('sqs:')).length, want, fix.title);
        assert.deepEqual(
          findingsOf(SERVICE_WILDCARD, fixed, uri).filter((f) => f.message.includes('sqs:*')),
          [],
          'SERVICE_WILDCARD is quiet after the fix',
        );
      }
      const all = fixes[fixes.length - 1]!;
      assert.match(all.title, /List\+Read\+Tagging\+Write\+Permissions management|List\+Read\+Tagging\+Write/);
    });
  }

  test('no fixes for "*" or for an unknown service', () => {
    const text = JSON_DOC.replace('sqs:*', 'nosuch:*');
    const { list, node } = wildcardIn(firstPolicy(text, 'policy.json'), 'nosuch:*');
    assert.deepEqual(explicitActionFixes(data, text, list!.node, node), []);
  });
});

describe('passedToServiceFixes (for PASS_ROLE_WITH_STAR_IN_RESOURCE)', () => {
  const jsonDoc = JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'lambda:CreateFunction', Resource: '*' },
        { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
      ],
    },
    null,
    2,
  );
  const yamlDoc = YAML_DOC.replace("Action: 'sqs:*'", 'Action: iam:PassRole').replace(
    "Resource: 'arn:aws:sqs:us-east-1:123456789012:q'",
    "Resource: '*'",
  );
  const withCondition = JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: '*',
          Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } },
        },
      ],
    },
    null,
    2,
  );
  const cases: [string, string, string, string][] = [
    ['JSON, service guessed from the other actions', jsonDoc, 'policy.json', 'lambda.amazonaws.com'],
    ['YAML, placeholder service', yamlDoc, 'template.yaml', 'SERVICE.amazonaws.com'],
    ['JSON, existing StringEquals block', withCondition, 'policy.json', 'SERVICE.amazonaws.com'],
    ['Terraform', HCL_DOC.replace('"sqs:*"', '"iam:PassRole"'), 'main.tf', 'SERVICE.amazonaws.com'],
  ];
  for (const [name, text, uri, service] of cases) {
    test(name, () => {
      const policy = firstPolicy(text, uri);
      const s = policy.statements.find((x) =>
        x.action?.values.some((v) => v.kind === 'string' && v.value === 'iam:PassRole'),
      )!;
      const others = policy.statements
        .flatMap((x) => x.action?.values ?? [])
        .map((v) => (v.kind === 'string' ? v.value : ''));
      const fixes = passedToServiceFixes(text, s, others);
      assert.equal(fixes[0]?.title, `Add condition iam:PassedToService = ${service}`);
      const fixed = applyEdits(text, fixes[0]!.edits);
      assert.deepEqual(syntaxProblems(fixed, uri), [], fixed);
      const after = firstPolicy(fixed, uri).statements[s.index]!;
      const entry = after.condition?.entries.find((e) => e.key === 'iam:PassedToService');
      assert.ok(entry, fixed);
      assert.equal(entry.operator, 'StringEquals');
      assert.equal(entry.valueNode.kind === 'string' ? entry.valueNode.value : '', service);
      assert.deepEqual(passedToServiceFixes(fixed, after, others), [], 'no second fix once the condition is there');
    });
  }
});

describe('scopeResourceFixes (for RESOURCE_STAR)', () => {
  const json = (action: unknown, resource: unknown = '*'): string =>
    JSON.stringify(
      { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] },
      null,
      2,
    );
  function scoped(text: string, uri = 'policy.json'): { title?: string; fixed?: string } {
    const policy = firstPolicy(text, uri);
    const s = policy.statements[0]!;
    const star = s.resource?.values.find((v): v is StringNode => v.kind === 'string' && v.value === '*');
    assert.ok(star);
    const fix = scopeResourceFixes(data, text, s, star)[0];
    if (!fix) return {};
    const fixed = applyEdits(text, fix.edits);
    assert.deepEqual(syntaxProblems(fixed, uri), [], fixed);
    assert.ok(
      !firstPolicy(fixed, uri).statements[0]!.resource!.values.some((v) => v.kind === 'string' && v.value === '*'),
    );
    return { title: fix.title, fixed };
  }

  test('object actions get a bucket-object template', () => {
    const r = scoped(json(['s3:GetObject', 's3:PutObject']));
    assert.equal(r.title, 'Scope Resource to arn:aws:s3:::BUCKET_NAME/*');
    assert.match(r.fixed!, /"Resource": \["arn:aws:s3:::BUCKET_NAME\/\*"\]/);
  });

  test('actions of two services get one template each', () => {
    const r = scoped(json(['s3:GetObject', 'sqs:SendMessage']));
    assert.equal(r.title, 'Scope Resource to 2 ARN templates');
    assert.ok(r.fixed!.includes('"arn:aws:sqs:us-east-1:123456789012:QUEUE_NAME"'));
  });

  test('"*" inside a list keeps the other entries', () => {
    const r = scoped(json('dynamodb:GetItem', ['*', 'arn:aws:dynamodb:us-east-1:123456789012:table/T']));
    assert.ok(r.fixed!.includes('"arn:aws:dynamodb:us-east-1:123456789012:table/T"'));
    assert.ok(r.fixed!.includes('"arn:aws:dynamodb:us-east-1:123456789012:table/TABLE_NAME"'));
  });

  test('YAML', () => {
    const r = scoped(
      YAML_DOC.replace("'arn:aws:sqs:us-east-1:123456789012:q'", "'*'").replace("'sqs:*'", 'sqs:SendMessage'),
      'template.yaml',
    );
    assert.ok(r.fixed!.includes("Resource:\n              - 'arn:aws:sqs:us-east-1:123456789012:QUEUE_NAME'"), r.fixed);
  });

  test("no fix when an action supports only '*' (it would stop working)", () => {
    assert.equal(scoped(json(['s3:GetObject', 's3:ListAllMyBuckets'])).title, undefined);
    assert.equal(scoped(json('*')).title, undefined);
  });
});
