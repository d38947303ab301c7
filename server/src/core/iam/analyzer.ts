// The IAM analyser: finds the policies of a document and runs every applicable rule of the registry on each.
import type { Analyzer, AnalysisContext, ParsedDocument } from '../analyzer';
import { internalError, syntaxFinding } from '../syntax/rules';
import { roots } from '../syntax/tree';
import type { AnalysisOptions, CompletionEntry, Finding, HoverResult, Severity } from '../types';
import { iamComplete } from './complete';
import { iamHover } from './hover';
import type { IamData } from './data';
import { extractPolicies } from './extract';
import { IamFacts } from './facts';
import type { Policy } from './model';
import { isPolicyDocument } from './policy';
import type { IamRule, IamRuleContext } from './rule';
import { iamRules } from './rules/index';

/** Runs `rules` over already extracted policies (exported for rule tests and benchmarks). */
export function runIamRules(
  policies: readonly Policy[],
  data: IamData,
  text: string,
  options: AnalysisOptions,
  rules: readonly IamRule[] = iamRules,
): Finding[] {
  const findings: Finding[] = [];
  const facts = new IamFacts(data);
  // One context per policy and one report function for the whole run (rules are synchronous): `current` says
  // which rule is reporting and at which level, so nothing is allocated per rule.
  const current: { rule: IamRule; level: Severity | undefined } = { rule: rules[0]!, level: undefined };
  const report: IamRuleContext['report'] = (f) => {
    const severity: Severity = current.level ?? f.severity ?? current.rule.defaultSeverity;
    findings.push({ ...f, ruleId: current.rule.id, severity });
  };
  for (const policy of policies) {
    const ctx: IamRuleContext = { policy, data, facts, text, report };
    for (const rule of rules) {
      const level = options.rules?.[rule.id];
      if (level === 'off') continue;
      if (rule.appliesTo && !rule.appliesTo.includes(policy.kind)) continue;
      current.rule = rule;
      current.level = level;
      try {
        rule.check(ctx);
      } catch (e) {
        findings.push(internalError(`Rule ${rule.id} (${policy.origin})`, e, policy.node.span));
      }
    }
  }
  return findings;
}

export const iamAnalyzer: Analyzer = {
  domain: 'iam',
  applies(doc: ParsedDocument): boolean {
    if (doc.format === 'hcl') return doc.parse.root !== undefined;
    const keys = new Set(['Resources', 'PolicyVersion', 'Role']);
    return roots(doc.parse).some(
      (r) => isPolicyDocument(r) || (r.kind === 'object' && r.properties.some((p) => keys.has(p.key))),
    );
  },
  analyze(doc: ParsedDocument, ctx: AnalysisContext): readonly Finding[] {
    const { policies, problems } = extractPolicies(doc);
    const findings: Finding[] = problems.map((p) => syntaxFinding('json', p));
    if (policies.length === 0) return findings;
    let data: IamData;
    try {
      data = ctx.iamData();
    } catch (e) {
      findings.push(internalError('Loading the IAM data', e, policies[0]!.node.span));
      return findings;
    }
    findings.push(...runIamRules(policies, data, doc.text, ctx.options));
    return findings;
  },
  hover(doc: ParsedDocument, offset: number, ctx: AnalysisContext): HoverResult | undefined {
    try {
      const { policies } = extractPolicies(doc);
      return policies.length > 0 ? iamHover(policies, ctx.iamData(), offset) : undefined;
    } catch {
      return undefined; // a hover is never worth an error
    }
  },
  complete(doc: ParsedDocument, offset: number, ctx: AnalysisContext): readonly CompletionEntry[] {
    try {
      const { policies } = extractPolicies(doc);
      return policies.length > 0 ? iamComplete(policies, ctx.iamData(), doc.text, offset) : [];
    } catch {
      return [];
    }
  },
};
