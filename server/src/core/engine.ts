// The rule engine every domain runs its rules with (IAM over policies, DynamoDB over tables): one runner that gives
// each rule its id and severity, applies the user's rule levels, keeps spans inside the document and turns a rule
// that throws into one INTERNAL_ERROR finding, so a bug in one rule never hides the others or the document.
import { internalError } from './syntax/rules';
import type { AnalysisOptions, Finding, RuleLevel, RuleMeta, Severity, Span } from './types';

/**
 * What a rule reports: the runner adds the rule id and settles the severity (the rule's default when absent).
 * Fixes that cost something to build may come as a function: the runner calls it only when the caller wants fixes
 * (AnalysisOptions.fixes; the CLI prints none), and an empty list then means no fixes.
 */
export type Reported = Omit<Finding, 'ruleId' | 'severity' | 'fixes'> & {
  readonly severity?: Severity;
  readonly fixes?: Finding['fixes'] | (() => NonNullable<Finding['fixes']>);
};

/** Records a finding; severity defaults to the rule's default and is re-levelled by the user's options. */
export type Report = (finding: Reported) => void;

/** One rule: its metadata and a check over a domain's context (which carries `report`). */
export interface Rule<Context> extends RuleMeta {
  check(ctx: Context): void;
}

/** The level the user set for a rule, if any. */
export function levelOf(options: AnalysisOptions, ruleId: string): RuleLevel | undefined {
  return options.rules?.[ruleId];
}

/** A finding at the user's level for its rule: undefined when the rule is off, re-levelled when a level is set. */
export function leveled(finding: Finding, options: AnalysisOptions): Finding | undefined {
  const level = levelOf(options, finding.ruleId);
  if (level === 'off') return undefined;
  return level && level !== finding.severity ? { ...finding, severity: level } : finding;
}

/** Applies the user's rule levels to findings that did not come through `runRules` (syntax problems, evidence). */
export function applyLevels(findings: readonly Finding[], options: AnalysisOptions): Finding[] {
  if (!options.rules) return [...findings];
  const out: Finding[] = [];
  for (const f of findings) {
    const kept = leveled(f, options);
    if (kept) out.push(kept);
  }
  return out;
}

/** The span moved inside a document of `length` characters (the same object when it already is). */
export function clampSpan(span: Span, length: number): Span {
  const start = Math.max(0, Math.min(length, span.start));
  const end = Math.max(start, Math.min(length, span.end));
  return start === span.start && end === span.end ? span : { start, end };
}

/** One run of a domain's rules over the subjects of one document (its policies, its tables). */
export interface RuleRun<Subject, Context, R extends Rule<Context>> {
  readonly rules: readonly R[];
  readonly subjects: readonly Subject[];
  readonly options: AnalysisOptions;
  /** Length of the document text: reported spans are clamped into it. */
  readonly textLength: number;
  /** The context every rule checks one subject with; `report` records for whichever rule is running. */
  context(subject: Subject, report: Report): Context;
  /** Whether a rule looks at this subject at all (all of them when absent). */
  applies?(rule: R, subject: Subject): boolean;
  /** How an internal error names the subject, and where it points. */
  describe(subject: Subject): { readonly name: string; readonly span: Span };
}

/**
 * Runs every rule over every subject, in order. A rule the user turned off is not run; a rule that throws leaves one
 * INTERNAL_ERROR finding (`Rule <ID> (<subject>) failed: <reason>`) and the next rule runs. Never throws.
 */
export function runRules<Subject, Context, R extends Rule<Context>>(run: RuleRun<Subject, Context, R>): Finding[] {
  const findings: Finding[] = [];
  const { options, textLength } = run;
  // One context per subject and one report function for the whole run (rules are synchronous): `current` says
  // which rule is reporting and at which level, so nothing is allocated per rule.
  const current: { rule: R | undefined; level: Severity | undefined } = { rule: undefined, level: undefined };
  const wantFixes = options.fixes !== false;
  const report: Report = (f) => {
    const rule = current.rule;
    if (!rule) return; // a report after the run (a rule that kept its context) has no rule to speak for
    const severity: Severity = current.level ?? f.severity ?? rule.defaultSeverity;
    const { fixes, ...rest } = f;
    if (typeof fixes !== 'function') {
      findings.push({
        ...(f as Omit<Reported, 'fixes'> & Pick<Finding, 'fixes'>),
        span: clampSpan(f.span, textLength),
        ruleId: rule.id,
        severity,
      });
      return;
    }
    const built = wantFixes ? fixes() : [];
    findings.push({
      ...rest,
      ...(built.length ? { fixes: built } : {}),
      span: clampSpan(f.span, textLength),
      ruleId: rule.id,
      severity,
    });
  };
  // Each rule's level once per run, not once per subject.
  const levels = run.rules.map((rule) => levelOf(options, rule.id));
  for (const subject of run.subjects) {
    let ctx: Context;
    try {
      ctx = run.context(subject, report);
    } catch (e) {
      const where = run.describe(subject);
      pushLeveled(findings, internalError(`Analysis of ${where.name}`, e, clampSpan(where.span, textLength)), options);
      continue;
    }
    for (let i = 0; i < run.rules.length; i++) {
      const rule = run.rules[i]!;
      const level = levels[i];
      if (level === 'off') continue;
      if (run.applies && !run.applies(rule, subject)) continue;
      current.rule = rule;
      current.level = level;
      try {
        rule.check(ctx);
      } catch (e) {
        const where = run.describe(subject);
        const span = clampSpan(where.span, textLength);
        pushLeveled(findings, internalError(`Rule ${rule.id} (${where.name})`, e, span), options);
      }
    }
  }
  current.rule = undefined;
  return findings;
}

function pushLeveled(findings: Finding[], finding: Finding, options: AnalysisOptions): void {
  const kept = leveled(finding, options);
  if (kept) findings.push(kept);
}
