// Commands on Secrets Manager nodes: reveal a value (only on request), create, update, delete with a recovery window,
// restore. Each long call shows cancellable progress; each failure becomes one message naming the operation and the
// reason; deleting asks first and names the secret.
import * as vscode from 'vscode';
import {
  checkSecretName,
  createSecret,
  deleteSecret,
  getSecretValue,
  restoreSecret,
  updateSecretValue,
} from '../aws/secretsManager';
import { isNodeOf } from '../explorer/model';
import { requireClients, type PanelDeps } from '../webviews/deps';
import { showValue, withOperation } from './ui';

export function registerSecretsCommands(context: vscode.ExtensionContext, deps: PanelDeps): void {
  const command = (id: string, fn: (node?: unknown) => Promise<unknown>) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  const secretOf = async (node: unknown): Promise<string | undefined> =>
    isNodeOf(node, 'secrets.secret')
      ? node.ref.secretName
      : (await vscode.window.showInputBox({ prompt: 'Secret name or ARN', ignoreFocusOut: true }))?.trim() || undefined;

  command('localCloudLab.secrets.reveal', async (node) => {
    const id = await secretOf(node);
    if (!id) return;
    const value = await withOperation(`Read secret ${id}`, async (signal) =>
      getSecretValue(await requireClients(deps), id, { signal }),
    );
    if (!value) return;
    await showValue(
      `Value of ${id}${value.versionId ? ` (version ${value.versionId.slice(0, 8)})` : ''}`,
      value.text ?? `(binary, base64) ${value.binaryBase64 ?? ''}`,
    );
  });

  command('localCloudLab.secrets.create', async () => {
    const name = (
      await vscode.window.showInputBox({
        prompt: 'Name of the new secret',
        placeHolder: 'prod/orders/db-password',
        ignoreFocusOut: true,
        validateInput: (v) => checkSecretName(v.trim()),
      })
    )?.trim();
    if (!name) return;
    const value = await vscode.window.showInputBox({
      prompt: `Value of ${name} (text or JSON)`,
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.length === 0 ? 'The value cannot be empty.' : undefined),
    });
    if (value === undefined) return;
    const description = await vscode.window.showInputBox({ prompt: 'Description (optional)', ignoreFocusOut: true });
    if (description === undefined) return;
    const arn = await withOperation(`Create secret ${name}`, async (signal) =>
      createSecret(await requireClients(deps), { name, value, description, signal }),
    );
    if (arn === undefined) return;
    deps.refreshExplorer();
    void vscode.window.showInformationMessage(`Created secret ${name}.`);
  });

  command('localCloudLab.secrets.updateValue', async (node) => {
    const id = await secretOf(node);
    if (!id) return;
    const value = await vscode.window.showInputBox({
      prompt: `New value of ${id}`,
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.length === 0 ? 'The value cannot be empty.' : undefined),
    });
    if (value === undefined) return;
    const version = await withOperation(`Update secret ${id}`, async (signal) =>
      updateSecretValue(await requireClients(deps), { id, value, signal }),
    );
    if (version === undefined) return;
    deps.refreshExplorer();
    void vscode.window.showInformationMessage(`Updated ${id}${version ? ` (version ${version.slice(0, 8)})` : ''}.`);
  });

  command('localCloudLab.secrets.delete', async (node) => {
    const id = await secretOf(node);
    if (!id) return;
    const pick = await vscode.window.showQuickPick(
      [
        { label: '7 days', days: 7 },
        { label: '14 days', days: 14 },
        { label: '30 days', days: 30 },
      ],
      { title: `Recovery window for ${id}`, placeHolder: 'Until then the secret can be restored' },
    );
    if (!pick) return;
    const ok = await deps.confirm(
      `Schedule secret ${id} for deletion in ${pick.label}?`,
      `Its value stays unreadable from now on; "Restore Secret" brings it back within ${pick.label}.`,
      'Delete',
    );
    if (!ok) return;
    const out = await withOperation(`Delete secret ${id}`, async (signal) =>
      deleteSecret(await requireClients(deps), { id, recoveryDays: pick.days, signal }),
    );
    if (!out) return;
    deps.refreshExplorer();
    void vscode.window.showInformationMessage(
      `Secret ${id} will be deleted${out.deletionDate ? ` on ${out.deletionDate.slice(0, 10)}` : ''}.`,
    );
  });

  command('localCloudLab.secrets.restore', async (node) => {
    const id = await secretOf(node);
    if (!id) return;
    const done = await withOperation(`Restore secret ${id}`, async (signal) => {
      await restoreSecret(await requireClients(deps), id, { signal });
      return true;
    });
    if (done) deps.refreshExplorer();
  });
}
