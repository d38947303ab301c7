import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allRules, analyzeDocument, compareFindings } from '../../../server/src/core/analyze';
import type { AnalysisContext } from '../../../server/src/core/analyzer';
import { runIamRules } from '../../../server/src/core/iam/analyzer';
import type { IamData } from '../../../server/src/core/iam/data';
import { extractPolicies } from '../../../server/src/core/iam/extract';
import type { IamRule } from '../../../server/src/core/iam/rule';
import { iamRules } from '../../../server/src/core/iam/rules/index';
import { parseDocument } from '../../../server/src/core/syntax/parse';

const noData: IamData = {
  updatedAt: '2026-01-01',
  version: 'test',
  services: new Map(),
  globalConditionKeys: new Map(),
};
const ctx = (options: AnalysisContext['options'] = {}, iamData: () => IamData = () => noData): AnalysisContext => ({
  iamData,
  options,
});

const POLICY =
  '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}';

function rule(id: string, check: IamRule['check'], extra: Partial<IamRule> = {}): IamRule {
  return { id, domain: 'iam', defaultSeverity: 'warning', title: `${id} test rule.`, check, ...extra };
}

describe('analyzeDocument', () => {
  it('turns syntax problems into findings of the format’s rule, sorted by position', () => {
    const { findings, parsed } = analyzeDocument({ uri: 'a.json', text: '{"a": [1,], "b" 2}' }, ctx());
    assert.equal(parsed.format, 'json');
    assert.ok(findings.length >= 2);
    assert.ok(findings.every((f) => f.ruleId === 'JSON_SYNTAX_ERROR' && f.severity === 'error'));
    assert.deepEqual([...findings].sort(compareFindings), findings);
    const yaml = analyzeDocument({ uri: 'a.yaml', text: 'a: [1,\n' }, ctx()).findings;
    assert.ok(yaml.some((f) => f.ruleId === 'YAML_SYNTAX_ERROR'));
    const hcl = analyzeDocument({ uri: 'a.tf', text: 'resource "a" "b" {\n' }, ctx()).findings;
    assert.ok(hcl.some((f) => f.ruleId === 'HCL_SYNTAX_ERROR'));
  });

  it('applies rule levels: off drops, a severity re-levels', () => {
    const text = '{"a": [1,]}';
    assert.deepEqual(
      analyzeDocument({ uri: 'a.json', text }, ctx({ rules: { JSON_SYNTAX_ERROR: 'off' } })).findings,
      [],
    );
    const hinted = analyzeDocument({ uri: 'a.json', text }, ctx({ rules: { JSON_SYNTAX_ERROR: 'hint' } })).findings;
    assert.deepEqual(
      hinted.map((f) => f.severity),
      ['hint'],
    );
  });

  it('reports IAM data that cannot load as one INTERNAL_ERROR instead of throwing', () => {
    const { findings } = analyzeDocument(
      { uri: 'p.json', text: POLICY },
      ctx({}, () => {
        throw new Error('Loading IAM data failed: missing');
      }),
    );
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.message]),
      [['INTERNAL_ERROR', 'info', 'Loading the IAM data failed: Loading IAM data failed: missing']],
    );
  });

  it('keeps every finding span inside the document', () => {
    for (const text of ['', '{', POLICY, 'Statement: [', 'resource "x" {']) {
      for (const uri of ['x.json', 'x.yaml', 'x.tf']) {
        for (const f of analyzeDocument({ uri, text }, ctx()).findings) {
          assert.ok(0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= text.length, JSON.stringify(f));
        }
      }
    }
  });
});

describe('runIamRules', () => {
  const policies = extractPolicies(parseDocument({ uri: 'p.json', text: POLICY })).policies;

  it('turns a crashing rule into an INTERNAL_ERROR finding and runs the others', () => {
    const boom = rule('A_BOOM', () => {
      throw new Error('kaput');
    });
    const ok = rule('B_OK', (c) => c.report({ message: 'seen', span: c.policy.node.span }));
    const findings = runIamRules(policies, noData, POLICY, {}, [boom, ok]);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.message]),
      [
        ['INTERNAL_ERROR', 'info', 'Rule A_BOOM (policy file) failed: kaput'],
        ['B_OK', 'warning', 'seen'],
      ],
    );
  });

  it('respects appliesTo, explicit severities and user levels', () => {
    const trustOnly = rule('T', (c) => c.report({ message: 't', span: c.policy.node.span }), { appliesTo: ['trust'] });
    const explicit = rule('E', (c) => c.report({ message: 'e', span: c.policy.node.span, severity: 'error' }));
    assert.deepEqual(
      runIamRules(policies, noData, POLICY, {}, [trustOnly, explicit]).map((f) => [f.ruleId, f.severity]),
      [['E', 'error']],
    );
    assert.deepEqual(
      runIamRules(policies, noData, POLICY, { rules: { E: 'info' } }, [explicit]).map((f) => f.severity),
      ['info'],
    );
    assert.deepEqual(runIamRules(policies, noData, POLICY, { rules: { E: 'off' } }, [explicit]), []);
  });
});

describe('allRules', () => {
  it('lists syntax and IAM rule metadata, sorted by id, without behaviour', () => {
    const rules = allRules();
    const ids = rules.map((r) => r.id);
    assert.deepEqual(ids, [...ids].sort());
    for (const id of ['JSON_SYNTAX_ERROR', 'YAML_SYNTAX_ERROR', 'HCL_SYNTAX_ERROR', 'INTERNAL_ERROR'])
      assert.ok(ids.includes(id));
    for (const r of iamRules) assert.ok(ids.includes(r.id), r.id);
    assert.ok(rules.every((r) => Object.keys(r).sort().join() === 'defaultSeverity,domain,id,title'));
  });
});
