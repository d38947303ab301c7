// "Record my calls": Start Recording starts a local proxy in front of the emulator and points the integrated
// terminal's endpoint variables at it, so the learner's CLI and SDK calls go through it; each is mapped to the IAM
// action(s) and resource ARN(s) it needs. Stop Recording opens the least-privilege policy of what was recorded in a
// new JSON editor (the language server lints it) and offers "Compare with Role or User…": what a principal of the
// emulator is granted that the recording never used ("unused access"). The recorder is a lazy bundle.
import * as vscode from 'vscode';
import type { AwsClients } from '../aws/clients';
import { endpointFor, serviceKeyOfSigningName } from '../aws/connection';
import * as iam from '../aws/iam';
import { principalPoliciesOf } from '../aws/resourcePolicies';
import { callerAccount } from '../aws/sts';
import type { TerminalRoute } from '../connection/terminalEnv';
import { lazyBundle } from '../lazy';
import type * as Runtime from '../record/recordingRuntime';

const runtime = lazyBundle<typeof Runtime>('recording.js');

export const START_RECORDING_COMMAND = 'localCloudLab.iam.startRecording';
export const STOP_RECORDING_COMMAND = 'localCloudLab.iam.stopRecording';
export const COMPARE_RECORDING_COMMAND = 'localCloudLab.iam.compareRecording';
export const RECORDING_CONTEXT_KEY = 'localCloudLab.recording';

/** moto's and LocalStack's account when the emulator does not say. */
const FALLBACK_ACCOUNT = '000000000000';

export interface RecordCallsDeps {
  readonly output: vscode.LogOutputChannel;
  /** Live clients once connected (undefined when the connection is not usable). */
  readonly whenConnected: () => Promise<AwsClients | undefined>;
  readonly route: TerminalRoute;
}

/** What Start Recording answers (also to tests). */
export interface StartResult {
  readonly proxyUrl: string;
  readonly account: string;
}

/** What Stop Recording answers (also to tests). */
export interface StopResult {
  readonly requests: number;
  readonly permissions: number;
  readonly policyText: string;
  readonly document?: string;
  readonly unmapped: readonly string[];
}

export interface CompareArgs {
  readonly principal?: string;
}

export interface CompareResult {
  readonly principal: string;
  readonly unused: readonly {
    readonly sid: string;
    readonly action: string;
    readonly resource: string;
    readonly reason: string;
  }[];
  readonly denied: number;
}

interface Active {
  readonly recorder: Runtime.Recorder;
  readonly clients: AwsClients;
  readonly account: string;
}

