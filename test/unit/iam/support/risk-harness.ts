// Test harness of the IAM risk rules: parse a document in any host format, extract its policies, run one rule, and
// compare with a table of expected findings (count, severity, message pattern, and the exact text squiggled).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IamRule } from '../../../../server/src/core/iam/rule';
import type { Finding, Fix, Severity } from '../../../../server/src/core/types';
import { applyEdits, findingsOf } from './harness';

// The document builders live with the base harness; risk rule tests import them from here too.
export { CFN_ROLE_TRUST, cfnPolicy, tfTrust } from './harness';
export type { CfnHolder } from './harness';

export interface Expected {
  /** The text the finding's span covers (quotes included for JSON strings), e.g. '"iam:PassRole"'. */
  readonly at?: string;
  readonly severity?: Severity;
  readonly message?: RegExp;
}

export interface Case {
  readonly name: string;
  readonly text: string;
  /** File name, which selects the format: policy.json (default), template.yaml, main.tf. */
  readonly uri?: string;
  /** Expected findings of the rule under test, in document order; empty for a valid case. */
  readonly expect?: readonly Expected[];
}

/** Findings of one rule, in document order (the same pipeline as the validity harness). */
export function runRule(rule: IamRule, text: string, uri = 'policy.json'): Finding[] {
  return findingsOf(rule, text, uri);
}

/** JSON policy text from statements: `policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' })`. */
export function policy(...statements: readonly Record<string, unknown>[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

/** Registers one node:test per case: valid cases expect no finding of the rule, invalid ones exactly `expect`. */
export function ruleTable(
  rule: IamRule,
  cases: { readonly valid: readonly Case[]; readonly invalid: readonly Case[] },
): void {
  for (const c of cases.valid) {
    test(`${rule.id} valid: ${c.name}`, () => {
      const findings = runRule(rule, c.text, c.uri);
      assert.deepEqual(
        findings.map((f) => f.message),
        [],
        `expected no ${rule.id} finding`,
      );
    });
  }
  for (const c of cases.invalid) {
    test(`${rule.id} invalid: ${c.name}`, () => {
      const findings = runRule(rule, c.text, c.uri);
      const expected = c.expect ?? [{}];
      assert.equal(findings.length, expected.length, findings.map((f) => f.message).join('\n'));
      expected.forEach((e, i) => {
        const f = findings[i]!;
        assert.equal(f.ruleId, rule.id);
        assert.ok(!f.message.includes('\n'), 'messages are one line');
        assert.ok(f.span.start >= 0 && f.span.end <= c.text.length && f.span.start <= f.span.end, 'span inside');
        if (e.at !== undefined) assert.equal(c.text.slice(f.span.start, f.span.end), e.at);
        assert.equal(f.severity, e.severity ?? rule.defaultSeverity);
        if (e.message) assert.match(f.message, e.message);
      });
    });
  }
}

/** The text after applying every edit of a fix (edits never overlap; apply from the end). */
export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}
