// Property tests of the IAM analysis: random and mutated policies in all three host formats never make the analysis
// throw or report an internal error, every range stays inside the document, and the risk rules keep their promises
// (Deny is never over-privilege; computed values are never wildcards).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyzeDocument } from '../../../server/src/core/analyze';
import type { AnalysisContext } from '../../../server/src/core/analyzer';
import type { Finding } from '../../../server/src/core/types';
import { iamData } from '../iam/support/data';
import {
  type GenPolicy,
  type GenStatement,
  type HostFormat,
  URI,
  mutate,
  mutationArb,
  policyArb,
  render,
} from './iam-gen';

const data = iamData();
const ctx: AnalysisContext = { iamData: () => data, options: {} };
const FORMATS: readonly HostFormat[] = ['json', 'yaml', 'hcl'];
/** A sanity bound, not a performance gate (the benchmark measures): no document may take this long. */
const MAX_MS_PER_DOCUMENT = 2000;
const RUNS = Number(process.env.LCL_PROPERTY_RUNS ?? 120);

/** The risk rules that judge over-privilege (PUBLIC_PRINCIPAL and CROSS_ACCOUNT_TRUST judge principals). */
const OVER_PRIVILEGE = new Set([
  'FULL_ADMIN',
  'SERVICE_WILDCARD',
  'RESOURCE_STAR',
  'NOT_ACTION_WITH_ALLOW',
  'NOT_RESOURCE_WITH_ALLOW',
  'PRIVILEGE_ESCALATION',
  'DATA_EXFILTRATION',
  'CREDENTIALS_EXPOSURE',
  'PERMISSIONS_MANAGEMENT',
  'WRITE_WITHOUT_CONSTRAINTS',
  'PASS_ROLE_WITH_STAR_IN_RESOURCE',
  'PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE',
  'CREATE_SLR_WITH_STAR_IN_RESOURCE',
  'PUBLIC_PRINCIPAL',
  'CROSS_ACCOUNT_TRUST',
]);
/** Rules whose finding needs a literal wildcard resource (or NotResource/NotAction). */
const NEEDS_WIDE_RESOURCE = new Set([
  'FULL_ADMIN',
  'RESOURCE_STAR',
  'PRIVILEGE_ESCALATION',
  'DATA_EXFILTRATION',
  'CREDENTIALS_EXPOSURE',
  'PERMISSIONS_MANAGEMENT',
  'WRITE_WITHOUT_CONSTRAINTS',
  'PASS_ROLE_WITH_STAR_IN_RESOURCE',
  'PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE',
  'CREATE_SLR_WITH_STAR_IN_RESOURCE',
]);

function inside(span: { start: number; end: number }, length: number): boolean {
  return (
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start <= span.end &&
    span.end <= length
  );
}

function check(text: string, format: HostFormat): readonly Finding[] {
  const started = performance.now();
  const { findings } = analyzeDocument({ uri: URI[format], text }, ctx);
  const elapsed = performance.now() - started;
  assert.ok(elapsed < MAX_MS_PER_DOCUMENT, `took ${elapsed.toFixed(0)} ms`);
  const internal = findings.filter((f) => f.ruleId === 'INTERNAL_ERROR');
  assert.deepEqual(
    internal.map((f) => f.message),
    [],
    'no rule or parser may fail',
  );
  for (const f of findings) {
    assert.ok(inside(f.span, text.length), `${f.ruleId} span ${JSON.stringify(f.span)} outside 0..${text.length}`);
    assert.ok(!f.message.includes('\n'), `${f.ruleId} message is one line`);
    for (const r of f.related ?? []) assert.ok(inside(r.span, text.length), `${f.ruleId} related span`);
    for (const fix of f.fixes ?? [])
      for (const e of fix.edits) assert.ok(inside(e.span, text.length), `${f.ruleId} fix edit`);
  }
  return findings;
}

function withStatements(p: GenPolicy, map: (s: GenStatement) => GenStatement): GenPolicy {
  return { ...p, statements: p.statements.map(map) };
}

describe('IAM analysis properties', () => {
  for (const format of FORMATS) {
    test(`${format}: random policies never throw and every range lies inside the document`, () => {
      fc.assert(
        fc.property(policyArb, (p) => {
          check(render(p, format), format);
        }),
        { numRuns: RUNS },
      );
    });

    test(`${format}: mutated policies (broken syntax) never throw and every range lies inside the document`, () => {
      fc.assert(
        fc.property(policyArb, mutationArb, (p, edits) => {
          check(mutate(render(p, format), edits), format);
        }),
        { numRuns: RUNS },
      );
    });
  }

  test('Deny statements are never reported as over-privilege, whatever they hold', () => {
    fc.assert(
      fc.property(policyArb, fc.constantFrom<HostFormat>(...FORMATS), (p, format) => {
        const denied = withStatements(p, (s) => ({ ...s, Effect: 'Deny' }));
        const risky = check(render(denied, format), format).filter((f) => OVER_PRIVILEGE.has(f.ruleId));
        assert.deepEqual(
          risky.map((f) => `${f.ruleId}: ${f.message}`),
          [],
        );
      }),
      { numRuns: RUNS },
    );
  });

  test('computed resources are never wildcards: with every Resource computed, no rule needing a wide resource fires', () => {
    fc.assert(
      fc.property(policyArb, fc.constantFrom<HostFormat>('json', 'yaml', 'hcl'), (p, format) => {
        const computed = withStatements(p, (s) => {
          const { NotResource: _nr, NotAction: _na, ...rest } = s;
          return { ...rest, Resource: { computed: 'getatt', name: 'Bucket' } };
        });
        const risky = check(render(computed, format), format).filter((f) => NEEDS_WIDE_RESOURCE.has(f.ruleId));
        assert.deepEqual(
          risky.map((f) => `${f.ruleId}: ${f.message}`),
          [],
        );
      }),
      { numRuns: RUNS },
    );
  });

  test('the generators reach the risk rules (the properties above are not vacuous)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(policyArb, (p) => {
        for (const f of check(render(p, 'json'), 'json')) seen.add(f.ruleId);
      }),
      { numRuns: 300, seed: 42 },
    );
    const reached = [...OVER_PRIVILEGE].filter((id) => seen.has(id));
    assert.ok(reached.length >= 10, `risk rules reached: ${reached.join(', ')}`);
  });
});
