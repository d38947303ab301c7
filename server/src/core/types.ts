// The analysis core's own vocabulary. Nothing here knows about LSP, VS Code, files or the network:
// the LSP glue (server/src/lsp) and the CLI (server/src/cli.ts) translate these into their own shapes.

/** Half-open character range [start, end) as UTF-16 offsets into the document text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** One text replacement; applying every edit of a fix (in any order, they never overlap) gives the fixed text. */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The one fix an editor may apply on "fix all" / as the preferred quick fix. */
  readonly preferred?: boolean;
  /** A fix the editor completes by asking the user first (its `edits` are empty); front ends without one skip it. */
  readonly prompt?: FixPrompt;
}

/** What an interactive fix asks: which actions of `service` should replace the wildcard action at `span`. */
export interface FixPrompt {
  readonly kind: 'pickServiceActions';
  readonly service: string;
  readonly span: Span;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** One line that names the exact action, key, attribute or resource concerned. */
  readonly message: string;
  readonly span: Span;
  /** Quick fixes computed with the finding (cheap ones); the LSP layer offers them as code actions. */
  readonly fixes?: readonly Fix[];
  /** Extra spans worth showing (e.g. the other duplicate Sid). */
  readonly related?: readonly { readonly span: Span; readonly message: string }[];
}

export interface HoverResult {
  readonly span: Span;
  /** Markdown. */
  readonly contents: string;
}

export type CompletionKind =
  'service' | 'action' | 'operator' | 'conditionKey' | 'arn' | 'value' | 'property' | 'keyword';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  readonly documentation?: string;
  /** Text inserted; defaults to label. */
  readonly insertText?: string;
  /** Whether insertText is an LSP snippet (with $1 placeholders). */
  readonly snippet?: boolean;
  /** The range the completion replaces (usually the partial word under the cursor). */
  readonly replace?: Span;
  readonly sortText?: string;
}

/** Information shown above a construct (e.g. a DynamoDB table's partition arithmetic). */
export interface Lens {
  readonly span: Span;
  readonly title: string;
}

/** Rule settings as the user configured them: a severity override, or 'off'. */
export type RuleLevel = Severity | 'off';
export interface AnalysisOptions {
  readonly rules?: Readonly<Record<string, RuleLevel>>;
  /** Build quick fixes (default true); a front end that shows none (the CLI) says false and saves the work. */
  readonly fixes?: boolean;
}

/** Static description of a rule, used for docs, settings, SARIF and the manifest test. */
export interface RuleMeta {
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One sentence. */
  readonly title: string;
  /** 'iam' or 'dynamodb' (the docs live in docs/rules/<id>.md). */
  readonly domain: 'iam' | 'dynamodb' | 'syntax';
}
