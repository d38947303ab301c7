// The language server on one LSP connection: the connection on one side, the analysis core on the other.
// Diagnostics are pushed per document after a short debounce; hover, completion, code actions and code lenses come
// from the same analyzers. Every piece of state lives in one call of `startServer`, so a process may run several
// servers (the tests run two side by side); the IAM catalogue is loaded on the first document that needs it.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisContext, ParsedDocument } from '../core/analyzer';
import { allRules, analyzeDocument, completeAt, hoverAt, lensesFor } from '../core/analyze';
import type { IamData } from '../core/iam/data';
import { parseDocument } from '../core/syntax/parse';
import type { AnalysisOptions, Finding } from '../core/types';
import { accessCheckDiagnostics } from './accessChecks';
import { codeActionsFor } from './codeActions';
import { toCompletionItem, toDiagnostic, toRange } from './convert';
import { Debouncer, findCompanions, relativePathOf, toSource } from './documents';
import {
  baseTextNotification,
  type BaseTextParams,
  listRulesRequest,
  serviceActionsRequest,
  type InitializationOptions,
  type RuleInfo,
  type ServiceActionsParams,
  type ServiceActionsResult,
} from './protocol';
import { actionsByAccessLevel } from './serviceActions';
import { SettingsStore, documentOptions } from './settings';

/** What the server needs from its host process (the composition root, server.ts, or a test). */
export interface ServerDependencies {
  /** Reads the IAM catalogue; called once, on the first document or request that needs it. */
  readonly loadIamData: () => IamData;
}

interface Analyzed {
  readonly version: number;
  readonly parsed: ParsedDocument;
  readonly findings: readonly Finding[];
  readonly diagnostics: readonly Diagnostic[];
  readonly options: AnalysisOptions;
}

