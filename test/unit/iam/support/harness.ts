// Table-driven rule tests: each case is a policy document (JSON text, or an object written as JSON, or YAML/HCL text
// with a matching uri) that goes through the real parser and extractor, then through one rule. Fix cases apply the
// named quick fix, re-parse the result (it must stay valid) and check that the finding is gone.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runIamRules } from '../../../../server/src/core/iam/analyzer';
import { extractPolicies } from '../../../../server/src/core/iam/extract';
import type { Policy } from '../../../../server/src/core/iam/model';
import type { IamRule } from '../../../../server/src/core/iam/rule';
import { parseDocument } from '../../../../server/src/core/syntax/parse';
import type { Finding, Fix, TextEdit } from '../../../../server/src/core/types';
import { iamData } from './data';

export interface RuleCase {
  readonly name: string;
  /** Policy text, or a value written out as indented JSON. */
  readonly doc: string | object;
  readonly uri?: string;
  /** One substring per expected finding, in document order; [] for a valid document. */
  readonly expect: readonly string[];
  /** Apply the fix whose title contains this text (of the first finding), then check the result. */
  readonly fix?: string;
  /** Text the fixed document must contain. */
  readonly fixed?: string;
  /** Expected severity of the findings, when it is not the rule's default. */
  readonly severity?: string;
}

export function textOf(doc: string | object): string {
  return typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2);
}

/** The policies the real parser and extractor find in a document; the file name selects the format. */
export function policiesOf(text: string, uri = 'policy.json'): readonly Policy[] {
  return extractPolicies(parseDocument({ uri, text })).policies;
}

/** Findings of one rule, in document order. */
export function findingsOf(rule: IamRule, text: string, uri = 'policy.json'): Finding[] {
  const policies = policiesOf(text, uri);
  return runIamRules(policies, iamData(), text, {}, [rule]).sort((a, b) => a.span.start - b.span.start);
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

export function syntaxProblems(text: string, uri = 'policy.json'): string[] {
  const parsed = parseDocument({ uri, text });
  const embedded = extractPolicies(parsed).problems;
  return [...parsed.parse.problems, ...embedded].map((p) => p.message);
}

/** Applies a fix and checks that the document still parses and that the finding disappeared. */
export function checkFix(rule: IamRule, text: string, uri: string, finding: Finding, fix: Fix): string {
  const fixed = applyEdits(text, fix.edits);
  assert.deepEqual(syntaxProblems(fixed, uri), [], `fix "${fix.title}" broke the document:\n${fixed}`);
  const after = findingsOf(rule, fixed, uri).filter((f) => f.message === finding.message);
  assert.equal(after.length, 0, `finding still there after "${fix.title}":\n${fixed}`);
  return fixed;
}

export function ruleTable(rule: IamRule, cases: readonly RuleCase[]): void {
  describe(rule.id, () => {
    for (const c of cases) {
      test(c.name, () => {
        const text = textOf(c.doc);
        const uri = c.uri ?? 'policy.json';
        assert.deepEqual(syntaxProblems(text, uri), [], 'the test document itself must parse');
        const findings = findingsOf(rule, text, uri);
        assert.equal(
          findings.length,
          c.expect.length,
          `expected ${c.expect.length} finding(s), got: ${JSON.stringify(findings.map((f) => f.message))}`,
        );
        c.expect.forEach((want, i) => {
          const f = findings[i]!;
          assert.ok(f.message.includes(want), `finding ${i}: "${f.message}" should include "${want}"`);
          assert.equal(f.ruleId, rule.id);
          assert.equal(f.severity, c.severity ?? rule.defaultSeverity);
          assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end, 'span in document');
          assert.ok(!f.message.includes('\n'), 'one-line message');
        });
        if (c.fix !== undefined) {
          const f = findings[0];
          assert.ok(f, 'a finding to fix');
          const fix = f.fixes?.find((x) => x.title.includes(c.fix!));
          assert.ok(fix, `fix "${c.fix}" among ${JSON.stringify(f.fixes?.map((x) => x.title))}`);
          const fixed = checkFix(rule, text, uri, f, fix);
          if (c.fixed) assert.ok(fixed.includes(c.fixed), `fixed text should include ${c.fixed}:\n${fixed}`);
        }
      });
    }
  });
}

/** A one-statement identity policy. */
export function policy(statement: object | object[], extra: object = {}): object {
  return { Version: '2012-10-17', ...extra, Statement: Array.isArray(statement) ? statement : [statement] };
}

/** Where a CloudFormation template keeps its policy document: the resource, its type and the property. */
export interface CfnHolder {
  /** Logical id of the resource; default 'P'. */
  readonly id?: string;
  /** Default 'AWS::IAM::ManagedPolicy'. */
  readonly type?: string;
  /** The property holding the document; default 'PolicyDocument'. */
  readonly property?: string;
  /** Further property lines (relative to the Properties block) before and after the document. */
  readonly before?: readonly string[];
  readonly after?: readonly string[];
}

/** The holder of a role's trust policy. */
export const CFN_ROLE_TRUST: CfnHolder = { id: 'R', type: 'AWS::IAM::Role', property: 'AssumeRolePolicyDocument' };

/**
 * YAML text of a CloudFormation template (use with uri 'template.yaml') with one policy document. `statement` is the
 * YAML of the Statement list written from column 0, e.g. `['- Effect: Allow', "  Action: '*'", "  Resource: '*'"]`.
 */
export function cfnPolicy(statement: readonly string[], holder: CfnHolder = {}): string {
  const props = (lines: readonly string[] = []): string[] => lines.map((l) => `      ${l}`);
  return [
    'Resources:',
    `  ${holder.id ?? 'P'}:`,
    `    Type: ${holder.type ?? 'AWS::IAM::ManagedPolicy'}`,
    '    Properties:',
    ...props(holder.before),
    `      ${holder.property ?? 'PolicyDocument'}:`,
    "        Version: '2012-10-17'",
    '        Statement:',
    ...statement.map((l) => `          ${l}`),
    ...props(holder.after),
  ].join('\n');
}

/**
 * Terraform text (use with uri 'main.tf') of an aws_iam_policy_document "trust" used as a role's trust policy: one
 * sts:AssumeRole statement per entry, trusting those AWS identifiers (written as HCL strings, `${…}` kept verbatim).
 */
export function tfTrust(...statements: readonly (readonly string[])[]): string {
  return [
    'data "aws_iam_policy_document" "trust" {',
    ...statements.flatMap((identifiers) => [
      '  statement {',
      '    actions = ["sts:AssumeRole"]',
      '    principals {',
      '      type        = "AWS"',
      `      identifiers = [${identifiers.map((i) => `"${i}"`).join(', ')}]`,
      '    }',
      '  }',
    ]),
    '}',
    'resource "aws_iam_role" "r" {',
    '  assume_role_policy = data.aws_iam_policy_document.trust.json',
    '}',
  ].join('\n');
}

/** `cfnPolicy` as a whole file, ending with a newline like a saved template. */
export function cfnFile(statement: readonly string[], holder: CfnHolder = {}): string {
  return `${cfnPolicy(statement, holder)}\n`;
}
