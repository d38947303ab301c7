// Key-distribution panel (browser side): per key (table and each GSI) a histogram of the busiest partition-key
// values with their share, the distinct count and Gini coefficient, and the findings of the sample rules.
import '../shared/nonce';
import '../shared/elements';
import { html, nothing, render, type TemplateResult } from 'lit';
import { connect } from '../shared/host';
import { addBaseStyles, addStyles } from '../shared/styles';
import { RequestStatus } from '../shared/ui';
import type {
  HistogramView,
  KeyDistributionFromView,
  KeyDistributionResult,
  KeyDistributionTarget,
  KeyDistributionToView,
} from '../../src/dynamodb/protocol';

type ViewState = Record<string, never>;

const host = connect<KeyDistributionToView, KeyDistributionFromView, KeyDistributionTarget, ViewState>();
const restored = host.restore();
let target: KeyDistributionTarget | undefined = restored?.target;
let result: KeyDistributionResult | undefined;
const status = new RequestStatus();

const nf = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const pct = (share: number) => `${nf.format(share * 100)}%`;

addBaseStyles();
addStyles(`
  .summary { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0 16px; }
  .summary dt { opacity: .8; }
  table.hist { border-collapse: collapse; width: 100%; max-width: 900px; table-layout: fixed; }
  table.hist col.value { width: 32%; } table.hist col.bar { width: 48%; } table.hist col.num { width: 10%; }
  table.hist td { padding: 2px 6px; vertical-align: middle; }
  table.hist td.value { font-family: var(--vscode-editor-font-family); max-width: 320px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  table.hist td.count, table.hist td.share { text-align: right; white-space: nowrap; }
  table.hist meter { width: 100%; min-width: 120px; }
  .finding { margin: 4px 0; }
  .sev { font-weight: 600; text-transform: uppercase; margin-right: 6px; }
  .sev.error { color: var(--vscode-errorForeground); }
  .sev.warning { color: var(--vscode-editorWarning-foreground); }
`);

function histogram(h: HistogramView): TemplateResult {
  const title = h.scope === 'table' ? 'Table partition key' : `GSI ${h.scope}`;
  return html`<section>
    <h3>${title}: ${h.attributes.join(' + ')}</h3>
    <dl class="summary">
      <dt>Items with the key</dt>
      <dd>${h.keyed}${h.missing ? ` (${h.missing} without it: not in the index)` : ''}</dd>
      <dt>Distinct values</dt>
      <dd>${h.distinct}</dd>
      <dt>Busiest value's share</dt>
      <dd>${pct(h.topShare)}</dd>
      <dt>Gini coefficient</dt>
      <dd>${h.gini.toFixed(2)} <span class="muted">(0 = even, 1 = one value holds everything)</span></dd>
    </dl>
    <table class="hist" aria-label="Busiest values of ${h.attributes.join(' + ')}">
      <colgroup>
        <col class="value" />
        <col class="bar" />
        <col class="num" />
        <col class="num" />
      </colgroup>
      ${h.bars.map(
        (b) =>
          html`<tr>
            <td class="value" title=${b.value}>${b.value}</td>
            <td><meter min="0" max=${h.keyed} value=${b.count}></meter></td>
            <td class="count">${b.count}</td>
            <td class="share">${pct(h.keyed ? b.count / h.keyed : 0)}</td>
          </tr>`,
      )}
      ${
        h.other > 0
          ? html`<tr>
              <td class="value"><em>${h.distinct - h.bars.length} other values</em></td>
              <td><meter min="0" max=${h.keyed} value=${h.other}></meter></td>
              <td class="count">${h.other}</td>
              <td class="share">${pct(h.keyed ? h.other / h.keyed : 0)}</td>
            </tr>`
          : nothing
      }
    </table>
  </section>`;
}

function resample(): void {
  status.error = undefined;
  status.busy = host.request('Sampling', (requestId) => ({ type: 'resample', requestId }));
  draw();
}

function draw(): void {
  const r = result;
  render(
    html`<main>
      <h2>Key distribution${target ? html`: <code>${target.table}</code>` : nothing}</h2>
      ${status.lines(host.post)}
      ${
        r
          ? html`<p>
                Sampled <strong>${r.sampled}</strong> items in ${r.pages} page${r.pages === 1 ? '' : 's'}
                ${r.complete ? '(the whole table)' : `(capped at ${r.cap}: a partial sample)`}.
                <vscode-button secondary @click=${resample} ?disabled=${status.busy !== undefined}
                  >Sample again</vscode-button
                >
              </p>
              <p>${r.capacity}</p>
              <section>
                <h3>Findings</h3>
                ${
                  r.findings.length
                    ? r.findings.map(
                        (f) =>
                          html`<div class="finding">
                            <span class="sev ${f.severity}">${f.severity}</span><code>${f.ruleId}</code> ${f.message}
                          </div>`,
                      )
                    : html`<p>No skew, capacity or size problems in this sample.</p>`
                }
              </section>
              ${r.histograms.map(histogram)}`
          : status.busy
            ? nothing
            : html`<p>No sample yet.</p>`
      }
    </main>`,
    document.body,
  );
}

host.start((m) => {
  switch (m.type) {
    case 'result':
      result = m.result;
      status.busy = undefined;
      status.error = undefined;
      // The first result names the table; saving it lets the panel come back after a window reload.
      target = { table: m.result.table };
      host.save(target, {});
      break;
    default:
      status.take(m);
  }
  draw();
});
draw();
