// DynamoDB items view (browser side): scan or query with a key-condition builder, paged results in columns derived
// from the items, and a JSON editor for new and existing items.
import '../shared/nonce';
import '../shared/elements';
import { html, nothing, render } from 'lit';
import { connect } from '../shared/host';
import { addBaseStyles } from '../shared/styles';
import { checkedOf, errorBox, noticeBox, RequestStatus, valueOf, textField } from '../shared/ui';
import {
  SORT_OPS,
  checkItemText,
  checkKeyInput,
  describeKey,
  type ItemsFromView,
  type ItemsTarget,
  type ItemsToView,
  type KeyAttr,
  type SortOp,
  type TableSchema,
  type ViewItem,
} from '../../src/webviews/protocol/items';

/** Rows a view keeps; "Load more" past this drops the oldest. */
const MAX_ROWS = 2000;
const MAX_COLUMNS = 40;

interface Editor {
  text: string;
  /** JSON of the original key when editing an existing item. */
  originalKey?: string;
  hints?: Record<string, string>;
  error?: string;
}

interface ViewState {
  mode: 'scan' | 'query';
  index: string;
  pageSize: number;
  partitionValue: string;
  sortOp: '' | SortOp;
  sortValue: string;
  sortValue2: string;
  descending: boolean;
  rows: ViewItem[];
  pageToken?: string;
  lastMode?: 'scan' | 'query';
  scanned: number;
  editor?: Editor;
  selected?: number;
}

const host = connect<ItemsToView, ItemsFromView, ItemsTarget, ViewState>();
const restored = host.restore();
let target: ItemsTarget | undefined = restored?.target;
let schema: TableSchema | undefined;
let view: ViewState = {
  mode: 'scan',
  index: '',
  pageSize: 25,
  partitionValue: '',
  sortOp: '',
  sortValue: '',
  sortValue2: '',
  descending: false,
  rows: [],
  scanned: 0,
  ...((restored?.view as Partial<ViewState> | undefined) ?? {}),
};
const status = new RequestStatus();
let notice: string | undefined;

function update(patch: Partial<ViewState>): void {
  view = { ...view, ...patch };
  if (target) host.save(target, view);
  draw();
}

function keysOf(): { partitionKey: KeyAttr; sortKey?: KeyAttr } | undefined {
  if (!schema) return undefined;
  if (!view.index) return schema;
  return schema.indexes.find((i) => i.name === view.index) ?? schema;
}

function columns(): string[] {
  const keys = schema ? [schema.partitionKey.name, ...(schema.sortKey ? [schema.sortKey.name] : [])] : [];
  const rest = new Set<string>();
  for (const r of view.rows) for (const k of Object.keys(r.item)) if (!keys.includes(k)) rest.add(k);
  return [...keys, ...[...rest].sort()].slice(0, MAX_COLUMNS);
}

function cell(value: unknown): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

function run(more: boolean): void {
  status.error = undefined;
  notice = undefined;
  const requestId = host.nextRequestId();
  const pageToken = more ? view.pageToken : undefined;
  if (view.mode === 'scan') {
    host.post({
      type: 'scan',
      requestId,
      limit: view.pageSize,
      ...(view.index ? { index: view.index } : {}),
      ...(pageToken ? { pageToken } : {}),
    });
  } else {
    const keys = keysOf();
    if (!keys) return;
    const problem =
      (view.partitionValue ? checkKeyInput(keys.partitionKey, view.partitionValue) : 'Give the partition key value.') ??
      (view.sortOp && keys.sortKey && view.sortValue ? checkKeyInput(keys.sortKey, view.sortValue) : undefined) ??
      (view.sortOp && !view.sortValue ? 'Give the sort key value, or pick "no condition".' : undefined) ??
      (view.sortOp === 'between' && !view.sortValue2 ? '"between" needs a second value.' : undefined);
    if (problem) {
      status.error = problem;
      draw();
      return;
    }
    host.post({
      type: 'query',
      requestId,
      limit: view.pageSize,
      partitionValue: view.partitionValue,
      ...(view.index ? { index: view.index } : {}),
      ...(pageToken ? { pageToken } : {}),
      ...(view.sortOp
        ? {
            sort: {
              op: view.sortOp,
              value: view.sortValue,
              ...(view.sortOp === 'between' ? { value2: view.sortValue2 } : {}),
            },
          }
        : {}),
      ...(view.descending ? { descending: true } : {}),
    });
  }
  status.busy = { id: requestId, label: view.mode === 'scan' ? 'Scanning' : 'Querying' };
  draw();
}

function keyOf(item: Record<string, unknown>): Record<string, unknown> {
  if (!schema) return {};
  const key: Record<string, unknown> = { [schema.partitionKey.name]: item[schema.partitionKey.name] };
  if (schema.sortKey) key[schema.sortKey.name] = item[schema.sortKey.name];
  return key;
}

