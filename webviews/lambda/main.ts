// Lambda invoke panel (browser side): the function's configuration, a JSON payload, the result and the log tail.
import '../shared/nonce';
import '../shared/elements';
import { html, nothing, render } from 'lit';
import { connect } from '../shared/host';
import { addBaseStyles } from '../shared/styles';
import { errorBox, RequestStatus, valueOf } from '../shared/ui';
import type {
  FunctionSummary,
  InvokeOutcome,
  LambdaFromView,
  LambdaTarget,
  LambdaToView,
} from '../../src/webviews/protocol/lambda';

interface ViewState {
  payload: string;
  result?: InvokeOutcome;
}

const host = connect<LambdaToView, LambdaFromView, LambdaTarget, ViewState>();
const restored = host.restore();
let target: LambdaTarget | undefined = restored?.target;
let config: FunctionSummary | undefined;
let view: ViewState = { payload: '{\n  \n}', ...((restored?.view as Partial<ViewState> | undefined) ?? {}) };
const status = new RequestStatus();

function update(patch: Partial<ViewState>): void {
  view = { ...view, ...patch };
  if (target) host.save(target, view);
  draw();
}

function invoke(): void {
  status.error = undefined;
  status.invalid = undefined;
  if (view.payload.trim()) {
    try {
      JSON.parse(view.payload);
    } catch (err) {
      status.invalid = `The payload is not valid JSON: ${(err as Error).message}`;
      draw();
      return;
    }
  }
  status.busy = host.request('Invoking', (requestId) => ({ type: 'invoke', requestId, payload: view.payload }));
  draw();
}

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function onMessage(m: LambdaToView): void {
  if (status.take(m)) {
    draw();
    return;
  }
  switch (m.type) {
    case 'init':
      target = m.target;
      config = m.config;
      update({});
      return;
    case 'result':
      update({ result: m.result });
      host.post({ type: 'shown', rows: 1, columns: 1 });
      return;
  }
}

function draw(): void {
  const app = document.getElementById('app');
  if (!app) return;
  const r = view.result;
  render(
    html`<h1>${target?.functionName ?? 'Lambda function'}</h1>
      ${
        config
          ? html`<p class="sub">
              ${config.runtime ?? 'container image'} · handler ${config.handler ?? '—'} · ${config.memoryMb ?? '?'} MB ·
              timeout ${config.timeoutSeconds ?? '?'} s${config.state ? html` · ${config.state}` : nothing}
            </p>`
          : html`<p class="sub">Reading the function…</p>`
      }
      <h2>Payload (JSON)</h2>
      <vscode-textarea
        class="code"
        rows="10"
        aria-label="Payload"
        .value=${view.payload}
        @input=${(e: Event) => update({ payload: valueOf(e) })}
      ></vscode-textarea>
      <div class="row"><vscode-button ?disabled=${!!status.busy} @click=${invoke}>Invoke</vscode-button></div>
      ${status.lines(host.post)} ${errorBox(status.invalid)}
      ${
        r
          ? html`<section aria-label="Result">
              <h2>Result</h2>
              <p class="sub">
                Status
                ${r.statusCode}${r.functionError ? html` · <strong>function error: ${r.functionError}</strong>` : nothing}
                · ${r.durationMs} ms${r.executedVersion ? html` · version ${r.executedVersion}` : nothing}
              </p>
              <pre>${r.payload ? pretty(r.payload) : '(empty payload)'}</pre>
              <h2>Log (last 4 KB)</h2>
              <pre>${r.log ?? '(the emulator returned no log)'}</pre>
            </section>`
          : nothing
      }`,
    app,
  );
}

addBaseStyles();
draw();
host.start(onMessage);
