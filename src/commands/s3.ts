// S3 commands on explorer rows: buckets, folders, objects, uploads and downloads, presigned URLs, bucket settings.
import { createReadStream, createWriteStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import * as vscode from 'vscode';
import { describeError, isAbortError } from '../aws/errors';
import * as s3 from '../aws/s3';
import { contentTypeFor, objectUri, settingUri, type BucketSetting } from '../explorer/documents';
import { isNodeOf, type ExplorerNode } from '../explorer/model';
import { guarded, refreshRow, requireClients, targets, withProgress, type CommandContext } from './ui';

function bucketAndPrefix(node: ExplorerNode | undefined): { bucket: string; prefix: string; id: string } | undefined {
  if (isNodeOf(node, 's3.bucket')) return { bucket: node.ref.bucket, prefix: '', id: node.id };
  if (isNodeOf(node, 's3.prefix')) return { bucket: node.ref.bucket, prefix: node.ref.prefix, id: node.id };
  return undefined;
}

async function pickBucket(
  ctx: CommandContext,
  node: ExplorerNode | undefined,
): Promise<{ bucket: string; prefix: string; id: string } | undefined> {
  const at = bucketAndPrefix(node);
  if (at) return at;
  const clients = requireClients(ctx);
  if (!clients) return undefined;
  const { buckets } = await s3.listBuckets(clients, { pageSize: 1000 });
  const pick = await vscode.window.showQuickPick(
    buckets.map((b) => b.name),
    { title: 'Choose a bucket' },
  );
  return pick ? { bucket: pick, prefix: '', id: `s3:bucket:${pick}` } : undefined;
}

const EXPIRIES = [
  { label: '15 minutes', seconds: 900 },
  { label: '1 hour', seconds: 3600 },
  { label: '12 hours', seconds: 43_200 },
  { label: '1 day', seconds: 86_400 },
  { label: '7 days (the maximum)', seconds: 604_800 },
];

/** Every file under a folder, as [absolute path, key relative to the folder's parent]. */
async function walk(root: string): Promise<{ path: string; key: string; size: number }[]> {
  const out: { path: string; key: string; size: number }[] = [];
  const base = join(root, '..');
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (!e.isFile()) continue;
    const dir =
      (e as unknown as { parentPath?: string; path?: string }).parentPath ?? (e as unknown as { path: string }).path;
    const full = join(dir, e.name);
    out.push({ path: full, key: relative(base, full).split(sep).join('/'), size: (await stat(full)).size });
  }
  return out;
}

async function uploadAll(
  ctx: CommandContext,
  target: { bucket: string; prefix: string; id: string },
  files: { path: string; key: string; size: number }[],
): Promise<void> {
  const clients = requireClients(ctx);
  if (!clients || files.length === 0) return;
  const where = `s3://${target.bucket}/${target.prefix}`;
  const total = files.reduce((n, f) => n + f.size, 0) || 1;
  const uploaded: string[] = [];
  let bytes = 0;
  try {
    await withProgress(`Uploading to ${where}`, async (report, signal) => {
      for (const [i, f] of files.entries()) {
        signal.throwIfAborted();
        let last = 0;
        await s3.uploadObject(clients, {
          bucket: target.bucket,
          key: target.prefix + f.key,
          body: f.size ? createReadStream(f.path) : new Uint8Array(),
          size: f.size,
          contentType: contentTypeFor(f.key),
          signal,
          onProgress: (loaded) => {
            report(`${i + 1}/${files.length} ${f.key}`, ((loaded - last) / total) * 100);
            last = loaded;
          },
        });
        uploaded.push(f.key);
        bytes += f.size;
      }
    });
  } catch (err) {
    refreshRow(ctx, target.id);
    // Say exactly what made it: the finished files are in the bucket, the one in flight was not kept.
    const left = files.slice(uploaded.length).map((f) => f.key);
    const summary = `${uploaded.length} of ${files.length} files uploaded to ${where}${
      uploaded.length ? ` (${listOf(uploaded)})` : ''
    }; not uploaded: ${listOf(left)}.`;
    if (isAbortError(err)) {
      void vscode.window.showWarningMessage(`Upload cancelled: ${summary}`);
      ctx.output.info(`Upload cancelled: ${summary}`);
      return;
    }
    throw new Error(`${describeError(err)}. ${summary}`, { cause: err });
  }
  void vscode.window.showInformationMessage(
    `Uploaded ${files.length === 1 ? files[0]?.key : `${files.length} files`} (${bytes} bytes) to ${where}`,
  );
  refreshRow(ctx, target.id);
}

