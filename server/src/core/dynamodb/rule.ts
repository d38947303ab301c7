// What one DynamoDB rule is. Each rule lives in rules/<RULE_ID>.ts, is listed in rules/index.ts (sorted by id),
// has a table-driven test in test/unit/dynamodb/rules/<RULE_ID>.test.ts and a docs page docs/rules/<RULE_ID>.md.
// The core's rule engine (core/engine.ts) runs them: see analyzeTables in analyzer.ts.
import type { ParsedDocument } from '../analyzer';
import type { Report, Rule } from '../engine';
import type { TableEvidence } from './evidence/bind';
import type { TableDef } from './model';

export interface DdbRuleContext {
  readonly table: TableDef;
  /** Every table of the document (for cross-table checks). */
  readonly tables: readonly TableDef[];
  readonly doc: Pick<ParsedDocument, 'text' | 'format' | 'uri'>;
  readonly evidence: TableEvidence;
  /** Records a finding; severity defaults to the rule's default and is re-levelled by the caller's options. */
  readonly report: Report;
}

export interface DdbRule extends Rule<DdbRuleContext> {
  readonly domain: 'dynamodb';
}
