// Core records → LSP records. Spans are UTF-16 offsets; the TextDocument maps them to positions.
import {
  CodeAction,
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  type CompletionItem,
  type Diagnostic,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionEntry, Finding, Fix, Severity, Span } from '../core/types';

export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(doc: TextDocument, finding: Finding, docsBaseUri: string | undefined): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(doc, finding.span),
    severity: severities[finding.severity],
    code: finding.ruleId,
    source: 'Local Cloud Lab',
    message: finding.message,
  };
  if (docsBaseUri) diagnostic.codeDescription = { href: `${docsBaseUri.replace(/\/$/, '')}/${finding.ruleId}.md` };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({
      location: { uri: doc.uri, range: toRange(doc, r.span) },
      message: r.message,
    }));
  }
  return diagnostic;
}

export function toWorkspaceEdit(doc: TextDocument, fix: Fix): WorkspaceEdit {
  return {
    changes: { [doc.uri]: fix.edits.map((e) => ({ range: toRange(doc, e.span), newText: e.newText })) },
  };
}

export function toCodeAction(doc: TextDocument, fix: Fix, diagnostic: Diagnostic): CodeAction {
  const action = CodeAction.create(fix.title, toWorkspaceEdit(doc, fix), CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  if (fix.preferred) action.isPreferred = true;
  return action;
}

const completionKinds: Record<CompletionEntry['kind'], CompletionItemKind> = {
  service: CompletionItemKind.Module,
  action: CompletionItemKind.Function,
  operator: CompletionItemKind.Operator,
  conditionKey: CompletionItemKind.Property,
  arn: CompletionItemKind.Reference,
  value: CompletionItemKind.Value,
  property: CompletionItemKind.Property,
  keyword: CompletionItemKind.Keyword,
};

export function toCompletionItem(doc: TextDocument, entry: CompletionEntry): CompletionItem {
  const item: CompletionItem = { label: entry.label, kind: completionKinds[entry.kind] };
  if (entry.detail) item.detail = entry.detail;
  if (entry.documentation) item.documentation = { kind: 'markdown', value: entry.documentation };
  if (entry.sortText) item.sortText = entry.sortText;
  const newText = entry.insertText ?? entry.label;
  if (entry.snippet) item.insertTextFormat = InsertTextFormat.Snippet;
  if (entry.replace) item.textEdit = { range: toRange(doc, entry.replace), newText };
  else item.insertText = newText;
  // The editor filters on the text from the range start to the cursor: keep an opening quote in the filter.
  if (entry.replace && doc.getText().charAt(entry.replace.start) === '"') item.filterText = `"${entry.label}`;
  return item;
}

/** Same range and same rule: the finding behind a diagnostic the client sends back with a code action request. */
export function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.code === b.code &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  );
}
