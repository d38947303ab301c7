// Table-driven runner shared by the per-rule tests: each case is a document and what the rule must say.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Severity } from '../../../../server/src/core/types';
import { type Doc, findingsOf } from '../helpers';

export interface Case {
  readonly name: string;
  readonly doc: Doc;
  /** Number of findings of the rule. */
  readonly count: number;
  readonly severity?: Severity;
  /** Substrings every finding's message (joined) must contain. */
  readonly includes?: readonly string[];
  /** Titles (substrings) of fixes the first finding must offer. */
  readonly fixes?: readonly string[];
}

export function runCases(ruleId: string, cases: readonly Case[]): void {
  for (const c of cases) {
    test(`${ruleId}: ${c.name}`, () => {
      const found = findingsOf(c.doc, ruleId);
      assert.equal(found.length, c.count, found.map((f) => f.message).join('\n') || '(no findings)');
      if (c.severity) for (const f of found) assert.equal(f.severity, c.severity, f.message);
      const text = found.map((f) => f.message).join('\n');
      for (const s of c.includes ?? []) assert.ok(text.includes(s), `expected "${s}" in:\n${text}`);
      for (const title of c.fixes ?? []) {
        const titles = (found[0]?.fixes ?? []).map((f) => f.title);
        assert.ok(
          titles.some((t) => t.includes(title)),
          `expected fix "${title}" in ${JSON.stringify(titles)}`,
        );
      }
      for (const f of found) {
        assert.ok(f.span.start >= 0 && f.span.end <= c.doc.text.length && f.span.start <= f.span.end, 'span in bounds');
        assert.ok(f.message.includes('https://docs.aws.amazon.com/'), `cites AWS: ${f.message}`);
      }
    });
  }
}
