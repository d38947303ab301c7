// The one TreeDataProvider: renders the plain explorer model (model/tree.ts) as VS Code tree items.
import * as vscode from 'vscode';
import type { ExplorerNode } from './model';
import type { ExplorerTree } from './model/tree';

export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly sub: { dispose(): void };

  constructor(readonly tree: ExplorerTree) {
    this.sub = tree.onDidChange((node) => this.changed.fire(node));
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const state =
      node.collapsible === 'none'
        ? vscode.TreeItemCollapsibleState.None
        : node.collapsible === 'expanded'
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip && node.tooltipMarkdown ? new vscode.MarkdownString(node.tooltip) : node.tooltip;
    item.contextValue = node.contextValue;
    if (node.icon) {
      item.iconPath = new vscode.ThemeIcon(
        node.icon,
        node.iconColor ? new vscode.ThemeColor(node.iconColor) : undefined,
      );
    }
    if (node.command) {
      // Commands get the node itself unless the model asked for specific arguments.
      const args = node.command.arguments?.length ? [...node.command.arguments] : [node];
      item.command = { command: node.command.command, title: node.command.title, arguments: args };
    }
    return item;
  }

  getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    return this.tree.children(node);
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return this.tree.parentNodeOf(node.id);
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}