function newItem(): void {
  if (!schema) return;
  const template: Record<string, unknown> = {
    [schema.partitionKey.name]: schema.partitionKey.type === 'N' ? 0 : '',
  };
  if (schema.sortKey) template[schema.sortKey.name] = schema.sortKey.type === 'N' ? 0 : '';
  update({ editor: { text: JSON.stringify(template, null, 2) } });
}

function editRow(i: number): void {
  const row = view.rows[i];
  if (!row) return;
  update({
    selected: i,
    editor: {
      text: JSON.stringify(row.item, null, 2),
      originalKey: JSON.stringify(keyOf(row.item)),
      ...(row.hints ? { hints: { ...row.hints } } : {}),
    },
  });
}

function save(): void {
  const ed = view.editor;
  if (!ed || !schema) return;
  const checked = checkItemText(ed.text, schema);
  if (!checked.ok) {
    update({ editor: { ...ed, error: checked.error } });
    return;
  }
  status.busy = host.request('Saving', (requestId) => ({
    type: 'put',
    requestId,
    json: ed.text,
    ...(ed.hints ? { hints: ed.hints as Record<string, 'SS' | 'NS' | 'BS' | 'B' | 'N'> } : {}),
    ...(ed.originalKey ? { originalKey: ed.originalKey } : {}),
  }));
  update({ editor: { ...ed, error: undefined } });
}

function remove(i: number): void {
  const row = view.rows[i];
  if (!row) return;
  status.busy = host.request('Deleting', (requestId) => ({
    type: 'delete',
    requestId,
    key: JSON.stringify(keyOf(row.item)),
  }));
  draw();
}

function onMessage(m: ItemsToView): void {
  // A refused edit shows in the editor that sent it; a refused query with the other errors.
  if (m.type === 'invalid') {
    if (view.editor) update({ editor: { ...view.editor, error: m.message } });
    else {
      status.error = m.message;
      draw();
    }
    return;
  }
  if (status.take(m)) {
    draw();
    return;
  }
  switch (m.type) {
    case 'init':
      target = m.target;
      schema = m.schema;
      if (view.index && !schema.indexes.some((i) => i.name === view.index)) view.index = '';
      update({});
      // Tell the host what the restored view shows (after hide/show it comes from vscode state, not a new read).
      host.post({ type: 'shown', rows: view.rows.length, columns: columns().length });
      return;
    case 'page': {
      const rows = m.append ? [...view.rows, ...m.items] : m.items;
      update({
        rows: rows.length > MAX_ROWS ? rows.slice(rows.length - MAX_ROWS) : rows,
        pageToken: m.pageToken,
        lastMode: m.mode,
        scanned: (m.append ? view.scanned : 0) + m.scannedCount,
      });
      host.post({ type: 'shown', rows: view.rows.length, columns: columns().length });
      return;
    }
    case 'saved':
      notice = `${m.created ? 'Created' : 'Saved'} ${describeKey(m.key)}.`;
      update({ editor: undefined });
      run(false);
      return;
    case 'deleted': {
      const gone = JSON.stringify(m.key);
      notice = `Deleted ${describeKey(m.key)}.`;
      update({ rows: view.rows.filter((r) => JSON.stringify(keyOf(r.item)) !== gone), selected: undefined });
      return;
    }
  }
}

function queryBuilder() {
  const keys = keysOf();
  if (view.mode !== 'query' || !keys) return nothing;
  return html`<div class="row">
    <label class="field"
      ><span>${keys.partitionKey.name} (${keys.partitionKey.type}) =</span>
      <vscode-textfield
        aria-label="Partition key value"
        .value=${view.partitionValue}
        @input=${(e: Event) => update({ partitionValue: valueOf(e) })}
      ></vscode-textfield>
    </label>
    ${
      keys.sortKey
        ? html`<label class="field"
              ><span>${keys.sortKey.name} (${keys.sortKey.type})</span>
              <vscode-single-select
                aria-label="Sort key condition"
                .value=${view.sortOp}
                @change=${(e: Event) => update({ sortOp: valueOf(e) as '' | SortOp })}
              >
                <vscode-option value="" ?selected=${view.sortOp === ''}>no condition</vscode-option>
                ${SORT_OPS.map((op) => html`<vscode-option value=${op} ?selected=${view.sortOp === op}>${op}</vscode-option>`)}
              </vscode-single-select>
            </label>
            ${
              view.sortOp
                ? textField('value', 'Sort key value', view.sortValue, (value) => update({ sortValue: value }))
                : nothing
            }
            ${
              view.sortOp === 'between'
                ? textField('and', 'Second sort key value', view.sortValue2, (value) => update({ sortValue2: value }))
                : nothing
            }`
        : nothing
    }
    <vscode-checkbox .checked=${view.descending} @change=${(e: Event) => update({ descending: checkedOf(e) })}
      >Newest first</vscode-checkbox
    >
  </div>`;
}

