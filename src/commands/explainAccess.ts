// "Explain Access": pick a principal (from the emulator's IAM or typed), an action (from the IAM catalogue) and a
// resource, and see how AWS would decide — "Allowed by statement `ReadOrders` (policy.json:12)", "Denied: explicit
// deny in …" or "Denied: no statement allows it" — with the evaluation order step by step. A CodeLens above every
// statement of a policy file starts it with that statement's action and resource filled in. The resource policy of
// the emulator's bucket, queue, topic or key counts too. The evaluator itself is the analysis core's, loaded lazily
// (dist/explain-access.js). A principal of the emulator brings its own policies and boundary: the answer is then
// what it could do with the file's policy attached as well.
import * as vscode from 'vscode';
import type { AwsClients } from '../aws/clients';
import * as iam from '../aws/iam';
import { principalPoliciesOf, resourcePolicyOf } from '../aws/resourcePolicies';
import { lazyBundle } from '../lazy';
import type * as Runtime from './explainAccessRuntime';

const runtime = lazyBundle<typeof Runtime>('explain-access.js');

export const EXPLAIN_ACCESS_COMMAND = 'localCloudLab.iam.explainAccess';

/** Arguments of the command (all optional: what is missing is asked for). */
export interface ExplainAccessArgs {
  readonly uri?: string;
  readonly principal?: string;
  readonly action?: string;
  readonly resource?: string;
}

/** What the command answers (also returned to callers such as tests). */
export interface ExplainAccessResult {
  readonly decision: 'allow' | 'explicit-deny' | 'implicit-deny';
  readonly deciding: readonly { readonly file: string; readonly sid: string; readonly line: number }[];
  readonly message: string;
}

export interface ExplainAccessDeps {
  readonly output: vscode.LogOutputChannel;
  /** Live emulator clients when connected (principals and bucket policies come from there). */
  readonly clients: () => AwsClients | undefined;
}

const POLICY_LANGUAGES = ['json', 'jsonc', 'yaml'];
const PLACEHOLDER_PRINCIPAL = 'arn:aws:iam::000000000000:user/learner';

/** A quick pick that also accepts what the user typed. */
async function pickOrType(
  title: string,
  items: readonly vscode.QuickPickItem[],
  value = '',
): Promise<string | undefined> {
  const qp = vscode.window.createQuickPick();
  qp.title = title;
  qp.items = items;
  qp.value = value;
  qp.matchOnDescription = true;
  qp.placeholder = 'Pick one, or type it and press Enter';
  try {
    return await new Promise<string | undefined>((resolve) => {
      qp.onDidAccept(() => resolve(qp.selectedItems[0]?.label ?? (qp.value.trim() || undefined)));
      qp.onDidHide(() => resolve(undefined));
      qp.show();
    });
  } finally {
    qp.dispose();
  }
}

async function principals(clients: AwsClients | undefined): Promise<vscode.QuickPickItem[]> {
  const out: vscode.QuickPickItem[] = [];
  if (clients) {
    try {
      const [users, roles] = await Promise.all([
        iam.listUsers(clients, { pageSize: 100 }),
        iam.listRoles(clients, { pageSize: 100 }),
      ]);
      for (const u of users.items) out.push({ label: u.arn, description: `user ${u.name}` });
      for (const r of roles.items) out.push({ label: r.arn, description: `role ${r.name}` });
    } catch {
      // The emulator's IAM is optional here: a typed ARN works as well.
    }
  }
  out.push({ label: PLACEHOLDER_PRINCIPAL, description: 'a user with only the policies of this file' });
  return out;
}

/** The resource-based policy of the resource in the emulator (bucket, queue, topic, key), when there is one. */
async function emulatorPolicy(
  clients: AwsClients | undefined,
  resource: string,
  output: vscode.LogOutputChannel,
): Promise<Runtime.PolicyText[]> {
  if (!clients) return [];
  try {
    const found = await resourcePolicyOf(clients, resource);
    return found ? [{ file: found.label, text: found.text }] : [];
  } catch (e) {
    // A resource that does not exist (yet) has no policy: the answer then rests on the file alone.
    output.info(
      `Explain access: no resource policy read for ${resource} (${e instanceof Error ? e.message : String(e)})`,
    );
    return [];
  }
}

/** The principal's own policies and boundary in the emulator (as if the file's policy were attached to it too). */
async function emulatorPrincipal(
  clients: AwsClients | undefined,
  principal: string,
  output: vscode.LogOutputChannel,
): Promise<{ identity: Runtime.PolicyText[]; boundary?: Runtime.PolicyText }> {
  if (!clients) return { identity: [] };
  try {
    const found = await principalPoliciesOf(clients, principal);
    if (!found) return { identity: [] };
    const text = (p: { label: string; text: string }) => ({ file: p.label, text: p.text });
    return {
      identity: found.identity.map(text),
      ...(found.boundary ? { boundary: text(found.boundary) } : {}),
    };
  } catch (e) {
    output.info(
      `Explain access: the policies of ${principal} were not read (${e instanceof Error ? e.message : String(e)})`,
    );
    return { identity: [] };
  }
}

