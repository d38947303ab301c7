// What one IAM rule is. Each rule lives in rules/<RULE_ID>.ts, is listed in rules/index.ts (sorted by id),
// has a table-driven test in test/unit/iam/rules/<RULE_ID>.test.ts and a docs page docs/rules/<RULE_ID>.md.
// The core's rule engine (core/engine.ts) runs them: see runIamRules in analyzer.ts.
import type { Report, Rule } from '../engine';
import type { IamData } from './data';
import type { IamFacts } from './facts';
import type { Policy, PolicyKind } from './model';

export interface IamRuleContext {
  readonly policy: Policy;
  readonly data: IamData;
  /** Answers shared by every rule of this analysis (ARN checks, action expansions, template matches), computed once. */
  readonly facts: IamFacts;
  /** The whole document text (for fixes that need to look around a span). */
  readonly text: string;
  /** Records a finding; severity defaults to the rule's default and is re-levelled by the caller's options. */
  readonly report: Report;
}

export interface IamRule extends Rule<IamRuleContext> {
  readonly domain: 'iam';
  /** Policy kinds the rule applies to; all when absent. */
  readonly appliesTo?: readonly PolicyKind[];
}