function editor() {
  const ed = view.editor;
  if (!ed) return nothing;
  return html`<section aria-label="Item editor">
    <h2>${ed.originalKey ? 'Edit item' : 'New item'}</h2>
    <p class="sub">
      Plain JSON. Key attributes must be
      present${
        ed.hints && Object.keys(ed.hints).length
          ? html`;
            ${Object.entries(ed.hints)
              .map(([k, t]) => `${k} is kept as ${t}`)
              .join(', ')}`
          : nothing
      }.
    </p>
    <vscode-textarea
      class="code"
      rows="14"
      aria-label="Item JSON"
      .value=${ed.text}
      @input=${(e: Event) => {
        view = { ...view, editor: { ...ed, text: valueOf(e) } };
        if (target) host.save(target, view);
      }}
    ></vscode-textarea>
    ${errorBox(ed.error)}
    <div class="row">
      <vscode-button @click=${save}>Save item</vscode-button>
      <vscode-button secondary @click=${() => update({ editor: undefined })}>Close editor</vscode-button>
    </div>
  </section>`;
}

function table() {
  const cols = columns();
  if (!view.lastMode) return html`<p class="muted">Run a scan or a query to see items.</p>`;
  if (view.rows.length === 0) return html`<p class="muted">No items matched (${view.scanned} scanned).</p>`;
  return html`<p class="sub">
      ${view.rows.length} items shown, ${view.scanned} read${view.pageToken ? ', more available' : ''}.
    </p>
    <table class="grid" aria-label="Items">
      <thead>
        <tr>
          ${cols.map((c) => html`<th scope="col">${c}</th>`)}
          <th scope="col"><span class="muted">actions</span></th>
        </tr>
      </thead>
      <tbody>
        ${view.rows.map(
          (r, i) =>
            html`<tr class=${view.selected === i ? 'selected' : ''}>
              ${cols.map((c) => html`<td class="cell-clip mono" title=${cell(r.item[c])}>${cell(r.item[c])}</td>`)}
              <td>
                <vscode-button secondary @click=${() => editRow(i)}>Edit</vscode-button>
                <vscode-button secondary @click=${() => remove(i)}>Delete</vscode-button>
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${view.pageToken ? html`<vscode-button @click=${() => run(true)}>Load more</vscode-button>` : nothing}`;
}

function draw(): void {
  const app = document.getElementById('app');
  if (!app) return;
  const s = schema;
  render(
    html`<h1>${target?.table ?? 'DynamoDB table'}</h1>
      ${
        s
          ? html`<p class="sub">
              Key ${s.partitionKey.name}
              (${s.partitionKey.type})${s.sortKey ? html`, ${s.sortKey.name} (${s.sortKey.type})` : nothing} ·
              ${s.indexes.length}
              ${s.indexes.length === 1 ? 'index' : 'indexes'}${s.itemCount !== undefined ? html` · about ${s.itemCount} items` : nothing}${
                s.billingMode ? html` · ${s.billingMode}` : nothing
              }
            </p>`
          : html`<p class="sub">Reading the table…</p>`
      }
      <div class="row">
        <label class="field"
          ><span>Mode</span>
          <vscode-single-select
            aria-label="Mode"
            .value=${view.mode}
            @change=${(e: Event) => update({ mode: valueOf(e) === 'query' ? 'query' : 'scan' })}
          >
            <vscode-option value="scan" ?selected=${view.mode === 'scan'}>Scan</vscode-option>
            <vscode-option value="query" ?selected=${view.mode === 'query'}>Query</vscode-option>
          </vscode-single-select>
        </label>
        <label class="field"
          ><span>Index</span>
          <vscode-single-select
            aria-label="Index"
            .value=${view.index}
            @change=${(e: Event) => update({ index: valueOf(e), sortOp: '' })}
          >
            <vscode-option value="" ?selected=${view.index === ''}>Table</vscode-option>
            ${(s?.indexes ?? []).map(
              (i) =>
                html`<vscode-option value=${i.name} ?selected=${view.index === i.name}
                  >${i.kind} ${i.name}</vscode-option
                >`,
            )}
          </vscode-single-select>
        </label>
        <label class="field"
          ><span>Page size</span>
          <vscode-textfield
            type="number"
            min="1"
            max="500"
            aria-label="Page size"
            .value=${String(view.pageSize)}
            @change=${(e: Event) => update({ pageSize: Math.min(500, Math.max(1, Number(valueOf(e)) || 25)) })}
          ></vscode-textfield>
        </label>
        <vscode-button ?disabled=${!s || !!status.busy} @click=${() => run(false)}
          >${view.mode === 'scan' ? 'Scan' : 'Query'}</vscode-button
        >
        <vscode-button secondary ?disabled=${!s} @click=${newItem}>New item</vscode-button>
      </div>
      ${queryBuilder()} ${status.lines(host.post)} ${noticeBox(notice)} ${editor()} ${table()}`,
    app,
  );
}

addBaseStyles();
draw();
host.start(onMessage);
