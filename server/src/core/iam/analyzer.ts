// The IAM analyzer: finds the policies of a document and runs every applicable rule of the registry on each.
import type { Analyzer, AnalysisContext, ParsedDocument } from '../analyzer';
import { runRules } from '../engine';
import { internalError, syntaxFinding } from '../syntax/rules';
import { roots } from '../syntax/tree';
import type { AnalysisOptions, CompletionEntry, Finding, HoverResult } from '../types';
import { iamComplete } from './complete';
import { iamHover } from './hover';
import type { IamData } from './data';
import { extractPolicies } from './extract';
import { IamFacts } from './facts';
import type { Policy } from './model';
import { isPolicyDocument } from './policy';
import type { IamRule, IamRuleContext } from './rule';
import { iamRules } from './rules/index';

/** Runs `rules` over already extracted policies with the core's rule engine (exported for rule tests and benchmarks). */
export function runIamRules(
  policies: readonly Policy[],
  data: IamData,
  text: string,
  options: AnalysisOptions,
  rules: readonly IamRule[] = iamRules,
): Finding[] {
  // One IamFacts for the whole document: every rule and every policy share its answers.
  const facts = new IamFacts(data);
  return runRules<Policy, IamRuleContext, IamRule>({
    rules,
    subjects: policies,
    options,
    textLength: text.length,
    context: (policy, report) => ({ policy, data, facts, text, report }),
    applies: (rule, policy) => !rule.appliesTo || rule.appliesTo.includes(policy.kind),
    describe: (policy) => ({ name: policy.origin, span: policy.node.span }),
  });
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