/** Registers every handler on `connection` and starts listening. */
export function startServer(connection: Connection, deps: ServerDependencies): void {
  const documents = new TextDocuments(TextDocument);
  const debouncer = new Debouncer();
  const results = new Map<string, Analyzed>();
  // The committed text of open documents, as the client sent it (null: none), for CheckNoNewAccess.
  const baseTexts = new Map<string, string | null>();
  let pullConfiguration = false;
  let dynamicConfiguration = false;
  let workspaceFolderEvents = false;
  let docsBaseUri: string | undefined;
  let workspaceFolders: string[] = [];
  const settings = new SettingsStore(
    connection,
    () => pullConfiguration,
    (m) => connection.console.warn(m),
  );

  let iamData: IamData | undefined;
  function iamDataOnce(): IamData {
    if (!iamData) {
      const started = performance.now();
      iamData = deps.loadIamData();
      connection.console.info(
        `IAM data ${iamData.version} (${iamData.updatedAt}) loaded in ${Math.round(performance.now() - started)} ms`,
      );
    }
    return iamData;
  }

  function contextFor(options: AnalysisOptions): AnalysisContext {
    return { iamData: iamDataOnce, options, companions: (u) => findCompanions(u, documents.all()) };
  }

  connection.onInitialize((params): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    docsBaseUri = init.docsBaseUri;
    pullConfiguration = !!params.capabilities.workspace?.configuration;
    dynamicConfiguration = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
    workspaceFolderEvents = !!params.capabilities.workspace?.workspaceFolders;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', ':', '/', '*'], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'Local Cloud Lab analysis' },
    };
  });

  connection.onInitialized(() => {
    // Pulled settings need an explicit registration to hear about their changes.
    if (pullConfiguration && dynamicConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    }
    // The getter throws for clients without workspace folder events.
    if (workspaceFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => f.uri));
        workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f)), ...e.added.map((f) => f.uri)];
      });
    }
  });

  async function analyze(doc: TextDocument): Promise<void> {
    const version = doc.version;
    const current = await settings.forDocument(doc.uri);
    // The document may have changed or closed while the settings were read.
    if (documents.get(doc.uri)?.version !== version) return;
    if (!current.enable) {
      results.delete(doc.uri);
      void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: [] });
      return;
    }
    const options = documentOptions(current, relativePathOf(doc.uri, workspaceFolders));
    let parsed: ParsedDocument;
    let findings: readonly Finding[];
    try {
      ({ parsed, findings } = analyzeDocument(toSource(doc), contextFor(options)));
    } catch (error) {
      // The core promises never to throw; if it does, the user keeps their editor and we keep a log line.
      connection.console.error(
        `Analysis of ${doc.uri} failed: ${error instanceof Error ? error.stack : String(error)}`,
      );
      return;
    }
    const diagnostics = findings.map((f) => toDiagnostic(doc, f, docsBaseUri));
    try {
      // After the rules' diagnostics: code actions pair findings with the first diagnostics by index.
      const base = baseTexts.get(doc.uri) ?? undefined;
      diagnostics.push(...accessCheckDiagnostics(doc, parsed, base, current.accessChecks, iamDataOnce));
    } catch (error) {
      connection.console.error(
        `Access checks of ${doc.uri} failed: ${error instanceof Error ? error.stack : String(error)}`,
      );
    }
    results.set(doc.uri, { version, parsed, findings, diagnostics, options });
    void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
  }

  function schedule(doc: TextDocument, delayMs?: number): void {
    void settings.forDocument(doc.uri).then((s) => {
      debouncer.schedule(doc.uri, delayMs ?? s.debounceMs, () => void analyze(doc));
    });
  }

  /** The analysis of the document as it is now (re-parsed if the cached one is stale). */
  function current(uri: string): { doc: TextDocument; parsed: ParsedDocument; ctx: AnalysisContext } | undefined {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const cached = results.get(uri);
    const options = cached?.options ?? {};
    const parsed = cached && cached.version === doc.version ? cached.parsed : parseDocument(toSource(doc));
    return { doc, parsed, ctx: contextFor(options) };
  }

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    debouncer.cancel(e.document.uri);
    results.delete(e.document.uri);
    baseTexts.delete(e.document.uri);
    settings.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    for (const doc of documents.all()) schedule(doc, 0);
  });

  connection.onHover((params) => {
    const state = current(params.textDocument.uri);
    if (!state) return null;
    const hover = hoverAt(state.parsed, state.doc.offsetAt(params.position), state.ctx);
    return hover
      ? { contents: { kind: 'markdown', value: hover.contents }, range: toRange(state.doc, hover.span) }
      : null;
  });

  connection.onCompletion((params) => {
    const state = current(params.textDocument.uri);
    if (!state) return [];
    const entries = completeAt(state.parsed, state.doc.offsetAt(params.position), state.ctx);
    return { isIncomplete: false, items: entries.map((e) => toCompletionItem(state.doc, e)) };
  });

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    const cached = results.get(params.textDocument.uri);
    if (!doc || !cached || cached.version !== doc.version) return [];
    return codeActionsFor(doc, cached.findings, cached.diagnostics, params.context.diagnostics);
  });

  connection.onCodeLens((params) => {
    const state = current(params.textDocument.uri);
    if (!state) return [];
    // A lens without a command is a label; VS Code needs a title only.
    return lensesFor(state.parsed, state.ctx).map((lens) => ({
      range: toRange(state.doc, lens.span),
      command: { title: lens.title, command: '' },
    }));
  });

  connection.onNotification(baseTextNotification.method, (params: BaseTextParams) => {
    // Kept for open documents only (the client sends it after didOpen), so the map stays as small as the editor.
    const doc = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!doc) return;
    const text = typeof params.text === 'string' ? params.text : null;
    if (baseTexts.get(params.uri) === text) return;
    baseTexts.set(params.uri, text);
    schedule(doc, 0);
  });

  connection.onRequest(serviceActionsRequest.method, (params: ServiceActionsParams): ServiceActionsResult => ({
    service: params.service,
    groups: actionsByAccessLevel(iamDataOnce(), params.service),
  }));

  connection.onRequest(listRulesRequest.method, (): RuleInfo[] =>
    allRules().map((r) => ({ id: r.id, title: r.title, defaultSeverity: r.defaultSeverity, domain: r.domain })),
  );

  connection.onShutdown(() => debouncer.dispose());

  documents.listen(connection);
  connection.listen();
}
