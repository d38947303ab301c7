// The one place that creates webview panels: strict Content Security Policy with a per-load nonce, the bundled
// browser script from dist/webviews/<script>.js, validated view → host messages, state restored across hide/show
// (the view persists with vscode.setState) and across window reloads (a serializer per panel kind).
import * as vscode from 'vscode';
import { ready, cancel, targetOf, type HostCommon } from './protocol/common';
import { parse, type Validator } from './protocol/validate';
import { newNonce, renderHtml } from './html';

/** Host-side logic of one open panel. */
export interface PanelController<FromView> {
  /** The view (re)loaded: send it what it needs (init). Called on every load, including after hide/show. */
  onReady(): Promise<void>;
  /** A validated message from the view. */
  onMessage(message: FromView): Promise<void>;
  /** The panel was hidden or shown (live work such as a tail stops while hidden). */
  onVisibility?(visible: boolean): void;
  dispose?(): void;
}

/** Everything the manager needs to know about one kind of panel. */
export interface PanelKind<Target, FromView, ToView> {
  /** Webview view type, also the serializer id; needs an `onWebviewPanel:<viewType>` activation event. */
  readonly viewType: string;
  /** Bundle name: dist/webviews/<script>.js, built from webviews/<script>/main.ts. */
  readonly script: string;
  readonly title: (target: Target) => string;
  /** Identity of the target: opening the same target again reveals the existing panel. */
  readonly key: (target: Target) => string;
  /** Checks a target read back from persisted state. */
  readonly target: Validator<Target>;
  /** Checks every view → host message except `ready` and `cancel`, which the manager handles. */
  readonly fromView: Validator<FromView>;
  /**
   * Keep the view alive while hidden. Off by default: views persist their own state and rebuild on show.
   * Turn it on only for a view whose state cannot be rebuilt cheaply.
   */
  readonly retainContextWhenHidden?: boolean;
  readonly create: (host: PanelHost<ToView>, target: Target) => PanelController<FromView>;
}

export interface PanelLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Largest number of messages held for a view that is hidden or still loading. */
const MAX_QUEUED = 200;

/** The host's handle on one open panel: post typed messages, run cancellable requests, watch visibility. */
export class PanelHost<ToView> implements vscode.Disposable {
  private viewReady = false;
  private readonly queue: (ToView | HostCommon)[] = [];
  private readonly inFlight = new Map<number, AbortController>();
  private readonly posted = new vscode.EventEmitter<ToView | HostCommon>();
  private readonly received = new vscode.EventEmitter<unknown>();
  private readonly readied = new vscode.EventEmitter<void>();
  private isDisposed = false;
  /** Fires for every message the host sends (tests observe the conversation through it). */
  readonly onDidPost = this.posted.event;
  /** Fires for every message the view sends, before validation. */
  readonly onDidReceive = this.received.event;
  /** Fires each time the view reports it has loaded. */
  readonly onDidBecomeReady = this.readied.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly log: PanelLog,
  ) {}

  get visible(): boolean {
    return !this.isDisposed && this.panel.visible;
  }

  get disposed(): boolean {
    return this.isDisposed;
  }

  get ready(): boolean {
    return this.viewReady;
  }

  /** Sends a message now if the view can take it, otherwise keeps it (bounded) until the view is ready again. */
  post(message: ToView | HostCommon): void {
    if (this.isDisposed) return;
    this.posted.fire(message);
    this.deliver(message);
  }

  private deliver(message: ToView | HostCommon): void {
    if (!this.viewReady || !this.panel.visible) {
      this.queue.push(message);
      if (this.queue.length > MAX_QUEUED) this.queue.shift();
      return;
    }
    void this.panel.webview.postMessage(message).then(undefined, (err: unknown) => {
      this.log.warn(`Post to ${this.panel.viewType} failed: ${String(err)}`);
    });
  }

  /**
   * Runs one request from the view: marks it busy, gives it an AbortSignal the view's Cancel button (or disposing the
   * panel) triggers, and turns a failure into an error message naming the operation and the reason.
   */
  async run(requestId: number, label: string, work: (signal: AbortSignal) => Promise<void>): Promise<void> {
    const controller = new AbortController();
    this.inFlight.get(requestId)?.abort();
    this.inFlight.set(requestId, controller);
    this.post({ type: 'busy', requestId, busy: true, label });
    try {
      await work(controller.signal);
    } catch (err) {
      const message = controller.signal.aborted ? `${label} cancelled` : `${label} failed: ${reasonOf(err)}`;
      if (!controller.signal.aborted) this.log.warn(message);
      this.post({ type: 'error', requestId, message });
    } finally {
      if (this.inFlight.get(requestId) === controller) this.inFlight.delete(requestId);
      this.post({ type: 'busy', requestId, busy: false });
    }
  }

  /** Refuses a request's input before any work: the view shows `message` next to the form that sent it. */
  refuse(requestId: number, message: string): void {
    this.post({ type: 'invalid', requestId, message });
  }

  /** Aborts one request (or all of them when no id is given). */
  cancel(requestId?: number): void {
    if (requestId === undefined) {
      for (const c of this.inFlight.values()) c.abort();
      return;
    }
    this.inFlight.get(requestId)?.abort();
  }

  /** Entry point for raw view messages; public so tests can speak as the view through the same validation. */
  async receive<FromView>(
    raw: unknown,
    fromView: Validator<FromView>,
    controller: PanelController<FromView>,
  ): Promise<void> {
    if (this.isDisposed) return;
    this.received.fire(raw);
    if (parse(ready, raw).ok) {
      this.viewReady = true;
      await controller.onReady();
      this.flush();
      this.readied.fire();
      return;
    }
    const cancelled = parse(cancel, raw);
    if (cancelled.ok) {
      this.cancel(cancelled.value.requestId);
      return;
    }
    const parsed = parse(fromView, raw);
    if (!parsed.ok) {
      this.log.warn(`Rejected a message from ${this.panel.viewType}: ${parsed.error}`);
      this.post({ type: 'error', message: `The panel sent a message the extension does not accept (${parsed.error})` });
      return;
    }
    await controller.onMessage(parsed.value);
  }

  /** Routes a raw message exactly as if the view had sent it (set by the manager; tests speak as the view). */
  deliverFromView: (raw: unknown) => Promise<void> = async () => undefined;

  /** The view was torn down (hidden without retained context): hold messages until it loads again. */
  markUnloaded(): void {
    this.viewReady = false;
  }

  private flush(): void {
    const pending = this.queue.splice(0);
    for (const m of pending) this.deliver(m);
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.cancel();
    this.queue.length = 0;
    this.posted.dispose();
    this.received.dispose();
    this.readied.dispose();
  }
}

