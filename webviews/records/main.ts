// Kinesis record browser (browser side): pick a shard and an iterator type, read and page, tail live; data shown as
// text, pretty JSON or base64. The list is bounded: the oldest records drop off the top.
import '../shared/nonce';
import '../shared/elements';
import { html, nothing, render } from 'lit';
import { connect, keepLast } from '../shared/host';
import { addBaseStyles } from '../shared/styles';
import { base64ToText, noticeBox, RequestStatus, valueOf, textField } from '../shared/ui';
import {
  ITERATOR_TYPES,
  MAX_RECORDS_IN_VIEW,
  checkIteratorInput,
  type IteratorType,
  type RecordsFromView,
  type RecordsTarget,
  type RecordsToView,
  type ShardInfo,
  type StreamRecord,
  type TailState,
} from '../../src/webviews/protocol/records';

type Format = 'text' | 'json' | 'base64';

interface ViewState {
  shardId: string;
  iterator: IteratorType;
  sequenceNumber: string;
  timestamp: string;
  limit: number;
  format: Format;
  records: StreamRecord[];
  hasMore: boolean;
  millisBehindLatest?: number;
  dropped: number;
}

const host = connect<RecordsToView, RecordsFromView, RecordsTarget, ViewState>();
const restored = host.restore();
let target: RecordsTarget | undefined = restored?.target;
let shards: ShardInfo[] = [];
let view: ViewState = {
  shardId: restored?.target.shardId ?? '',
  iterator: 'TRIM_HORIZON',
  sequenceNumber: '',
  timestamp: '',
  limit: 100,
  format: 'text',
  records: [],
  hasMore: false,
  dropped: 0,
  ...((restored?.view as Partial<ViewState> | undefined) ?? {}),
};
const status = new RequestStatus();
let tail: { state: TailState; reason?: string; nextPollMs?: number } = { state: 'stopped' };

function update(patch: Partial<ViewState>): void {
  view = { ...view, ...patch };
  if (target) host.save(target, view);
  draw();
}

function read(): void {
  status.error = undefined;
  const problem = !view.shardId
    ? 'Pick a shard.'
    : checkIteratorInput(view.iterator, view.sequenceNumber, view.timestamp);
  if (problem) {
    status.error = problem;
    draw();
    return;
  }
  const requestId = host.nextRequestId();
  const timestamp = view.iterator === 'AT_TIMESTAMP' ? new Date(Date.parse(view.timestamp)).toISOString() : undefined;
  host.post({
    type: 'read',
    requestId,
    shardId: view.shardId,
    iterator: view.iterator,
    limit: view.limit,
    ...(view.iterator.endsWith('SEQUENCE_NUMBER') ? { sequenceNumber: view.sequenceNumber.trim() } : {}),
    ...(timestamp ? { timestamp } : {}),
  });
  status.busy = { id: requestId, label: 'Reading' };
  draw();
}

function more(): void {
  status.error = undefined;
  status.busy = host.request('Reading more', (requestId) => ({ type: 'more', requestId, limit: view.limit }));
  draw();
}

function showData(r: StreamRecord): string {
  if (view.format === 'base64') return r.data;
  const text = base64ToText(r.data);
  if (text === undefined) return `(binary, ${Math.floor((r.data.length * 3) / 4)} bytes) ${r.data}`;
  if (view.format === 'json') {
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      return `${text}\n(not JSON)`;
    }
  }
  return text;
}

function onMessage(m: RecordsToView): void {
  if (status.take(m)) {
    draw();
    return;
  }
  switch (m.type) {
    case 'init':
      target = m.target;
      shards = m.shards;
      tail = { state: m.tail };
      if (!view.shardId || !shards.some((s) => s.shardId === view.shardId)) {
        view.shardId = shards.find((s) => s.open)?.shardId ?? shards[0]?.shardId ?? '';
      }
      update({});
      // Tell the host what the restored view shows (after hide/show it comes from vscode state, not a new read).
      host.post({ type: 'shown', rows: view.records.length, columns: 5 });
      return;
    case 'tail':
      tail = {
        state: m.state,
        ...(m.reason ? { reason: m.reason } : {}),
        ...(m.nextPollMs !== undefined ? { nextPollMs: m.nextPollMs } : {}),
      };
      draw();
      return;
    case 'records': {
      const all = m.reset ? m.records : [...view.records, ...m.records];
      const kept = keepLast(all, MAX_RECORDS_IN_VIEW);
      update({
        records: kept,
        hasMore: m.hasMore,
        dropped: (m.reset ? 0 : view.dropped) + (all.length - kept.length),
        ...(m.millisBehindLatest !== undefined ? { millisBehindLatest: m.millisBehindLatest } : {}),
      });
      host.post({ type: 'shown', rows: view.records.length, columns: 5 });
      return;
    }
  }
}

