// API Gateway commands: Send Request to a stage (pick the URL form the emulator serves, the method, the path and a
// body; the answer's status, headers and body open in a read-only editor) and Copy Invoke URL.
import * as vscode from 'vscode';
import {
  HTTP_METHODS,
  invokeUrls,
  sendApiRequest,
  type ApiKind,
  type ApiResponse,
  type InvokeUrl,
} from '../aws/apiGateway';
import { isNodeOf, type ExplorerNode } from '../explorer/model';
import { prettyJson } from '../explorer/services/format';
import { guarded, guardedResult, withOperation, type CommandContext } from './ui';
import type { ReadOnlyDocuments } from './views';

/** Answers a test (or a caller) can give instead of the prompts. */
export interface SendRequestPreset {
  readonly method?: string;
  readonly path?: string;
  readonly body?: string;
  /** Index into the served invoke URL forms (default: ask when there are several). */
  readonly urlIndex?: number;
}

interface Target {
  readonly apiKind: ApiKind;
  readonly apiId: string;
  readonly stage: string;
  readonly path: string;
  readonly methods: readonly string[];
}

function targetOf(node: ExplorerNode | undefined): Target | undefined {
  if (isNodeOf(node, 'apigateway.stage')) {
    const { apiKind, apiId, stage } = node.ref;
    return { apiKind, apiId, stage, path: '/', methods: [] };
  }
  if (isNodeOf(node, 'apigateway.resource')) {
    const { apiId, stage, path, methods } = node.ref;
    return { apiKind: 'rest', apiId, stage, path, methods };
  }
  if (isNodeOf(node, 'apigateway.method')) {
    const { apiId, stage, path, httpMethod } = node.ref;
    return { apiKind: 'rest', apiId, stage, path, methods: [httpMethod] };
  }
  if (isNodeOf(node, 'apigateway.route')) {
    const { apiId, stage, routeKey } = node.ref;
    const [method, path] = routeKey.includes(' ') ? routeKey.split(' ', 2) : ['ANY', '/'];
    return { apiKind: 'http', apiId, stage, path: path ?? '/', methods: method === 'ANY' ? [] : [method!] };
  }
  return undefined;
}

