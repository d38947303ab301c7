// SNS topic panel (browser side): publish with attributes; subscriptions with their filter policies, editable as JSON.
import '../shared/nonce';
import '../shared/elements';
import { html, nothing, render } from 'lit';
import { attributesEditor, fifoFields } from '../shared/attributes';
import { connect } from '../shared/host';
import { addBaseStyles } from '../shared/styles';
import { errorBox, noticeBox, RequestStatus, valueOf, textField } from '../shared/ui';
import type { MessageAttributeInput } from '../../src/webviews/protocol/sqs';
import {
  checkFilterPolicy,
  checkPublish,
  type SnsFromView,
  type SnsTarget,
  type SnsToView,
  type SubscriptionView,
} from '../../src/webviews/protocol/sns';

interface ViewState {
  message: string;
  subject: string;
  groupId: string;
  deduplicationId: string;
  attributes: MessageAttributeInput[];
  /** Filter policy drafts by subscription ARN. */
  drafts: Record<string, string>;
}

const host = connect<SnsToView, SnsFromView, SnsTarget, ViewState>();
const restored = host.restore();
let target: SnsTarget | undefined = restored?.target;
let name = '';
let fifo = false;
let subscriptions: SubscriptionView[] = [];
let view: ViewState = {
  message: '',
  subject: '',
  groupId: '',
  deduplicationId: '',
  attributes: [],
  drafts: {},
  ...((restored?.view as Partial<ViewState> | undefined) ?? {}),
};
/** Its `invalid` is the publish form's error: the host's refusals and the form's own checks. */
const status = new RequestStatus();
const filterErrors: Record<string, string | undefined> = {};
let notice: string | undefined;

function update(patch: Partial<ViewState>): void {
  view = { ...view, ...patch };
  if (target) host.save(target, view);
  draw();
}

function pretty(text: string | undefined): string {
  if (!text) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function publish(): void {
  notice = undefined;
  status.invalid = checkPublish(
    { message: view.message, attributes: view.attributes, ...(view.groupId ? { groupId: view.groupId } : {}) },
    { fifo },
  );
  if (status.invalid) {
    draw();
    return;
  }
  status.busy = host.request('Publishing', (requestId) => ({
    type: 'publish',
    requestId,
    message: view.message,
    attributes: view.attributes,
    ...(view.subject ? { subject: view.subject } : {}),
    ...(fifo && view.groupId ? { groupId: view.groupId } : {}),
    ...(fifo && view.deduplicationId ? { deduplicationId: view.deduplicationId } : {}),
  }));
  draw();
}

function saveFilter(arn: string): void {
  const text = view.drafts[arn] ?? '';
  filterErrors[arn] = checkFilterPolicy(text);
  if (filterErrors[arn]) {
    draw();
    return;
  }
  status.busy = host.request('Saving filter policy', (requestId) => ({
    type: 'setFilter',
    requestId,
    subscriptionArn: arn,
    policy: text,
  }));
  draw();
}

function onMessage(m: SnsToView): void {
  if (status.take(m)) {
    draw();
    return;
  }
  switch (m.type) {
    case 'init': {
      target = m.target;
      name = m.name;
      fifo = m.fifo;
      subscriptions = m.subscriptions;
      const drafts: Record<string, string> = {};
      for (const s of subscriptions) drafts[s.arn] = view.drafts[s.arn] ?? pretty(s.filterPolicy);
      update({ drafts });
      host.post({ type: 'shown', rows: subscriptions.length, columns: 3 });
      return;
    }
    case 'published':
      status.invalid = undefined;
      notice = `Published message ${m.messageId}.`;
      update({ message: '' });
      return;
    case 'filterSaved':
      filterErrors[m.subscriptionArn] = undefined;
      notice = m.policy ? 'Filter policy saved.' : 'Filter policy removed: the subscription gets every message.';
      subscriptions = subscriptions.map((s) => (s.arn === m.subscriptionArn ? { ...s, filterPolicy: m.policy } : s));
      update({ drafts: { ...view.drafts, [m.subscriptionArn]: pretty(m.policy) } });
      return;
  }
}

function draw(): void {
  const app = document.getElementById('app');
  if (!app) return;
  render(
    html`<h1>${name || 'SNS topic'} ${fifo ? html`<vscode-badge>FIFO</vscode-badge>` : nothing}</h1>
      <p class="sub mono">${target?.topicArn ?? ''}</p>
      ${status.lines(host.post)} ${noticeBox(notice)}
      <section aria-label="Publish">
        <h2>Publish</h2>
        <vscode-textarea
          class="code"
          rows="5"
          aria-label="Message"
          .value=${view.message}
          @input=${(e: Event) => update({ message: valueOf(e) })}
        ></vscode-textarea>
        <div class="row">
          ${textField('Subject (optional)', 'Subject', view.subject, (value) => update({ subject: value }))}
          ${fifo ? fifoFields(view, update) : nothing}
        </div>
        <h2>Message attributes</h2>
        ${attributesEditor(view.attributes, (attributes) => update({ attributes }))} ${errorBox(status.invalid)}
        <div class="row"><vscode-button ?disabled=${!!status.busy} @click=${publish}>Publish</vscode-button></div>
      </section>
      <section aria-label="Subscriptions">
        <h2>Subscriptions (${subscriptions.length})</h2>
        ${subscriptions.length === 0 ? html`<p class="muted">No subscriptions: published messages go nowhere.</p>` : nothing}
        ${subscriptions.map(
          (s) =>
            html`<div class="subscription">
              <p>
                <strong>${s.protocol}</strong> →
                <span class="mono">${s.endpoint}</span>${s.pending ? html` <em>(pending confirmation)</em>` : nothing}
              </p>
              ${
                s.pending
                  ? nothing
                  : html`<label class="field"
                        ><span
                          >Filter policy (${s.filterPolicyScope ?? 'MessageAttributes'}; empty = every message)</span
                        >
                        <vscode-textarea
                          class="code"
                          rows="5"
                          aria-label=${`Filter policy for ${s.endpoint}`}
                          .value=${view.drafts[s.arn] ?? ''}
                          @input=${(e: Event) => update({ drafts: { ...view.drafts, [s.arn]: valueOf(e) } })}
                        ></vscode-textarea>
                      </label>
                      ${errorBox(filterErrors[s.arn])}
                      <div class="row">
                        <vscode-button secondary ?disabled=${!!status.busy} @click=${() => saveFilter(s.arn)}
                          >Save filter policy</vscode-button
                        >
                      </div>`
              }
            </div>`,
        )}
      </section>`,
    app,
  );
}

addBaseStyles();
draw();
host.start(onMessage);