function shardLabel(s: ShardInfo): string {
  const lineage = s.parentShardId
    ? ` ← ${s.parentShardId}${s.adjacentParentShardId ? ` + ${s.adjacentParentShardId}` : ''}`
    : '';
  return `${s.shardId}${s.open ? '' : ' (closed)'}${lineage}`;
}

function draw(): void {
  const app = document.getElementById('app');
  if (!app) return;
  const tailing = tail.state === 'running';
  render(
    html`<h1>${target?.stream ?? 'Kinesis stream'}</h1>
      <p class="sub">
        ${shards.length} shards · ${view.records.length} records
        shown${
          view.dropped ? html` (${view.dropped} older ones dropped; the view keeps ${MAX_RECORDS_IN_VIEW})` : nothing
        }${view.millisBehindLatest !== undefined ? html` · ${view.millisBehindLatest} ms behind latest` : nothing}
      </p>
      <div class="row">
        <label class="field"
          ><span>Shard</span>
          <vscode-single-select
            aria-label="Shard"
            .value=${view.shardId}
            @change=${(e: Event) => update({ shardId: valueOf(e) })}
          >
            ${shards.map(
              (s) =>
                html`<vscode-option value=${s.shardId} ?selected=${s.shardId === view.shardId}
                  >${shardLabel(s)}</vscode-option
                >`,
            )}
          </vscode-single-select>
        </label>
        <label class="field"
          ><span>Start at</span>
          <vscode-single-select
            aria-label="Iterator type"
            .value=${view.iterator}
            @change=${(e: Event) => update({ iterator: valueOf(e) as IteratorType })}
          >
            ${ITERATOR_TYPES.map((t) => html`<vscode-option value=${t} ?selected=${t === view.iterator}>${t}</vscode-option>`)}
          </vscode-single-select>
        </label>
        ${
          view.iterator.endsWith('SEQUENCE_NUMBER')
            ? textField('Sequence number', 'Sequence number', view.sequenceNumber, (value) =>
                update({ sequenceNumber: value }),
              )
            : nothing
        }
        ${
          view.iterator === 'AT_TIMESTAMP'
            ? textField(
                'Date and time (ISO 8601)',
                'Timestamp',
                view.timestamp,
                (value) => update({ timestamp: value }),
                { placeholder: '2026-11-21T10:00:00Z' },
              )
            : nothing
        }
        <label class="field"
          ><span>Per read</span>
          <vscode-textfield
            type="number"
            aria-label="Records per read"
            .value=${String(view.limit)}
            @change=${(e: Event) => update({ limit: Math.min(1000, Math.max(1, Number(valueOf(e)) || 100)) })}
          ></vscode-textfield>
        </label>
        <vscode-button ?disabled=${!!status.busy} @click=${read}>Read</vscode-button>
        <vscode-button secondary ?disabled=${!!status.busy || !view.hasMore || tailing} @click=${more}
          >Load more</vscode-button
        >
        <vscode-button
          secondary
          aria-pressed=${tailing ? 'true' : 'false'}
          @click=${() => host.post({ type: 'tail', on: !tailing })}
          >${tailing ? 'Stop live tail' : 'Start live tail'}</vscode-button
        >
      </div>
      <div class="row">
        <label class="field"
          ><span>Show data as</span>
          <vscode-single-select
            aria-label="Data format"
            .value=${view.format}
            @change=${(e: Event) => update({ format: valueOf(e) as Format })}
          >
            <vscode-option value="text" ?selected=${view.format === 'text'}>Text</vscode-option>
            <vscode-option value="json" ?selected=${view.format === 'json'}>JSON (pretty)</vscode-option>
            <vscode-option value="base64" ?selected=${view.format === 'base64'}>Base64</vscode-option>
          </vscode-single-select>
        </label>
        <span class="muted" role="status"
          >${
            tailing
              ? `Live tail running${tail.nextPollMs ? ` · next poll in ${Math.round(tail.nextPollMs / 100) / 10} s` : ''}${tail.reason ? ` · last error: ${tail.reason}` : ''}`
              : tail.reason
                ? `Live tail stopped: ${tail.reason}`
                : 'Live tail off'
          }</span
        >
      </div>
      ${status.lines(host.post)}
      ${view.records.length === 0 ? noticeBox('No records read yet (or none in this range).') : nothing}
      ${
        view.records.length
          ? html`<table class="grid" aria-label="Records">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Partition key</th>
                  <th scope="col">Sequence number</th>
                  <th scope="col">Arrival</th>
                  <th scope="col">Data</th>
                </tr>
              </thead>
              <tbody>
                ${view.records.map(
                  (r, i) =>
                    html`<tr>
                      <td class="muted">${i + 1 + view.dropped}</td>
                      <td class="mono">${r.partitionKey}</td>
                      <td class="mono cell-id" title=${r.sequenceNumber}>${r.sequenceNumber}</td>
                      <td class="mono">${r.arrival ? r.arrival.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : ''}</td>
                      <td><pre>${showData(r)}</pre></td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : nothing
      }`,
    app,
  );
}

addBaseStyles();
draw();
host.start(onMessage);
