// SQS messages panel (browser side): send with attributes (FIFO fields only for FIFO queues), peek without consuming
// where the backend allows it, otherwise an explicit receive the host warns about; delete received messages.
import '../shared/nonce';
import '../shared/elements';
import { html, nothing, render } from 'lit';
import { attributesEditor, fifoFields } from '../shared/attributes';
import { connect } from '../shared/host';
import { addBaseStyles } from '../shared/styles';
import { checkedOf, errorBox, noticeBox, RequestStatus, valueOf, textField } from '../shared/ui';
import {
  checkSend,
  type MessageAttributeInput,
  type QueueCounts,
  type ShownMessage,
  type SqsFromView,
  type SqsTarget,
  type SqsToView,
} from '../../src/webviews/protocol/sqs';

interface ViewState {
  body: string;
  delaySeconds: string;
  groupId: string;
  deduplicationId: string;
  attributes: MessageAttributeInput[];
  receiveMax: number;
  showInvisible: boolean;
  showDelayed: boolean;
  messages: ShownMessage[];
  mode?: 'peek' | 'receive';
}

const host = connect<SqsToView, SqsFromView, SqsTarget, ViewState>();
const restored = host.restore();
let target: SqsTarget | undefined = restored?.target;
let canPeek: boolean | undefined;
let backend = '';
let counts: QueueCounts = {};
let view: ViewState = {
  body: '',
  delaySeconds: '',
  groupId: '',
  deduplicationId: '',
  attributes: [],
  receiveMax: 10,
  showInvisible: false,
  showDelayed: false,
  messages: [],
  ...((restored?.view as Partial<ViewState> | undefined) ?? {}),
};
/** Its `invalid` is the send form's error: the host's refusals and the form's own checks. */
const status = new RequestStatus();
let notice: string | undefined;

function update(patch: Partial<ViewState>): void {
  view = { ...view, ...patch };
  if (target) host.save(target, view);
  draw();
}

function send(): void {
  if (!target) return;
  notice = undefined;
  const delay = view.delaySeconds.trim() === '' ? undefined : Number(view.delaySeconds);
  if (delay !== undefined && (!Number.isInteger(delay) || delay < 0 || delay > 900)) {
    status.invalid = 'Delay must be a whole number of seconds from 0 to 900.';
    draw();
    return;
  }
  const input = {
    body: view.body,
    attributes: view.attributes,
    ...(delay !== undefined ? { delaySeconds: delay } : {}),
    ...(target.fifo && view.groupId ? { groupId: view.groupId } : {}),
    ...(target.fifo && view.deduplicationId ? { deduplicationId: view.deduplicationId } : {}),
  };
  status.invalid = checkSend(input, { fifo: target.fifo, contentBasedDeduplication: counts.contentBasedDeduplication });
  if (status.invalid) {
    draw();
    return;
  }
  status.busy = host.request('Sending', (requestId) => ({ type: 'send', requestId, ...input }));
  draw();
}

function peek(): void {
  status.error = undefined;
  status.busy = host.request('Peeking', (requestId) => ({
    type: 'peek',
    requestId,
    ...(view.showInvisible ? { showInvisible: true } : {}),
    ...(view.showDelayed ? { showDelayed: true } : {}),
  }));
  draw();
}

function receive(): void {
  status.error = undefined;
  status.busy = host.request('Receiving', (requestId) => ({ type: 'receive', requestId, max: view.receiveMax }));
  draw();
}

function onMessage(m: SqsToView): void {
  if (status.take(m)) {
    draw();
    return;
  }
  switch (m.type) {
    case 'init':
      target = m.target;
      canPeek = m.canPeek;
      backend = m.backend;
      counts = m.counts;
      update({});
      // Tell the host what the restored view shows (after hide/show it comes from vscode state, not a new read).
      host.post({ type: 'shown', rows: view.messages.length, columns: 4 });
      return;
    case 'counts':
      counts = m.counts;
      draw();
      return;
    case 'sent':
      status.invalid = undefined;
      notice = `Sent message ${m.messageId}${m.sequenceNumber ? ` (sequence ${m.sequenceNumber})` : ''}.`;
      update({ body: '', deduplicationId: '' });
      return;
    case 'messages':
      notice = m.messages.length ? undefined : m.mode === 'peek' ? 'The queue is empty.' : 'Nothing was received.';
      update({ messages: m.messages, mode: m.mode });
      host.post({ type: 'shown', rows: m.messages.length, columns: 4 });
      return;
    case 'deleted':
      notice = `Deleted message ${m.messageId}.`;
      update({ messages: view.messages.filter((x) => x.messageId !== m.messageId) });
      return;
  }
}

