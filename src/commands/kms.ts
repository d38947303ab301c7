// Commands on KMS keys: encrypt text and decrypt a ciphertext, with the result shown in a modal (never written to
// an editor, a file or the log).
import * as vscode from 'vscode';
import { decryptText, encryptText } from '../aws/kms';
import { isNodeOf } from '../explorer/model';
import { requireClients, type PanelDeps } from '../webviews/deps';
import { showValue, withOperation } from './ui';

export function registerKmsCommands(context: vscode.ExtensionContext, deps: Pick<PanelDeps, 'clients'>): void {
  const command = (id: string, fn: (node?: unknown) => Promise<unknown>) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));

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
