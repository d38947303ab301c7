// Small rendering helpers shared by the views (Lit templates escape every value, so item data cannot inject markup).
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** Value of an input-like element behind an event (vscode-textfield, vscode-textarea, vscode-single-select…). */
export function valueOf(event: Event): string {
  const target = event.target as { value?: unknown } | null;
  return typeof target?.value === 'string' ? target.value : '';
}

/** Checked state of a vscode-checkbox behind an event. */
export function checkedOf(event: Event): boolean {
  const target = event.target as { checked?: unknown } | null;
  return target?.checked === true;
}

/** A labelled one-line text field; `onInput` gets the text after every keystroke. */
export function textField(
  label: string,
  ariaLabel: string,
  value: string,
  onInput: (value: string) => void,
  options: { readonly type?: 'number'; readonly placeholder?: string } = {},
): TemplateResult {
  return html`<label class="field"
    ><span>${label}</span>
    <vscode-textfield
      type=${ifDefined(options.type)}
      placeholder=${ifDefined(options.placeholder)}
      aria-label=${ariaLabel}
      .value=${value}
      @input=${(e: Event) => onInput(valueOf(e))}
    ></vscode-textfield
  ></label>`;
}

/** A spinner with a label and a Cancel button while a request runs. */
export function busyLine(label: string | undefined, onCancel: () => void): TemplateResult | typeof nothing {
  if (label === undefined) return nothing;
  return html`<div class="row busy" role="status">
    <vscode-progress-ring></vscode-progress-ring><span>${label}…</span>
    <vscode-button secondary @click=${onCancel}>Cancel</vscode-button>
  </div>`;
}

/** The request a view waits on, with the label its spinner shows. */
export interface Busy {
  readonly id: number;
  readonly label?: string | undefined;
}

/**
 * Busy state after the host's 'busy' message: a start shows the request's label; an end clears the spinner only
 * when it ends the request shown (or every request, id 0), so the late end of a superseded request leaves it.
 */
export function afterBusy(
  current: Busy | undefined,
  m: { readonly requestId: number; readonly busy: boolean; readonly label?: string },
): Busy | undefined {
  if (m.busy) return { id: m.requestId, label: m.label };
  return current?.id === m.requestId || m.requestId === 0 ? undefined : current;
}

/** busyLine for a request: its Cancel button asks the host to cancel that request. */
export function requestBusyLine(
  busy: Busy | undefined,
  post: (message: { type: 'cancel'; requestId?: number }) => void,
): TemplateResult | typeof nothing {
  return busyLine(busy?.label, () => post({ type: 'cancel', ...(busy ? { requestId: busy.id } : {}) }));
}

/** The host messages about requests that every view takes the same way. */
type RequestMessage =
  | { readonly type: 'busy'; readonly requestId: number; readonly busy: boolean; readonly label?: string }
  | { readonly type: 'error'; readonly message: string }
  | { readonly type: 'invalid'; readonly message: string };

/**
 * What a view shows about its requests: the spinner of the one in flight, the last error, and the last input the host
 * refused ('invalid', shown next to the form that sent it). One instance per view, fed every host message.
 */
export class RequestStatus {
  busy: Busy | undefined;
  error: string | undefined;
  invalid: string | undefined;

  /** Takes a busy, error or invalid message and says so; any other message is the view's own to handle. */
  take(message: { readonly type: string }): boolean {
    const m = message as RequestMessage;
    switch (m.type) {
      case 'busy':
        this.busy = afterBusy(this.busy, m);
        return true;
      case 'error':
        this.error = m.message;
        return true;
      case 'invalid':
        this.invalid = m.message;
        return true;
      default:
        return false;
    }
  }

  /** The spinner with its Cancel button, then the error box, as every view shows them. */
  lines(post: (message: { type: 'cancel'; requestId?: number }) => void): TemplateResult {
    return html`${requestBusyLine(this.busy, post)} ${errorBox(this.error)}`;
  }
}

export function errorBox(message: string | undefined): TemplateResult | typeof nothing {
  return message ? html`<div class="error" role="alert">${message}</div>` : nothing;
}

export function noticeBox(message: string | undefined): TemplateResult | typeof nothing {
  return message ? html`<div class="notice">${message}</div>` : nothing;
}

/** Bytes of a base64 string (views decode Kinesis data and binary attributes with it). */
export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Text of a base64 payload, or undefined when it is not valid UTF-8. */
export function base64ToText(b64: string): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(base64ToBytes(b64));
  } catch {
    return undefined;
  }
}
