// Read-only documents the new service commands show their results in (an API response, a filter result, a log tail,
// a state machine definition, a security group's rule table). Plain editor text: searchable, copyable, foldable JSON,
// nothing to save. The provider keeps the last few by URI (bounded) and can update one in place (a live tail).
import * as vscode from 'vscode';

export const VIEW_SCHEME = 'lcl-view';

export class ReadOnlyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private counter = 0;

  constructor(private readonly capacity = 30) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '(This view is closed: run the command again.)';
  }

  /** A fresh URI for a document called `name` (e.g. `GET orders.http`). */
  uriFor(name: string): vscode.Uri {
    this.counter++;
    const safe = name.replace(/[\\/:*?"<>|#%]+/g, '_').slice(0, 120);
    return vscode.Uri.from({ scheme: VIEW_SCHEME, path: `/${this.counter}/${safe}` });
  }

  set(uri: vscode.Uri, text: string): void {
    const key = uri.toString();
    this.texts.delete(key);
    this.texts.set(key, text);
    while (this.texts.size > this.capacity) this.texts.delete(this.texts.keys().next().value!);
    this.changed.fire(uri);
  }

  text(uri: vscode.Uri): string | undefined {
    return this.texts.get(uri.toString());
  }

  /** Drops a document's text; an editor still holding it shows that the view is closed. */
  forget(uri: vscode.Uri): void {
    if (this.texts.delete(uri.toString())) this.changed.fire(uri);
  }

  /** Stores the text and opens it in an editor (language from the name's extension, or `language`). */
  async show(name: string, text: string, language?: string): Promise<vscode.Uri> {
    const uri = this.uriFor(name);
    this.set(uri, text);
    let doc = await vscode.workspace.openTextDocument(uri);
    if (language) doc = await vscode.languages.setTextDocumentLanguage(doc, language);
    await vscode.window.showTextDocument(doc, { preview: false });
    return uri;
  }

  dispose(): void {
    this.texts.clear();
    this.changed.dispose();
  }
}
