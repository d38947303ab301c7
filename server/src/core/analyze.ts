// The analysis driver shared by the language server and the CLI: parse a document, turn syntax problems into
// findings, run every applicable analyzer (each runs its rules with the rule engine, engine.ts), and return the
// findings at the user's levels, inside the document and sorted by position. Never throws.
import type { AnalysisContext, Analyzer, ParsedDocument, SourceDocument } from './analyzer';
import { dynamodbAnalyzer } from './dynamodb/analyzer';
import { dynamodbRules } from './dynamodb/rules/index';
import { iamAnalyzer } from './iam/analyzer';
import { iamRules } from './iam/rules/index';
import { applyLevels, clampSpan } from './engine';
import { parseDocument } from './syntax/parse';
import { internalError, syntaxFinding, syntaxRules } from './syntax/rules';
import type { CompletionEntry, Finding, HoverResult, Lens, RuleMeta } from './types';

/** Every analyzer, in the order they run; a new domain adds its analyzer here. */
export const analyzers: readonly Analyzer[] = [iamAnalyzer, dynamodbAnalyzer];

/** Rule metadata of every domain, for docs, settings and SARIF; a new domain adds its rule list here. */
const ruleSets: readonly (readonly RuleMeta[])[] = [syntaxRules, iamRules, dynamodbRules];

/** Every rule's metadata (plain objects, without behaviour), sorted by id. */
export function allRules(): RuleMeta[] {
  return ruleSets
    .flat()
    .map((r): RuleMeta => ({ id: r.id, defaultSeverity: r.defaultSeverity, title: r.title, domain: r.domain }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface AnalysisResult {
  readonly parsed: ParsedDocument;
  readonly findings: readonly Finding[];
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.span.start - b.span.start ||
    a.span.end - b.span.end ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/**
 * Every finding leaves with its span inside the document and a one-line message (values quoted from the document
 * may hold line breaks).
 */
function tidy(f: Finding, length: number): Finding {
  const span = clampSpan(f.span, length);
  const message = /[\r\n]/.test(f.message) ? f.message.replace(/\s*[\r\n]+\s*/g, ' ') : f.message;
  return span === f.span && message === f.message ? f : { ...f, message, span };
}

/** Whether any analyzer has something to look at in this document (the CLI skips other files in folders). */
export function isRelevant(parsed: ParsedDocument): boolean {
  return analyzers.some((a) => {
    try {
      return a.applies(parsed);
    } catch {
      return false;
    }
  });
}

/** Runs the analyzers on an already parsed document; rule levels reach the syntax findings here too. */
export function analyzeParsed(parsed: ParsedDocument, ctx: AnalysisContext): Finding[] {
  const findings: Finding[] = parsed.parse.problems.map((p) => syntaxFinding(parsed.format, p));
  for (const analyzer of analyzers) {
    try {
      if (analyzer.applies(parsed)) findings.push(...analyzer.analyze(parsed, ctx));
    } catch (e) {
      // The message keeps the spelling users have seen in their Problems panel (identifiers say "analyzer").
      findings.push(internalError(`The ${analyzer.domain} analyser`, e, { start: 0, end: 0 }));
    }
  }
  return applyLevels(findings, ctx.options)
    .map((f) => tidy(f, parsed.text.length))
    .sort(compareFindings);
}

/** Parses and analyzes one document. */
export function analyzeDocument(doc: SourceDocument, ctx: AnalysisContext): AnalysisResult {
  let parsed: ParsedDocument;
  try {
    parsed = parseDocument(doc);
  } catch (e) {
    // parseDocument already catches parser failures; this guards the format detection too.
    parsed = { ...doc, format: 'json', parse: { format: 'json', problems: [] } };
    return { parsed, findings: [internalError('Parsing', e, { start: 0, end: 0 })] };
  }
  return { parsed, findings: analyzeParsed(parsed, ctx) };
}

/** The first hover any applicable analyzer offers at `offset`. */
export function hoverAt(parsed: ParsedDocument, offset: number, ctx: AnalysisContext): HoverResult | undefined {
  for (const analyzer of analyzers) {
    try {
      const h = analyzer.hover && analyzer.applies(parsed) ? analyzer.hover(parsed, offset, ctx) : undefined;
      if (h) return h;
    } catch {
      // A failing hover shows nothing rather than an error popup.
    }
  }
  return undefined;
}

/** Completions of every applicable analyzer at `offset`. */
export function completeAt(parsed: ParsedDocument, offset: number, ctx: AnalysisContext): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  for (const analyzer of analyzers) {
    try {
      if (analyzer.complete && analyzer.applies(parsed)) out.push(...analyzer.complete(parsed, offset, ctx));
    } catch {
      // Same as hover: no completions from a failing analyzer.
    }
  }
  return out;
}

/** Code lenses of every applicable analyzer. */
export function lensesFor(parsed: ParsedDocument, ctx: AnalysisContext): Lens[] {
  const out: Lens[] = [];
  for (const analyzer of analyzers) {
    try {
      if (analyzer.lenses && analyzer.applies(parsed)) out.push(...analyzer.lenses(parsed, ctx));
    } catch {
      // Lenses are decoration; skip them on failure.
    }
  }
  return out;
}