/** An open panel as the manager tracks it. */
export interface OpenPanel<ToView> {
  readonly host: PanelHost<ToView>;
  readonly viewType: string;
  readonly key: string;
}

/** Creates, reveals, restores and tracks every webview panel of the extension. */
export class WebviewPanels implements vscode.Disposable {
  private readonly open = new Map<string, OpenPanel<unknown>>();
  private readonly opened = new vscode.EventEmitter<OpenPanel<unknown>>();
  private readonly disposables: vscode.Disposable[] = [this.opened];
  /** Fires whenever a panel is created or restored (tests use it to get the host). */
  readonly onDidOpen = this.opened.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: PanelLog,
  ) {}

  /** Registers the serializer that restores panels of this kind after a window reload. */
  register<Target, FromView, ToView>(kind: PanelKind<Target, FromView, ToView>): vscode.Disposable {
    const registration = vscode.window.registerWebviewPanelSerializer(kind.viewType, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        const target = targetOf(state, kind.target);
        if (target === undefined) {
          panel.dispose();
          return;
        }
        this.attach(kind, panel, target);
      },
    });
    this.disposables.push(registration);
    return registration;
  }

  /** Opens the panel for a target, or reveals it when it is already open. */
  show<Target, FromView, ToView>(
    kind: PanelKind<Target, FromView, ToView>,
    target: Target,
    column: vscode.ViewColumn = vscode.ViewColumn.Active,
  ): PanelHost<ToView> {
    const id = `${kind.viewType}:${kind.key(target)}`;
    const existing = this.open.get(id) as OpenPanel<ToView> | undefined;
    if (existing && !existing.host.disposed) {
      existing.host.panel.reveal(column);
      return existing.host;
    }
    const panel = vscode.window.createWebviewPanel(kind.viewType, kind.title(target), column, {
      enableScripts: true,
      enableCommandUris: false,
      enableFindWidget: true,
      retainContextWhenHidden: kind.retainContextWhenHidden ?? false,
      localResourceRoots: [this.webviewRoot()],
    });
    return this.attach(kind, panel, target);
  }

  /** Open panels of one view type (tests and commands that act on the active panel). */
  panelsOf<ToView>(viewType: string): PanelHost<ToView>[] {
    return [...this.open.values()].filter((p) => p.viewType === viewType).map((p) => p.host as PanelHost<ToView>);
  }

  private webviewRoot(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'dist', 'webviews');
  }

  private attach<Target, FromView, ToView>(
    kind: PanelKind<Target, FromView, ToView>,
    panel: vscode.WebviewPanel,
    target: Target,
  ): PanelHost<ToView> {
    const id = `${kind.viewType}:${kind.key(target)}`;
    panel.webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [this.webviewRoot()],
    };
    panel.title = kind.title(target);
    const host = new PanelHost<ToView>(panel, this.log);
    const controller = kind.create(host, target);
    host.deliverFromView = (raw) => host.receive(raw, kind.fromView, controller);
    const subscriptions: vscode.Disposable[] = [];
    subscriptions.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        void host.receive(raw, kind.fromView, controller).catch((err: unknown) => {
          this.log.error(`${kind.viewType}: handling a message failed: ${reasonOf(err)}`);
          host.post({ type: 'error', message: `Request failed: ${reasonOf(err)}` });
        });
      }),
      panel.onDidChangeViewState((e) => {
        const visible = e.webviewPanel.visible;
        if (!visible && !(kind.retainContextWhenHidden ?? false)) host.markUnloaded();
        controller.onVisibility?.(visible);
      }),
      panel.onDidDispose(() => {
        this.open.delete(id);
        controller.dispose?.();
        host.dispose();
        for (const s of subscriptions) s.dispose();
      }),
    );
    panel.webview.html = renderHtml({
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(this.webviewRoot(), `${kind.script}.js`)).toString(),
      title: kind.title(target),
      nonce: newNonce(),
    });
    const entry: OpenPanel<unknown> = { host: host as PanelHost<unknown>, viewType: kind.viewType, key: id };
    this.open.set(id, entry);
    this.opened.fire(entry);
    return host;
  }

  dispose(): void {
    for (const p of [...this.open.values()]) p.host.panel.dispose();
    this.open.clear();
    for (const d of this.disposables) d.dispose();
  }
}

/** The reason part of "<Operation> failed: <reason>". */
export function reasonOf(err: unknown): string {
  if (err instanceof Error) {
    const name = err.name && err.name !== 'Error' ? `${err.name}: ` : '';
    return `${name}${err.message}`.trim() || err.name;
  }
  return String(err);
}
