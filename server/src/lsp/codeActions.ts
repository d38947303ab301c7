// Code actions for the diagnostics a client sends back: the quick fixes the rules attached to their findings (text
// edits, or a question the client asks the user first), then "turn this rule off for the file" on every diagnostic.
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix, FixPrompt } from '../core/types';
import { sameDiagnostic, toCodeAction, toRange } from './convert';
import { clientCommands, type DisableRuleForFileArgs, type PickServiceActionsArgs } from './protocol';

/** A fix that asks the user first becomes a client command with the arguments that command takes. */
function promptAction(doc: TextDocument, fix: Fix, prompt: FixPrompt, diagnostic: Diagnostic): CodeAction {
  const args: PickServiceActionsArgs = { uri: doc.uri, range: toRange(doc, prompt.span), service: prompt.service };
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: 'Pick actions', command: clientCommands.pickServiceActions, arguments: [args] },
  };
}

function disableRuleAction(doc: TextDocument, ruleId: string, diagnostic: Diagnostic): CodeAction {
  const args: DisableRuleForFileArgs = { ruleId, uri: doc.uri };
  return {
    title: `Turn off ${ruleId} for this file`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: 'Turn off rule', command: clientCommands.disableRuleForFile, arguments: [args] },
  };
}

/**
 * The actions for the `requested` diagnostics, from the analysis that published `diagnostics` (one per finding, in
 * the same order).
 */
export function codeActionsFor(
  doc: TextDocument,
  findings: readonly Finding[],
  diagnostics: readonly Diagnostic[],
  requested: readonly Diagnostic[],
): CodeAction[] {
  const actions: CodeAction[] = [];
  findings.forEach((finding, i) => {
    const diagnostic = diagnostics[i];
    if (!diagnostic || !requested.some((d) => sameDiagnostic(d, diagnostic))) return;
    for (const fix of finding.fixes ?? []) {
      actions.push(fix.prompt ? promptAction(doc, fix, fix.prompt, diagnostic) : toCodeAction(doc, fix, diagnostic));
    }
    actions.push(disableRuleAction(doc, finding.ruleId, diagnostic));
  });
  return actions;
}