export function registerRecordCalls(context: vscode.ExtensionContext, deps: RecordCallsDeps): void {
  let active: Active | undefined;
  let last: { summary: Runtime.CallLogSummary; clients: AwsClients } | undefined;
  let starting = false;
  const status = vscode.window.createStatusBarItem('localCloudLab.recording', vscode.StatusBarAlignment.Left, 99);
  status.name = 'Local Cloud Lab: recording AWS calls';
  status.command = STOP_RECORDING_COMMAND;
  status.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
  const setCount = (requests: number, pairs: number) => {
    status.text = `$(record) Recording AWS calls: ${requests} (${pairs} permission${pairs === 1 ? '' : 's'})`;
  };
  const setRecording = (on: boolean) => void vscode.commands.executeCommand('setContext', RECORDING_CONTEXT_KEY, on);

  const start = async (): Promise<StartResult | undefined> => {
    if (active) {
      void vscode.window.showInformationMessage(`Already recording AWS calls through ${active.recorder.url}.`);
      return { proxyUrl: active.recorder.url, account: active.account };
    }
    if (starting) return undefined;
    starting = true;
    try {
      const clients = await deps.whenConnected();
      if (!clients) {
        void vscode.window.showErrorMessage('Start recording failed: not connected to an emulator.');
        return undefined;
      }
      const connection = clients.connection;
      let account = FALLBACK_ACCOUNT;
      try {
        account = (await callerAccount(clients)) ?? FALLBACK_ACCOUNT;
      } catch (e) {
        deps.output.warn(`Record my calls: account id not read, using ${account} (${String(e)})`);
      }
      const recorder = await runtime().startRecorder({
        account,
        region: connection.region,
        target: (name) => {
          const key = serviceKeyOfSigningName(name);
          return key ? endpointFor(connection, key) : connection.endpoint;
        },
        onRequest: setCount,
      });
      active = { recorder, clients, account };
      deps.route.set(recorder.url);
      setCount(0, 0);
      status.tooltip = `Calls to ${recorder.url} are recorded and forwarded to the emulator. Click to stop.`;
      status.show();
      setRecording(true);
      deps.output.info(`Record my calls: proxy on ${recorder.url} (account ${account}, region ${connection.region})`);
      void vscode.window.showInformationMessage(
        `Recording AWS calls through ${recorder.url}. New terminals send their calls through it ` +
          '(relaunch open ones); point other code at it with AWS_ENDPOINT_URL.',
      );
      return { proxyUrl: recorder.url, account };
    } catch (e) {
      void vscode.window.showErrorMessage(`Start recording failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    } finally {
      starting = false;
    }
  };

  const stop = async (): Promise<StopResult | undefined> => {
    if (!active) {
      void vscode.window.showInformationMessage('Not recording AWS calls.');
      return undefined;
    }
    const { recorder, clients } = active;
    active = undefined;
    deps.route.set(undefined);
    status.hide();
    setRecording(false);
    const summary = await recorder.stop();
    last = { summary, clients };
    const unmapped = summary.unmapped.map((u) => `${u.what} (×${u.count})`);
    for (const u of unmapped) deps.output.info(`Record my calls: not mapped: ${u}`);
    for (const n of summary.notes) deps.output.info(`Record my calls: ${n}`);
    if (summary.dropped)
      deps.output.warn(`Record my calls: ${summary.dropped} permissions beyond the cap were dropped`);
    const { text, statements } = runtime().recordedPolicy(summary.access);
    const result: StopResult = {
      requests: summary.requests,
      permissions: summary.access.length,
      policyText: text,
      unmapped,
    };
    if (!summary.access.length) {
      void vscode.window.showInformationMessage(
        `Recording stopped: ${summary.requests} request${summary.requests === 1 ? '' : 's'}, no permissions recorded.`,
      );
      return result;
    }
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: text });
    await vscode.window.showTextDocument(doc, { preview: false });
    const more = unmapped.length ? ` ${unmapped.length} kind(s) of request not mapped (see the output).` : '';
    void vscode.window
      .showInformationMessage(
        `Generated a policy of ${statements} statement${statements === 1 ? '' : 's'} from ${summary.requests} ` +
          `recorded request${summary.requests === 1 ? '' : 's'}.${more}`,
        'Compare with Role or User…',
      )
      .then((choice) => {
        if (choice) void vscode.commands.executeCommand(COMPARE_RECORDING_COMMAND);
      });
    return { ...result, document: doc.uri.toString() };
  };

  const compare = async (args: CompareArgs = {}): Promise<CompareResult | undefined> => {
    if (!last) {
      void vscode.window.showInformationMessage('Record some calls first (Start Recording My Calls, then Stop).');
      return undefined;
    }
    const { summary, clients } = last;
    let principal = args.principal;
    if (!principal) {
      try {
        const [users, roles] = await Promise.all([
          iam.listUsers(clients, { pageSize: 100 }),
          iam.listRoles(clients, { pageSize: 100 }),
        ]);
        const items: vscode.QuickPickItem[] = [
          ...users.items.map((u) => ({ label: u.arn, description: `user ${u.name}` })),
          ...roles.items.map((r) => ({ label: r.arn, description: `role ${r.name}` })),
        ];
        if (!items.length) {
          void vscode.window.showInformationMessage('The emulator has no IAM users or roles to compare with.');
          return undefined;
        }
        principal = (await vscode.window.showQuickPick(items, { title: 'Unused access of which role or user?' }))
          ?.label;
      } catch (e) {
        void vscode.window.showErrorMessage(
          `List users and roles failed: ${e instanceof Error ? e.message : String(e)}`,
        );
        return undefined;
      }
    }
    if (!principal) return undefined;
    let found: Awaited<ReturnType<typeof principalPoliciesOf>>;
    try {
      found = await principalPoliciesOf(clients, principal);
    } catch (e) {
      void vscode.window.showErrorMessage(
        `Read the policies of ${principal} failed: ${e instanceof Error ? e.message : String(e)}`,
      );
      return undefined;
    }
    if (!found) {
      void vscode.window.showErrorMessage(`Compare failed: ${principal} is not a user or role of the emulator.`);
      return undefined;
    }
    const text = (p: { label: string; text: string }) => ({ file: p.label, text: p.text });
    const outcome = runtime().compareWithRecording(
      principal,
      found.identity.map(text),
      found.boundary ? text(found.boundary) : undefined,
      summary.access,
    );
    if (!outcome.ok) {
      void vscode.window.showErrorMessage(`Compare failed: ${outcome.reason}`);
      return undefined;
    }
    const md = await vscode.workspace.openTextDocument({ language: 'markdown', content: outcome.markdown });
    await vscode.window.showTextDocument(md, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    return {
      principal,
      unused: outcome.result.unused.map((u) => ({
        sid: u.statement.sid,
        action: u.action,
        resource: u.resource,
        reason: u.reason,
      })),
      denied: outcome.result.denied.length,
    };
  };

  context.subscriptions.push(
    status,
    vscode.commands.registerCommand(START_RECORDING_COMMAND, start),
    vscode.commands.registerCommand(STOP_RECORDING_COMMAND, stop),
    vscode.commands.registerCommand(COMPARE_RECORDING_COMMAND, (args?: CompareArgs) => compare(args)),
    {
      dispose: () => {
        deps.route.set(undefined);
        void active?.recorder.stop();
        active = undefined;
      },
    },
  );
}
