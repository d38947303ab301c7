// Message fields the SQS and SNS views share: an editable list of attributes (name, String/Number/Binary, value) and
// the message group and deduplication ids of a FIFO send or publish.
import { html, type TemplateResult } from 'lit';
import { ATTRIBUTE_TYPES, type AttributeType, type MessageAttributeInput } from '../../src/webviews/protocol/sqs';
import { textField, valueOf } from './ui';

export function attributesEditor(
  list: readonly MessageAttributeInput[],
  onChange: (next: MessageAttributeInput[]) => void,
): TemplateResult {
  const set = (i: number, patch: Partial<MessageAttributeInput>) =>
    onChange(list.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return html`<div class="attributes">
    ${list.map(
      (a, i) =>
        html`<div class="row">
          <vscode-textfield
            aria-label="Attribute name"
            placeholder="name"
            .value=${a.name}
            @input=${(e: Event) => set(i, { name: valueOf(e) })}
          ></vscode-textfield>
          <vscode-single-select
            aria-label="Attribute type"
            .value=${a.type}
            @change=${(e: Event) => set(i, { type: valueOf(e) as AttributeType })}
          >
            ${ATTRIBUTE_TYPES.map((t) => html`<vscode-option value=${t} ?selected=${t === a.type}>${t}</vscode-option>`)}
          </vscode-single-select>
          <vscode-textfield
            aria-label="Attribute value"
            placeholder=${a.type === 'Binary' ? 'base64' : 'value'}
            .value=${a.value}
            @input=${(e: Event) => set(i, { value: valueOf(e) })}
          ></vscode-textfield>
          <vscode-button secondary @click=${() => onChange(list.filter((_, j) => j !== i))}>Remove</vscode-button>
        </div>`,
    )}
    <vscode-button
      secondary
      ?disabled=${list.length >= 10}
      @click=${() => onChange([...list, { name: '', type: 'String', value: '' }])}
      >Add attribute</vscode-button
    >
  </div>`;
}

/** The message group id and deduplication id fields of a FIFO send or publish; `dedupHint` follows the label. */
export function fifoFields(
  ids: { readonly groupId: string; readonly deduplicationId: string },
  onChange: (patch: { groupId?: string; deduplicationId?: string }) => void,
  dedupHint = '',
): TemplateResult {
  return html`${textField('Message group id', 'Message group id', ids.groupId, (groupId) => onChange({ groupId }))}
  ${textField(`Deduplication id${dedupHint}`, 'Deduplication id', ids.deduplicationId, (deduplicationId) =>
    onChange({ deduplicationId }),
  )}`;
}
