// Commands on Secrets Manager and KMS nodes. Each long call shows cancellable progress; each failure becomes one
// message naming the operation and the reason; destructive ones ask first and name the target.
import * as vscode from 'vscode';
import { describeError } from '../aws/errors';
import { decryptText, encryptText } from '../aws/kms';
import {
  checkSecretName,
  createSecret,
  deleteSecret,
  getSecretValue,
  restoreSecret,
  updateSecretValue,
} from '../aws/secretsManager';
import { isNodeOf } from '../explorer/model';
import { requireClients, type PanelDeps } from './deps';

/** Runs `work` under a cancellable notification; failures become "<title> failed: <reason>". */
export async function withOperation<T>(
  title: string,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T | undefined> {
  try {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      async (_progress, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        try {
          return await work(abort.signal);
        } finally {
          sub.dispose();
        }
      },
    );
  } catch (err) {
    const reason = describeError(err);
    void vscode.window.showErrorMessage(reason === 'cancelled' ? `${title} cancelled` : `${title} failed: ${reason}`);
    return undefined;
  }
}

/** Shows a value in a modal with a Copy button (nothing is written to an editor, a file or the log). */
async function showValue(title: string, value: string): Promise<void> {
  const shown = value.length > 2000 ? `${value.slice(0, 2000)}… (${value.length} characters; Copy takes all)` : value;
  const choice = await vscode.window.showInformationMessage(title, { modal: true, detail: shown }, 'Copy');
  if (choice === 'Copy') await vscode.env.clipboard.writeText(value);
}

export function registerServiceCommands(context: vscode.ExtensionContext, deps: PanelDeps): void {
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

  const keyOf = async (node: unknown): Promise<string | undefined> =>
    isNodeOf(node, 'kms.key')
      ? (node.ref.alias ?? node.ref.keyId)
      : (await vscode.window.showInputBox({ prompt: 'Key id, ARN or alias', placeHolder: 'alias/orders' }))?.trim() ||
        undefined;

  command('localCloudLab.kms.encrypt', async (node) => {
    const keyId = await keyOf(node);
    if (!keyId) return;
    const text = await vscode.window.showInputBox({
      prompt: `Text to encrypt with ${keyId} (at most 4096 bytes)`,
      ignoreFocusOut: true,
      validateInput: (v) =>
        v.length === 0
          ? 'Type something to encrypt.'
          : new TextEncoder().encode(v).length > 4096
            ? 'More than 4096 bytes.'
            : undefined,
    });
    if (text === undefined) return;
    const cipher = await withOperation(`Encrypt with ${keyId}`, async (signal) =>
      encryptText(await requireClients(deps), { keyId, text, signal }),
    );
    if (cipher) await showValue(`Ciphertext (base64) from ${keyId}`, cipher);
  });

  command('localCloudLab.kms.decrypt', async (node) => {
    const keyId = isNodeOf(node, 'kms.key') ? (node.ref.alias ?? node.ref.keyId) : undefined;
    const cipher = await vscode.window.showInputBox({
      prompt: 'Ciphertext to decrypt (base64, as Encrypt returned it)',
      ignoreFocusOut: true,
      validateInput: (v) => {
        const b = v.replace(/\s+/g, '');
        return /^[A-Za-z0-9+/]+={0,2}$/.test(b) && b.length % 4 === 0 ? undefined : 'That is not base64.';
      },
    });
    if (!cipher) return;
    const plain = await withOperation(`Decrypt${keyId ? ` with ${keyId}` : ''}`, async (signal) =>
      decryptText(await requireClients(deps), { ciphertextBase64: cipher, ...(keyId ? { keyId } : {}), signal }),
    );
    if (plain) await showValue('Plaintext', plain.text ?? `(binary, base64) ${plain.base64}`);
  });
}
