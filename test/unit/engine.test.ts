// The rule engine shared by the IAM and DynamoDB rules: ids and severities, user levels, spans kept inside the
// document, and a rule that throws becoming one INTERNAL_ERROR finding in both domains, never silence.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeTables } from '../../server/src/core/dynamodb/analyzer';
import type { DdbRule } from '../../server/src/core/dynamodb/rule';
import { type Rule, applyLevels, clampSpan, runRules, type Report } from '../../server/src/core/engine';
import { runIamRules } from '../../server/src/core/iam/analyzer';
import type { IamData } from '../../server/src/core/iam/data';
import { extractPolicies } from '../../server/src/core/iam/extract';
import type { IamRule } from '../../server/src/core/iam/rule';
import { parseDocument } from '../../server/src/core/syntax/parse';
import type { AnalysisOptions, Finding, Span } from '../../server/src/core/types';

interface Box {
  readonly name: string;
  readonly span: Span;
}
interface BoxContext {
  readonly box: Box;
  readonly report: Report;
}
type BoxRule = Rule<BoxContext>;

const boxes: Box[] = [
  { name: 'one', span: { start: 0, end: 3 } },
  { name: 'two', span: { start: 4, end: 7 } },
];

function boxRule(id: string, check: BoxRule['check']): BoxRule {
  return { id, domain: 'iam', defaultSeverity: 'warning', title: `${id} test rule.`, check };
}

function run(rules: readonly BoxRule[], options: AnalysisOptions = {}, textLength = 7): Finding[] {
  return runRules<Box, BoxContext, BoxRule>({
    rules,
    subjects: boxes,
    options,
    textLength,
    context: (box, report) => ({ box, report }),
    describe: (box) => ({ name: `box ${box.name}`, span: box.span }),
  });
}

const boom = boxRule('A_BOOM', (c) => {
  if (c.box.name === 'two') throw new Error('kaput');
});
const seen = boxRule('B_SEEN', (c) => c.report({ message: `seen ${c.box.name}`, span: c.box.span }));
const rows = (findings: readonly Finding[]) => findings.map((f) => [f.ruleId, f.severity, f.message, f.span.start]);

describe('runRules', () => {
  it('turns each throw into one INTERNAL_ERROR finding on the subject and runs the other rules', () => {
    assert.deepEqual(rows(run([boom, seen])), [
      ['B_SEEN', 'warning', 'seen one', 0],
      ['INTERNAL_ERROR', 'info', 'Rule A_BOOM (box two) failed: kaput', 4],
      ['B_SEEN', 'warning', 'seen two', 4],
    ]);
  });

  it('applies user levels to rule findings and to the internal errors, and skips rules that are off', () => {
    let ran = 0;
    const counting = boxRule('C_COUNT', () => void ran++);
    const found = run([boom, seen, counting], { rules: { B_SEEN: 'error', INTERNAL_ERROR: 'hint', C_COUNT: 'off' } });
    assert.deepEqual(
      found.map((f) => [f.ruleId, f.severity]),
      [
        ['B_SEEN', 'error'],
        ['INTERNAL_ERROR', 'hint'],
        ['B_SEEN', 'error'],
      ],
    );
    assert.equal(ran, 0);
    assert.deepEqual(rows(run([boom], { rules: { INTERNAL_ERROR: 'off' } })), []);
  });

  it('keeps a reported severity unless the user set a level, and clamps spans into the document', () => {
    const loud = boxRule('D_LOUD', (c) => c.report({ message: 'x', span: { start: 5, end: 99 }, severity: 'error' }));
    assert.deepEqual(
      run([loud], {}, 6).map((f) => [f.severity, f.span]),
      [
        ['error', { start: 5, end: 6 }],
        ['error', { start: 5, end: 6 }],
      ],
    );
    assert.deepEqual(
      run([loud], { rules: { D_LOUD: 'info' } }).map((f) => f.severity),
      ['info', 'info'],
    );
  });

  it('ignores reports made after the run by a rule that kept its context', () => {
    let kept: BoxContext | undefined;
    const keeper = boxRule('E_KEEP', (c) => void (kept = c));
    const found = run([keeper]);
    kept!.report({ message: 'late', span: { start: 0, end: 0 } });
    assert.deepEqual(found, []);
  });
});