/** Answers queued by tests (test mode only) are used before asking. */
type Prompt = (title: string, items: readonly vscode.QuickPickItem[], value?: string) => Promise<string | undefined>;

async function run(deps: ExplainAccessDeps, prompt: Prompt, args: ExplainAccessArgs = {}) {
  const editor = vscode.window.activeTextEditor;
  const uri = args.uri ? vscode.Uri.parse(args.uri) : editor?.document.uri;
  if (!uri) {
    void vscode.window.showWarningMessage('Explain Access: open a policy file first.');
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const file = vscode.workspace.asRelativePath(uri, false);
  const lenses = runtime().statementLenses(file, doc.getText());
  if (!lenses.length) {
    void vscode.window.showWarningMessage(`Explain Access: ${file} holds no IAM policy.`);
    return undefined;
  }
  const clients = deps.clients();
  const principal = args.principal ?? (await prompt('Explain access: principal', await principals(clients)));
  if (!principal) return undefined;
  const services = [...new Set(lenses.map((l) => l.action?.split(':')[0]).filter((s): s is string => !!s))];
  const action =
    args.action ??
    (await prompt(
      'Explain access: action',
      runtime()
        .actionsOf(services)
        .map((label) => ({ label })),
      lenses[0]?.action ?? '',
    ));
  if (!action) return undefined;
  const resource =
    args.resource ??
    (await prompt('Explain access: resource ARN', [], lenses.find((l) => l.resource)?.resource ?? '*'));
  if (!resource) return undefined;

  const theirs = await emulatorPrincipal(clients, principal, deps.output);
  const input: Runtime.ExplainInput = {
    identity: [{ file, text: doc.getText() }, ...theirs.identity],
    ...(theirs.boundary ? { boundary: [theirs.boundary] } : {}),
    resource: await emulatorPolicy(clients, resource, deps.output),
    principal,
    action,
    resourceArn: resource,
    context: [['aws:SecureTransport', 'true']],
  };
  const outcome = runtime().explain(input);
  if (!outcome.ok) {
    void vscode.window.showErrorMessage(`Explain access failed: ${outcome.reason}`);
    return undefined;
  }
  const d = outcome.decision;
  const message = runtime().summary(d);
  deps.output.info(`Explain access: ${principal} ${action} ${resource} → ${message}`);

  // Select the deciding statement of this file in the editor.
  const own = d.deciding.find((r) => r.file === file);
  if (own) {
    const shown = await vscode.window.showTextDocument(doc, { preserveFocus: false });
    const end = lenses.find((l) => l.line === own.line - 1)?.endLine ?? own.line - 1;
    const range = new vscode.Range(own.line - 1, 0, end, doc.lineAt(end).range.end.character);
    shown.selection = new vscode.Selection(range.start, range.end);
    shown.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  const steps = runtime().stepsMarkdown(input, d);
  void vscode.window.showInformationMessage(message, 'Show evaluation order').then(async (choice) => {
    if (!choice) return;
    const md = await vscode.workspace.openTextDocument({ language: 'markdown', content: steps });
    await vscode.window.showTextDocument(md, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  });
  const result: ExplainAccessResult = { decision: d.decision, deciding: d.deciding, message };
  return result;
}

class StatementLensProvider implements vscode.CodeLensProvider {
  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const text = doc.getText();
    // Cheap test first: the evaluator bundle loads only for files that may hold a policy.
    if (!/"?Statement"?\s*:/.test(text)) return [];
    try {
      return runtime()
        .statementLenses(vscode.workspace.asRelativePath(doc.uri, false), text)
        .map((l) => {
          const range = new vscode.Range(l.line, 0, l.line, 0);
          const args: ExplainAccessArgs = {
            uri: doc.uri.toString(),
            ...(l.action ? { action: l.action } : {}),
            ...(l.resource ? { resource: l.resource } : {}),
          };
          return new vscode.CodeLens(range, {
            title: 'Explain access…',
            tooltip: `Who may ${l.action ?? 'do what'} on ${l.resource ?? 'what'}, and why (${l.sid})`,
            command: EXPLAIN_ACCESS_COMMAND,
            arguments: [args],
          });
        });
    } catch {
      return [];
    }
  }
}

export function registerExplainAccess(context: vscode.ExtensionContext, deps: ExplainAccessDeps): void {
  const queued: string[] = [];
  const prompt: Prompt = async (title, items, value) =>
    queued.length ? queued.shift() : pickOrType(title, items, value);
  context.subscriptions.push(
    vscode.commands.registerCommand(EXPLAIN_ACCESS_COMMAND, (args?: ExplainAccessArgs) => run(deps, prompt, args)),
    vscode.languages.registerCodeLensProvider(
      POLICY_LANGUAGES.map((language) => ({ language })),
      new StatementLensProvider(),
    ),
  );
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    // Tests answer the pickers in order (principal, action, resource), as a learner would type them.
    context.subscriptions.push(
      vscode.commands.registerCommand('localCloudLab.test.answerExplainPrompts', (answers: string[]) => {
        queued.push(...answers);
      }),
    );
  }
}
