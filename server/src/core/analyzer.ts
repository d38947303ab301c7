// The boundary between the analysis core and its two front ends (the language server and the CLI).
// Each domain (IAM, DynamoDB) implements `Analyzer`; `analyze.ts` runs them all over one parsed document.
import type { IamData } from './iam/data';
import type { Format, ParseResult } from './syntax/tree';
import type { AnalysisOptions, CompletionEntry, Finding, HoverResult, Lens } from './types';

export interface SourceDocument {
  /** A URI or a path: only used to guess the format and in messages. */
  readonly uri: string;
  readonly text: string;
  /** Editor language id when known ('json', 'yaml', 'terraform', 'jsonc', …). */
  readonly languageId?: string;
}

export interface ParsedDocument extends SourceDocument {
  readonly format: Format;
  readonly parse: ParseResult;
}

export interface AnalysisContext {
  /** IAM catalogue; loaded on first call (the core never loads files itself). */
  readonly iamData: () => IamData;
  readonly options: AnalysisOptions;
  /**
   * Other documents of the workspace that may hold evidence (DynamoDB sample items, access patterns), by URI.
   * The LSP passes the open/known ones; the CLI passes the files it was given.
   */
  readonly companions?: (uri: string) => readonly SourceDocument[];
}

export interface Analyzer {
  readonly domain: 'iam' | 'dynamodb';
  /** Cheap test: does this document hold anything for this analyzer? */
  applies(doc: ParsedDocument): boolean;
  analyze(doc: ParsedDocument, ctx: AnalysisContext): readonly Finding[];
  hover?(doc: ParsedDocument, offset: number, ctx: AnalysisContext): HoverResult | undefined;
  complete?(doc: ParsedDocument, offset: number, ctx: AnalysisContext): readonly CompletionEntry[];
  lenses?(doc: ParsedDocument, ctx: AnalysisContext): readonly Lens[];
}