/** The first few names and how many more. */
function listOf(names: readonly string[], max = 5): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

export function registerS3Commands(ctx: CommandContext): vscode.Disposable[] {
  const reg = (id: string, op: string, fn: (node?: ExplorerNode, selection?: ExplorerNode[]) => Promise<unknown>) =>
    vscode.commands.registerCommand(id, guarded(ctx, op, fn));

  return [
    reg('localCloudLab.s3.createBucket', 'Create bucket', async () => {
      const clients = requireClients(ctx);
      if (!clients) return;
      const name = await vscode.window.showInputBox({
        title: 'Create bucket',
        prompt: 'Bucket name',
        validateInput: (v) => s3.validateBucketName(v.trim()),
      });
      if (!name) return;
      await s3.createBucket(clients, name.trim());
      refreshRow(ctx, 's3:');
    }),

    reg('localCloudLab.s3.deleteBucket', 'Delete bucket', async (node) => {
      if (!isNodeOf(node, 's3.bucket')) return;
      const clients = requireClients(ctx);
      if (!clients) return;
      const bucket = node.ref.bucket;
      const counted = await withProgress(`Counting objects in ${bucket}`, (_r, signal) =>
        s3.countObjects(clients, bucket, 100_000, { signal }),
      );
      const n = counted.capped ? `more than ${counted.count}` : String(counted.count);
      const ok =
        counted.count === 0
          ? await ctx.confirm(`Delete bucket "${bucket}"?`, 'The bucket is empty.', 'Delete bucket')
          : await ctx.confirm(
              `Delete bucket "${bucket}" and the ${n} objects in it?`,
              `Every object and object version in s3://${bucket} (${n}) is deleted first, then the bucket. This cannot be undone.`,
              `Empty and delete "${bucket}"`,
            );
      if (!ok) return;
      await withProgress(`Deleting bucket ${bucket}`, async (report, signal) => {
        if (counted.count > 0) {
          const total = counted.count;
          let last = 0;
          await s3.emptyBucket(
            clients,
            bucket,
            (deleted) => {
              report(`${deleted} objects deleted`, ((deleted - last) / total) * 100);
              last = deleted;
            },
            { signal },
          );
        }
        await s3.deleteBucket(clients, bucket, { signal });
      });
      refreshRow(ctx, 's3:');
    }),

    reg('localCloudLab.s3.filter', 'Filter objects', async (node) => {
      if (!isNodeOf(node, 's3.bucket')) return;
      const text = await vscode.window.showInputBox({
        title: `Filter s3://${node.ref.bucket}`,
        prompt: 'A prefix ending in "/" (listed by S3), a part of the name, or both: logs/2024/ · report · logs/error',
        value: ctx.tree.filterOf(node.id) ?? '',
        validateInput: (v) => (v.trim() ? undefined : 'Type a prefix, a part of a name, or both'),
      });
      if (text === undefined) return;
      ctx.tree.setFilter(node, text.trim());
    }),

    reg('localCloudLab.s3.clearFilter', 'Clear filter', async (node) => {
      if (isNodeOf(node, 's3.bucket')) ctx.tree.setFilter(node, undefined);
    }),

    reg('localCloudLab.s3.createFolder', 'Create folder', async (node) => {
      const at = await pickBucket(ctx, node);
      const clients = requireClients(ctx);
      if (!at || !clients) return;
      const name = await vscode.window.showInputBox({
        title: `New folder in s3://${at.bucket}/${at.prefix}`,
        validateInput: (v) => (!v.trim() || v.includes('//') ? 'Enter a folder name' : undefined),
      });
      if (!name) return;
      await s3.createFolder(clients, at.bucket, at.prefix + name.trim().replace(/^\/+|\/+$/g, ''));
      refreshRow(ctx, at.id);
    }),

    reg('localCloudLab.s3.uploadFiles', 'Upload files', async (node) => {
      const at = await pickBucket(ctx, node);
      if (!at) return;
      const uris = await vscode.window.showOpenDialog({
        canSelectMany: true,
        openLabel: `Upload to s3://${at.bucket}/${at.prefix}`,
      });
      if (!uris?.length) return;
      const files = await Promise.all(
        uris.map(async (u) => ({ path: u.fsPath, key: basename(u.fsPath), size: (await stat(u.fsPath)).size })),
      );
      await uploadAll(ctx, at, files);
    }),

    reg('localCloudLab.s3.uploadFolder', 'Upload folder', async (node) => {
      const at = await pickBucket(ctx, node);
      if (!at) return;
      const uris = await vscode.window.showOpenDialog({
        canSelectFolders: true,
        canSelectFiles: false,
        openLabel: `Upload to s3://${at.bucket}/${at.prefix}`,
      });
      const folder = uris?.[0];
      if (!folder) return;
      await uploadAll(ctx, at, await walk(folder.fsPath));
    }),

    reg('localCloudLab.s3.download', 'Download object', async (node) => {
      if (!isNodeOf(node, 's3.object')) return;
      const clients = requireClients(ctx);
      if (!clients) return;
      const { bucket, key, size } = node.ref;
      const dest = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(
          vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(process.cwd()),
          basename(key),
        ),
        saveLabel: 'Download',
      });
      if (!dest) return;
      await withProgress(`Downloading s3://${bucket}/${key}`, async (report, signal) => {
        const { stream } = await s3.getObjectStream(clients, bucket, key, { signal });
        let seen = 0;
        const counter = new Transform({
          transform(chunk: Buffer, _enc, cb) {
            seen += chunk.length;
            if (size) report(`${Math.round((seen / size) * 100)} %`, (chunk.length / size) * 100);
            cb(null, chunk);
          },
        });
        await pipeline(stream, counter, createWriteStream(dest.fsPath), { signal });
      });
      void vscode.window.showInformationMessage(`Downloaded ${key} to ${dest.fsPath}`);
    }),

    reg('localCloudLab.s3.openObject', 'Open object', async (node) => {
      if (!isNodeOf(node, 's3.object')) return;
      const cap =
        (vscode.workspace.getConfiguration('localCloudLab').get<number>('s3.maxOpenSizeMB') ?? 10) * 1024 * 1024;
      if (node.ref.size > cap) {
        const download = 'Download instead';
        const answer = await vscode.window.showWarningMessage(
          `${node.ref.key} is ${node.ref.size} bytes, over the ${cap / 1024 / 1024} MB limit for opening in the editor (localCloudLab.s3.maxOpenSizeMB).`,
          download,
        );
        if (answer === download) await vscode.commands.executeCommand('localCloudLab.s3.download', node);
        return;
      }
      // vscode.open picks the right editor: text and JSON in the text editor, images in the image preview.
      await vscode.commands.executeCommand('vscode.open', objectUri(node.ref.bucket, node.ref.key), { preview: true });
    }),

    reg('localCloudLab.s3.presignedUrl', 'Create presigned URL', async (node) => {
      if (!isNodeOf(node, 's3.object')) return;
      const clients = requireClients(ctx);
      if (!clients) return;
      const custom = { label: 'Custom…', seconds: 0 };
      const pick = await vscode.window.showQuickPick([...EXPIRIES, custom], {
        title: `Presigned GET URL for ${node.ref.key}`,
        placeHolder: 'Valid for…',
      });
      if (!pick) return;
      let seconds = pick.seconds;
      if (pick === custom) {
        const text = await vscode.window.showInputBox({
          prompt: 'Seconds the URL stays valid (1 – 604800)',
          validateInput: (v) =>
            /^\d+$/.test(v) && +v >= 1 && +v <= 604_800 ? undefined : 'A whole number from 1 to 604800',
        });
        if (!text) return;
        seconds = Number(text);
      }
      const url = await s3.presignGet(clients, node.ref.bucket, node.ref.key, seconds);
      await vscode.env.clipboard.writeText(url);
      void vscode.window.showInformationMessage(
        `Presigned URL (valid ${pick.label === 'Custom…' ? `${seconds} s` : pick.label}) copied to the clipboard.`,
      );
    }),

    reg('localCloudLab.s3.copyUri', 'Copy S3 URI', async (node) => {
      const uri = isNodeOf(node, 's3.object')
        ? s3.s3Uri(node.ref.bucket, node.ref.key)
        : bucketAndPrefix(node) && s3.s3Uri(bucketAndPrefix(node)?.bucket ?? '', bucketAndPrefix(node)?.prefix);
      if (!uri) return;
      await vscode.env.clipboard.writeText(uri);
      vscode.window.setStatusBarMessage(`Copied ${uri}`, 3000);
    }),

    reg('localCloudLab.s3.copyArn', 'Copy ARN', async (node) => {
      const arn = isNodeOf(node, 's3.object')
        ? s3.s3Arn(node.ref.bucket, node.ref.key)
        : isNodeOf(node, 's3.prefix')
          ? s3.s3Arn(node.ref.bucket, `${node.ref.prefix}*`)
          : isNodeOf(node, 's3.bucket')
            ? s3.s3Arn(node.ref.bucket)
            : undefined;
      if (!arn) return;
      await vscode.env.clipboard.writeText(arn);
      vscode.window.setStatusBarMessage(`Copied ${arn}`, 3000);
    }),

    reg('localCloudLab.s3.deleteObjects', 'Delete objects', async (node, selection) => {
      const clients = requireClients(ctx);
      if (!clients) return;
      const chosen = targets(node, selection);
      const objects = chosen.filter((n) => isNodeOf(n, 's3.object'));
      const prefixes = chosen.filter((n) => isNodeOf(n, 's3.prefix'));
      const bucket =
        isNodeOf(chosen[0], 's3.object') || isNodeOf(chosen[0], 's3.prefix') ? chosen[0].ref.bucket : undefined;
      if (!bucket) return;
      const keys = objects.map((o) => (isNodeOf(o, 's3.object') ? o.ref.key : ''));
      let capped = false;
      for (const p of prefixes) {
        if (!isNodeOf(p, 's3.prefix')) continue;
        const under = await s3.listKeysUnder(clients, bucket, p.ref.prefix, 100_000);
        keys.push(...under.keys);
        capped ||= under.capped;
      }
      if (keys.length === 0) return;
      const what = keys.length === 1 ? `"${keys[0]}"` : `${capped ? 'more than ' : ''}${keys.length} objects`;
      const ok = await ctx.confirm(
        `Delete ${what} from bucket "${bucket}"?`,
        [
          ...keys.slice(0, 10).map((k) => `s3://${bucket}/${k}`),
          keys.length > 10 ? `… and ${keys.length - 10} more` : '',
        ]
          .filter(Boolean)
          .join('\n'),
        'Delete',
      );
      if (!ok) return;
      await withProgress(`Deleting ${what}`, (_r, signal) => s3.deleteObjects(clients, bucket, keys, { signal }));
      const parent = ctx.tree.parentNodeOf(chosen[0]?.id ?? '');
      if (parent) ctx.tree.refresh(parent);
      else ctx.tree.refresh();
    }),

    reg('localCloudLab.s3.versioning', 'Change versioning', async (node) => {
      if (!isNodeOf(node, 's3.bucket')) return;
      const clients = requireClients(ctx);
      if (!clients) return;
      const current = await s3.getVersioning(clients, node.ref.bucket);
      const pick = await vscode.window.showQuickPick(
        [
          { label: 'Enable versioning', enabled: true, picked: current === 'Enabled' },
          { label: 'Suspend versioning', enabled: false, picked: current === 'Suspended' },
        ],
        { title: `Versioning of ${node.ref.bucket} (now: ${current})` },
      );
      if (!pick) return;
      await s3.setVersioning(clients, node.ref.bucket, pick.enabled);
      void vscode.window.showInformationMessage(
        `Versioning of ${node.ref.bucket}: ${pick.enabled ? 'Enabled' : 'Suspended'}`,
      );
    }),

    ...(['policy', 'lifecycle', 'notifications'] as BucketSetting[]).map((setting) =>
      reg(
        `localCloudLab.s3.edit${setting[0]?.toUpperCase()}${setting.slice(1)}`,
        `Open bucket ${setting}`,
        async (node) => {
          if (!isNodeOf(node, 's3.bucket')) return;
          if (!requireClients(ctx)) return;
          const doc = await vscode.workspace.openTextDocument(settingUri(node.ref.bucket, setting));
          await vscode.window.showTextDocument(doc, { preview: false });
        },
      ),
    ),
  ];
}