describe('levels and spans', () => {
  it('applyLevels drops what is off and re-levels the rest', () => {
    const f: Finding = { ruleId: 'X', severity: 'warning', message: 'm', span: { start: 0, end: 1 } };
    assert.deepEqual(applyLevels([f], { rules: { X: 'off' } }), []);
    assert.deepEqual(
      applyLevels([f], { rules: { X: 'error' } }).map((g) => g.severity),
      ['error'],
    );
    assert.equal(applyLevels([f], {})[0], f);
  });

  it('builds fixes handed over as a function only when fixes are wanted, and an empty list means none', () => {
    let built = 0;
    const lazy = boxRule('C_LAZY', (c) =>
      c.report({
        message: `lazy ${c.box.name}`,
        span: c.box.span,
        fixes: () => {
          built++;
          return c.box.name === 'one' ? [{ title: 'Fix one', edits: [] }] : [];
        },
      }),
    );
    const wanted = run([lazy]);
    assert.equal(built, 2);
    assert.deepEqual(wanted[0]?.fixes, [{ title: 'Fix one', edits: [] }]);
    assert.equal('fixes' in wanted[1]!, false);
    const unwanted = run([lazy], { fixes: false });
    assert.equal(built, 2, 'no fix built when fixes are not wanted');
    assert.deepEqual(rows(unwanted), rows(wanted));
    assert.ok(unwanted.every((f) => !('fixes' in f)));
    // Fixes given as a list stay as they are.
    const eager = boxRule('D_EAGER', (c) =>
      c.report({ message: 'eager', span: c.box.span, fixes: [{ title: 'Now', edits: [] }] }),
    );
    assert.deepEqual(run([eager], { fixes: false })[0]?.fixes, [{ title: 'Now', edits: [] }]);
  });

  it('clampSpan returns the same span when it fits', () => {
    const span = { start: 1, end: 2 };
    assert.equal(clampSpan(span, 5), span);
    assert.deepEqual(clampSpan({ start: -3, end: 9 }, 5), { start: 0, end: 5 });
    assert.deepEqual(clampSpan({ start: 7, end: 2 }, 5), { start: 5, end: 5 });
  });
});

describe('a throwing rule in each domain', () => {
  it('IAM: one INTERNAL_ERROR per policy the rule fails on', () => {
    const text =
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}';
    const policies = extractPolicies(parseDocument({ uri: 'p.json', text })).policies;
    const noData: IamData = { updatedAt: '', version: 'test', services: new Map(), globalConditionKeys: new Map() };
    const throwing: IamRule = {
      id: 'IAM_BOOM',
      domain: 'iam',
      defaultSeverity: 'warning',
      title: 'Throws.',
      check: () => {
        throw new Error('iam kaput');
      },
    };
    assert.deepEqual(rows(runIamRules(policies, noData, text, {}, [throwing])), [
      ['INTERNAL_ERROR', 'info', 'Rule IAM_BOOM (policy file) failed: iam kaput', 0],
    ]);
  });

  it('DynamoDB: one INTERNAL_ERROR per table, on its name, and the other rules still report', () => {
    const text = JSON.stringify({
      TableName: 'Orders',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    });
    const doc = parseDocument({ uri: 'file:///t/orders.json', text });
    const throwing: DdbRule = {
      id: 'DDB_BOOM',
      domain: 'dynamodb',
      defaultSeverity: 'warning',
      title: 'Throws.',
      check: () => {
        throw new TypeError('ddb kaput');
      },
    };
    const naming: DdbRule = {
      id: 'DDB_NAME',
      domain: 'dynamodb',
      defaultSeverity: 'hint',
      title: 'Names the table.',
      check: (c) => c.report({ message: `table ${c.table.name}`, span: c.table.nameSpan }),
    };
    const { findings } = analyzeTables(doc, { options: {} }, [throwing, naming]);
    const nameAt = text.indexOf('"Orders"');
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.message, text.slice(f.span.start, f.span.end).replace(/"/g, '')]),
      [
        ['INTERNAL_ERROR', 'Rule DDB_BOOM (table Orders) failed: ddb kaput', 'Orders'],
        ['DDB_NAME', 'table Orders', 'Orders'],
      ],
    );
    assert.ok(findings[0]!.span.start >= nameAt);
  });
});
