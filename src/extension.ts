// Composition root: builds the parts of the extension, wires them together and registers them. Nothing else.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Local Cloud Lab', { log: true });
  context.subscriptions.push(output);
}

export function deactivate(): void {}
