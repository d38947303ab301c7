// Composition root: builds the parts of the extension, wires them together and registers them. Nothing else.
import * as vscode from 'vscode';
import { registerExplainAccess } from './commands/explainAccess';
import { registerRecordCalls } from './commands/recordCalls';
import { registerBaseTexts } from './commands/widenedAccess';
import { registerKeyDistribution } from './dynamodb/keyDistribution';
import { TerminalRoute } from './connection/terminalEnv';
import { registerExplorer } from './explorer/register';
import { AnalysisClient } from './lsp/client';
import { registerWebviews } from './webviews/register';
import { registerWalkthroughs } from './walkthrough/register';

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Local Cloud Lab', { log: true });
  context.subscriptions.push(output);

  // Where the integrated terminal's AWS calls go: the emulator, or the call recorder's proxy while it records.
  const terminalRoute = new TerminalRoute();
  context.subscriptions.push(terminalRoute);

  // Emulator connection, explorer tree and its commands; `explorer.clients()` / `whenConnected()` give live AWS clients.
  const explorer = registerExplorer(context, output, terminalRoute);

  // Panels (DynamoDB items, Kinesis records, SQS messages, Lambda invoke, SNS topic) and Secrets Manager/KMS commands.
  registerWebviews(context, output, explorer);

  // DynamoDB "Analyse Key Distribution": samples a table from the emulator and shows its key histogram.
  registerKeyDistribution(context, { log: output, clients: () => explorer.whenConnected() });

  // Curriculum: walkthrough buttons, exercise checks that set completion context keys, progress dashboard.
  registerWalkthroughs(context, { output, explorer });

  // IAM "Explain Access": command and a CodeLens above every policy statement (the core's evaluator, loaded lazily).
  registerExplainAccess(context, { output, clients: () => explorer.clients() });
  // IAM "Record my calls": a recording proxy for the terminal's calls → a least-privilege policy, and unused access.
  registerRecordCalls(context, { output, whenConnected: () => explorer.whenConnected(), route: terminalRoute });

  const analysis = new AnalysisClient(context, output);
  context.subscriptions.push(analysis);
  analysis.register();
  // "This edit widens access": the server checks open policy files against their committed version (CheckNoNewAccess).
  registerBaseTexts(context, analysis, output);
}

export function deactivate(): void {}