/** The response as an editor shows it: request line, status, headers, blank line, body (JSON indented). */
export function formatResponse(method: string, url: string, res: ApiResponse): string {
  const type = res.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  const body = /json/i.test(type) || /^\s*[{[]/.test(res.body) ? prettyJson(res.body) : res.body;
  return [
    `${method} ${url}`,
    `HTTP ${res.status} ${res.statusText} (${res.elapsedMs} ms)`,
    ...res.headers.map(([k, v]) => `${k}: ${v}`),
    '',
    body,
    ...(res.truncated ? ['', '(the body was cut at 1 MB)'] : []),
  ].join('\n');
}

function urlsFor(ctx: CommandContext, t: Target, path: string): InvokeUrl[] {
  const s = ctx.monitor.state;
  if (s.kind !== 'connected') return [];
  return invokeUrls({
    backend: s.backend.kind,
    endpoint: s.connection.endpoint,
    region: s.connection.region,
    apiKind: t.apiKind,
    apiId: t.apiId,
    stage: t.stage,
    path,
  });
}

export function registerApiGatewayCommands(ctx: CommandContext, docs: ReadOnlyDocuments): vscode.Disposable[] {
  const sendRequest = async (node?: ExplorerNode, preset: SendRequestPreset = {}) => {
    const t = targetOf(node);
    if (!t) {
      void vscode.window.showInformationMessage(
        'Send Request: pick a stage, resource, method or route in the explorer.',
      );
      return undefined;
    }
    if (ctx.monitor.state.kind !== 'connected') {
      void vscode.window.showWarningMessage('Send Request: not connected to an emulator.');
      return undefined;
    }
    const served = urlsFor(ctx, t, t.path).filter((u) => u.served);
    if (served.length === 0) {
      const [shown] = urlsFor(ctx, t, t.path);
      // Not awaited: the command is done whether or not the button is pressed.
      void vscode.window
        .showWarningMessage(
          `This emulator does not serve API Gateway requests (moto server keeps them to its in-process mock). ` +
            `The stage's URL on AWS would be ${shown?.url ?? '(unknown)'}. Use LocalStack to send requests to your API.`,
          'Copy URL',
        )
        .then((choice) => (choice === 'Copy URL' && shown ? vscode.env.clipboard.writeText(shown.url) : undefined));
      return undefined;
    }
    let urlIndex = preset.urlIndex;
    if (urlIndex === undefined && served.length > 1) {
      const pick = await vscode.window.showQuickPick(
        served.map((u, i) => ({ label: u.label, detail: u.url, i })),
        { title: 'Send request (1/4): URL form' },
      );
      if (!pick) return undefined;
      urlIndex = pick.i;
    }
    const form = served[urlIndex ?? 0];
    if (!form) throw new Error(`there is no URL form ${urlIndex}`);
    let method = preset.method?.toUpperCase();
    if (!method) {
      const order = [...t.methods.filter((m) => m !== 'ANY'), ...HTTP_METHODS.filter((m) => !t.methods.includes(m))];
      const pick = await vscode.window.showQuickPick(
        order.map((m) => ({ label: m, description: t.methods.includes(m) ? 'defined on this resource' : undefined })),
        { title: 'Send request (2/4): method' },
      );
      if (!pick) return undefined;
      method = pick.label;
    }
    const path =
      preset.path ??
      (await vscode.window.showInputBox({
        title: 'Send request (3/4): path',
        prompt: 'Fill in any {parameters}; add a query string if you like.',
        value: t.path,
        validateInput: (v) =>
          !v.startsWith('/') ? 'The path starts with "/".' : /\s/.test(v) ? 'No spaces in the path.' : undefined,
      }));
    if (path === undefined) return undefined;
    let body = preset.body;
    if (body === undefined && !['GET', 'HEAD', 'OPTIONS', 'DELETE'].includes(method)) {
      body = await vscode.window.showInputBox({
        title: 'Send request (4/4): body',
        prompt: 'JSON or plain text; empty for none.',
        value: '{}',
        validateInput: (v) => {
          if (!/^\s*[{[]/.test(v)) return undefined;
          try {
            JSON.parse(v);
            return undefined;
          } catch (err) {
            return `Not valid JSON: ${(err as Error).message}`;
          }
        },
      });
      if (body === undefined) return undefined;
    }
    const url = urlsFor(ctx, t, path).find((u) => u.label === form.label)!.url;
    const isJson = body !== undefined && /^\s*[{[]/.test(body);
    const res = await withOperation(`${method} ${url}`, (signal) =>
      sendApiRequest({
        method,
        url,
        ...(body ? { body } : {}),
        headers: { accept: 'application/json, */*', ...(isJson ? { 'content-type': 'application/json' } : {}) },
        signal,
      }),
    );
    if (!res) return undefined;
    const uri = await docs.show(`${method} ${path} → ${res.status}.http`, formatResponse(method, url, res));
    return { uri: uri.toString(), status: res.status, body: res.body };
  };

  return [
    vscode.commands.registerCommand(
      'localCloudLab.apigateway.sendRequest',
      guardedResult(ctx, 'Send request', sendRequest),
    ),
    vscode.commands.registerCommand(
      'localCloudLab.apigateway.copyInvokeUrl',
      guarded(ctx, 'Copy invoke URL', async (node?: ExplorerNode) => {
        const t = targetOf(node);
        if (!t) return;
        const [url] = urlsFor(ctx, t, t.path);
        if (!url) return;
        await vscode.env.clipboard.writeText(url.url);
        void vscode.window.showInformationMessage(
          `Copied ${url.url}${url.served ? '' : ' (this emulator does not serve it)'}`,
        );
      }),
    ),
  ];
}
