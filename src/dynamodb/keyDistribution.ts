// "Analyse Key Distribution": samples a table's items from the emulator (paged, capped, cancellable, with a
// progress notification), runs the sample rules through the analysis core and shows a histogram panel.
import * as vscode from 'vscode';
import type { AwsClients } from '../aws/clients';
import { describeTableJson, listTableNames, sampleTable } from '../aws/dynamodbSample';
import { describeError } from '../aws/errors';
import { isNodeOf } from '../explorer/model';
import { WebviewPanels, type PanelHost, type PanelKind, type PanelLog } from '../webviews/panel';
import { lazyBundle } from '../lazy';
import type * as LiveAnalysis from './liveAnalysisRuntime';
import {
  KEY_DISTRIBUTION_VIEW_TYPE,
  keyDistributionFromView,
  keyDistributionTarget,
  type KeyDistributionFromView,
  type KeyDistributionResult,
  type KeyDistributionTarget,
  type KeyDistributionToView,
} from './protocol';
import { sampleSettings, type SampleSettings } from './settings';

const liveAnalysis = lazyBundle<typeof LiveAnalysis>('live-analysis.js');

export const ANALYZE_COMMAND = 'localCloudLab.dynamodb.analyseKeyDistribution';

export interface KeyDistributionDeps {
  readonly log: PanelLog;
  /** Clients of the live connection; undefined when the emulator does not answer. */
  readonly clients: () => Promise<AwsClients | undefined>;
}

async function requireClients(deps: KeyDistributionDeps): Promise<AwsClients> {
  const clients = await deps.clients();
  if (!clients) throw new Error('the emulator is not connected (see the Local Cloud Lab status bar item)');
  return clients;
}

/** Samples and analyzes one table. */
export async function analyzeTable(
  clients: AwsClients,
  table: string,
  settings: SampleSettings,
  signal: AbortSignal,
  onPage?: (sampled: number) => void,
): Promise<KeyDistributionResult> {
  const describe = await describeTableJson(clients, table, signal);
  const sample = await sampleTable(clients, table, {
    cap: settings.cap,
    pageSize: settings.pageSize,
    signal,
    onPage: (n) => onPage?.(n),
  });
  const analysis = liveAnalysis().analyzeLiveSample(describe, sample.items, { source: `sample of ${table}` });
  return {
    table,
    sampled: sample.items.length,
    complete: sample.complete,
    pages: sample.pages,
    cap: settings.cap,
    histograms: analysis.histograms,
    findings: analysis.findings,
    capacity: analysis.capacity,
  };
}

export interface KeyDistributionApi {
  readonly panels: WebviewPanels;
  readonly kind: PanelKind<KeyDistributionTarget, KeyDistributionFromView, KeyDistributionToView>;
}

/** Registers the command, the panel and its serializer. Called once from the composition root. */
export function registerKeyDistribution(
  context: vscode.ExtensionContext,
  deps: KeyDistributionDeps,
): KeyDistributionApi {
  // Latest result per table, so a panel that is hidden and shown again redraws without sampling again.
  const results = new Map<string, KeyDistributionResult>();
  const settings = () => {
    const config = vscode.workspace.getConfiguration('localCloudLab.dynamodb');
    return sampleSettings((key) => config.get(key));
  };
  const panels = new WebviewPanels(context.extensionUri, deps.log);

  const kind: PanelKind<KeyDistributionTarget, KeyDistributionFromView, KeyDistributionToView> = {
    viewType: KEY_DISTRIBUTION_VIEW_TYPE,
    script: 'keyDistribution',
    title: (t) => `Key distribution: ${t.table}`,
    key: (t) => t.table,
    target: keyDistributionTarget,
    fromView: keyDistributionFromView,
    create(host: PanelHost<KeyDistributionToView>, target) {
      const resample = (requestId: number) =>
        host.run(requestId, `Sample ${target.table}`, async (signal) => {
          const result = await analyzeTable(await requireClients(deps), target.table, settings(), signal);
          results.set(target.table, result);
          host.post({ type: 'result', result });
        });
      return {
        async onReady() {
          const known = results.get(target.table);
          if (known) host.post({ type: 'result', result: known });
          else await resample(0);
        },
        async onMessage(m) {
          if (m.type === 'resample') await resample(m.requestId);
        },
      };
    },
  };

  const run = async (arg?: unknown): Promise<KeyDistributionResult | undefined> => {
    const clients = await requireClients(deps);
    const table =
      typeof arg === 'string' && arg.trim()
        ? arg.trim()
        : isNodeOf(arg, 'dynamodb.table')
          ? arg.ref.tableName
          : await pickTable(clients);
    if (!table) return undefined;
    const s = settings();
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Sampling ${table}`, cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const sub = token.onCancellationRequested(() => controller.abort());
        let last = 0;
        try {
          return await analyzeTable(clients, table, s, controller.signal, (sampled) => {
            progress.report({
              message: `${sampled} of at most ${s.cap} items`,
              increment: ((sampled - last) / s.cap) * 100,
            });
            last = sampled;
          });
        } catch (err) {
          if (controller.signal.aborted) return undefined;
          throw err;
        } finally {
          sub.dispose();
        }
      },
    );
    if (!result) {
      void vscode.window.showInformationMessage(`Key distribution of ${table}: sampling cancelled.`);
      return undefined;
    }
    results.set(table, result);
    panels.show(kind, { table }).post({ type: 'result', result });
    return result;
  };

  context.subscriptions.push(
    panels,
    panels.register(kind),
    vscode.commands.registerCommand(ANALYZE_COMMAND, async (arg?: unknown) => {
      try {
        return await run(arg);
      } catch (err) {
        void vscode.window.showErrorMessage(`Analyse key distribution failed: ${describeError(err)}`);
        return undefined;
      }
    }),
  );
  const api: KeyDistributionApi = { panels, kind };
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    // Tests reach the open panel to watch the view load and the host answer.
    context.subscriptions.push(vscode.commands.registerCommand('localCloudLab.test.keyDistribution', () => api));
  }
  return api;
}

async function pickTable(clients: AwsClients): Promise<string | undefined> {
  const names = await listTableNames(clients, 1000);
  if (!names.length) {
    void vscode.window.showInformationMessage('The emulator has no DynamoDB tables to analyse.');
    return undefined;
  }
  return vscode.window.showQuickPick(names, { title: 'Analyse key distribution', placeHolder: 'Table to sample' });
}