function sendForm() {
  const fifo = target?.fifo ?? false;
  return html`<section aria-label="Send a message">
    <h2>Send a message</h2>
    <vscode-textarea
      class="code"
      rows="5"
      aria-label="Message body"
      placeholder='{"orderId": 42}'
      .value=${view.body}
      @input=${(e: Event) => update({ body: valueOf(e) })}
    ></vscode-textarea>
    <div class="row">
      ${
        fifo
          ? fifoFields(view, update, counts.contentBasedDeduplication ? ' (optional: content-based)' : '')
          : textField(
              'Delay (seconds, 0–900)',
              'Delay seconds',
              view.delaySeconds,
              (value) => update({ delaySeconds: value }),
              { type: 'number' },
            )
      }
    </div>
    <h2>Message attributes</h2>
    ${attributesEditor(view.attributes, (attributes) => update({ attributes }))} ${errorBox(status.invalid)}
    <div class="row"><vscode-button ?disabled=${!!status.busy} @click=${send}>Send</vscode-button></div>
  </section>`;
}

function readSection() {
  if (canPeek === undefined) return nothing;
  return html`<section aria-label="Messages">
    <h2>Messages in the queue</h2>
    ${
      canPeek
        ? html`<p class="sub">Peek reads every message without consuming it (LocalStack's /_aws/sqs/messages).</p>
            <div class="row">
              <vscode-checkbox
                .checked=${view.showInvisible}
                @change=${(e: Event) => update({ showInvisible: checkedOf(e) })}
                >Include in-flight</vscode-checkbox
              >
              <vscode-checkbox
                .checked=${view.showDelayed}
                @change=${(e: Event) => update({ showDelayed: checkedOf(e) })}
                >Include delayed</vscode-checkbox
              >
              <vscode-button ?disabled=${!!status.busy} @click=${peek}>Peek</vscode-button>
            </div>`
        : html`<div class="warning" role="note">
              This emulator (${backend}) cannot show messages without consuming them. Receive is a real ReceiveMessage:
              it raises each message's receive
              count${
                counts.deadLetterTargetArn
                  ? html` and this queue moves a message to its dead-letter queue after ${counts.maxReceiveCount ?? '?'}
                    receives`
                  : nothing
              }.
              Messages are given back at once (visibility timeout 0).
            </div>
            <div class="row">
              <label class="field"
                ><span>At most</span>
                <vscode-single-select
                  aria-label="Messages to receive"
                  .value=${String(view.receiveMax)}
                  @change=${(e: Event) => update({ receiveMax: Number(valueOf(e)) || 10 })}
                >
                  ${[1, 5, 10].map((n) => html`<vscode-option value=${String(n)} ?selected=${n === view.receiveMax}>${n}</vscode-option>`)}
                </vscode-single-select>
              </label>
              <vscode-button ?disabled=${!!status.busy} @click=${receive}>Receive…</vscode-button>
            </div>`
    }
    ${
      view.messages.length
        ? html`<table class="grid" aria-label="Messages">
            <thead>
              <tr>
                <th scope="col">Message id</th>
                <th scope="col">Body</th>
                <th scope="col">Attributes</th>
                <th scope="col">Receives</th>
                <th scope="col"></th>
              </tr>
            </thead>
            <tbody>
              ${view.messages.map(
                (m) =>
                  html`<tr>
                    <td class="mono cell-id" title=${m.messageId}>${m.messageId}</td>
                    <td><pre>${m.body}</pre></td>
                    <td class="mono">
                      ${Object.entries(m.messageAttributes).map(([k, v]) => html`<div>${k} (${v.dataType}) = ${v.value}</div>`)}
                      ${m.attributes.MessageGroupId ? html`<div class="muted">group ${m.attributes.MessageGroupId}</div>` : nothing}
                    </td>
                    <td>${m.attributes.ApproximateReceiveCount ?? ''}</td>
                    <td>
                      ${
                        m.deletable
                          ? html`<vscode-button
                              secondary
                              @click=${() => {
                                status.busy = host.request('Deleting', (requestId) => ({
                                  type: 'delete',
                                  requestId,
                                  messageId: m.messageId,
                                }));
                                draw();
                              }}
                              >Delete…</vscode-button
                            >`
                          : nothing
                      }
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : nothing
    }
  </section>`;
}

function draw(): void {
  const app = document.getElementById('app');
  if (!app) return;
  render(
    html`<h1>
        ${target?.queueName ?? 'SQS queue'} ${target?.fifo ? html`<vscode-badge>FIFO</vscode-badge>` : nothing}
      </h1>
      <p class="sub">
        ${counts.visible ?? '?'} visible · ${counts.inFlight ?? '?'} in flight · ${counts.delayed ?? '?'}
        delayed${
          counts.deadLetterTargetArn
            ? html` · DLQ ${counts.deadLetterTargetArn.split(':').pop()} after ${counts.maxReceiveCount ?? '?'} receives`
            : nothing
        }
        <vscode-button secondary @click=${() => host.post({ type: 'refresh' })}>Refresh</vscode-button>
      </p>
      ${status.lines(host.post)} ${noticeBox(notice)} ${sendForm()} ${readSection()}`,
    app,
  );
}

addBaseStyles();
draw();
host.start(onMessage);
