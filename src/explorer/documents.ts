// Editor documents backed by the emulator:
//  - `lcl-s3:/<bucket>/<key>`: an S3 object, readable and writable (saving uploads it); a size cap applies.
//  - `lcl-s3-settings:/<bucket>/{policy,lifecycle,notifications}.json`: a bucket setting as JSON; saving puts it back.
//  - `lcl-iam:/<name>.json?<ref>`: an IAM policy document, read-only (trust, inline, managed version).
// JSON documents get the language server's diagnostics like any other JSON file.
import * as vscode from 'vscode';
import type { AwsClients } from '../aws/clients';
import { describeError } from '../aws/errors';
import * as iam from '../aws/iam';
import * as s3 from '../aws/s3';
import type { ConnectionMonitor } from '../connection/monitor';
import type { ResourceRef } from './model';

export const S3_SCHEME = 'lcl-s3';
export const S3_SETTINGS_SCHEME = 'lcl-s3-settings';
export const IAM_SCHEME = 'lcl-iam';

export type BucketSetting = 'policy' | 'lifecycle' | 'notifications';

export function objectUri(bucket: string, key: string): vscode.Uri {
  return vscode.Uri.from({ scheme: S3_SCHEME, path: `/${bucket}/${key}` });
}

export function settingUri(bucket: string, setting: BucketSetting): vscode.Uri {
  return vscode.Uri.from({ scheme: S3_SETTINGS_SCHEME, path: `/${bucket}/${setting}.json` });
}

function splitPath(uri: vscode.Uri): { bucket: string; rest: string } {
  const path = uri.path.replace(/^\/+/, '');
  const slash = path.indexOf('/');
  return slash < 0 ? { bucket: path, rest: '' } : { bucket: path.slice(0, slash), rest: path.slice(slash + 1) };
}

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json',
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  html: 'text/html',
  xml: 'application/xml',
  yaml: 'application/yaml',
  yml: 'application/yaml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
};

export function contentTypeFor(key: string): string | undefined {
  const ext = key.split('.').pop()?.toLowerCase() ?? '';
  return CONTENT_TYPES[ext];
}

abstract class EmulatorFileSystem implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(protected readonly monitor: ConnectionMonitor) {}

  protected clients(): AwsClients {
    const c = this.monitor.clients();
    if (!c) throw vscode.FileSystemError.Unavailable('Not connected to the emulator');
    return c;
  }

  /** Turns an SDK failure into a file-system error the editor shows (and keeps the unsaved text). */
  protected fail(operation: string, err: unknown): never {
    if (err instanceof vscode.FileSystemError) throw err;
    this.monitor.reportFailure(err);
    const name = (err as { name?: string })?.name ?? '';
    const message = `${operation} failed: ${describeError(err)}`;
    if (/NotFound|NoSuchKey|NoSuchBucket/.test(name)) throw vscode.FileSystemError.FileNotFound(message);
    throw vscode.FileSystemError.Unavailable(message);
  }

  protected fire(uri: vscode.Uri): void {
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions('Create folders from the explorer');
  }
  delete(): void {
    throw vscode.FileSystemError.NoPermissions('Delete objects from the explorer');
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions('Renaming is not supported');
  }
  abstract stat(uri: vscode.Uri): Promise<vscode.FileStat>;
  abstract readFile(uri: vscode.Uri): Promise<Uint8Array>;
  abstract writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void>;
}

export class S3FileSystem extends EmulatorFileSystem {
  constructor(
    monitor: ConnectionMonitor,
    private readonly maxBytes: () => number,
  ) {
    super(monitor);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const { bucket, rest } = splitPath(uri);
    if (!rest) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    try {
      const head = await s3.headObject(this.clients(), bucket, rest);
      const mtime = head.lastModified?.getTime() ?? 0;
      return { type: vscode.FileType.File, ctime: mtime, mtime, size: head.size };
    } catch (err) {
      return this.fail('Read object', err);
    }
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const { bucket, rest } = splitPath(uri);
    try {
      return (await s3.getObjectBytes(this.clients(), bucket, rest, this.maxBytes())).bytes;
    } catch (err) {
      return this.fail('Open object', err);
    }
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const { bucket, rest } = splitPath(uri);
    try {
      await s3.putObjectBytes(this.clients(), bucket, rest, content, contentTypeFor(rest));
    } catch (err) {
      this.fail('Save object', err);
    }
    this.fire(uri);
  }
}

export class BucketSettingsFileSystem extends EmulatorFileSystem {
  private parse(uri: vscode.Uri): { bucket: string; setting: BucketSetting } {
    const { bucket, rest } = splitPath(uri);
    const setting = rest.replace(/\.json$/, '');
    if (setting !== 'policy' && setting !== 'lifecycle' && setting !== 'notifications') {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    return { bucket, setting };
  }

  private async text(uri: vscode.Uri): Promise<string> {
    const { bucket, setting } = this.parse(uri);
    const c = this.clients();
    try {
      if (setting === 'policy') {
        const policy = await s3.getBucketPolicy(c, bucket);
        // A starter document when the bucket has none; saving an empty file removes the policy.
        return policy
          ? `${JSON.stringify(JSON.parse(policy), null, 2)}\n`
          : `${JSON.stringify(
              {
                Version: '2012-10-17',
                Statement: [
                  {
                    Sid: 'ReadObjects',
                    Effect: 'Allow',
                    Principal: { AWS: 'arn:aws:iam::000000000000:root' },
                    Action: 's3:GetObject',
                    Resource: `arn:aws:s3:::${bucket}/*`,
                  },
                ],
              },
              null,
              2,
            )}\n`;
      }
      if (setting === 'lifecycle') return `${JSON.stringify(await s3.getLifecycleRules(c, bucket), null, 2)}\n`;
      return `${JSON.stringify(await s3.getNotifications(c, bucket), null, 2)}\n`;
    } catch (err) {
      return this.fail(`Read bucket ${setting}`, err);
    }
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    // The bucket itself is the folder the three documents live in (workspace.fs.writeFile checks it exists).
    if (!splitPath(uri).rest) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const size = new TextEncoder().encode(await this.text(uri)).length;
    return { type: vscode.FileType.File, ctime: 0, mtime: Date.now(), size };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return new TextEncoder().encode(await this.text(uri));
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const { bucket, setting } = this.parse(uri);
    const text = new TextDecoder().decode(content);
    const c = this.clients();
    let value: unknown;
    if (text.trim()) {
      try {
        value = JSON.parse(text);
      } catch (err) {
        throw vscode.FileSystemError.Unavailable(
          `Save bucket ${setting} failed: not valid JSON (${(err as Error).message})`,
        );
      }
    }
    try {
      if (setting === 'policy') await s3.putBucketPolicy(c, bucket, text.trim() ? JSON.stringify(value) : '');
      else if (setting === 'lifecycle') await s3.putLifecycleRules(c, bucket, (value ?? []) as unknown[]);
      else await s3.putNotifications(c, bucket, (value ?? {}) as Record<string, unknown>);
    } catch (err) {
      this.fail(`Save bucket ${setting}`, err);
    }
    this.fire(uri);
  }
}

type PolicyRef = Extract<
  ResourceRef,
  { kind: 'iam.trustPolicy' | 'iam.inlinePolicy' | 'iam.attachedPolicy' | 'iam.policyVersion' | 'iam.policy' }
>;

export function policyDocumentUri(ref: PolicyRef): vscode.Uri {
  const name =
    ref.kind === 'iam.trustPolicy'
      ? `${ref.roleName}-trust-policy`
      : ref.kind === 'iam.inlinePolicy'
        ? `${ref.principal.name}-${ref.policyName}`
        : ref.kind === 'iam.policyVersion'
          ? `${ref.policyArn.split('/').pop()}-${ref.versionId}`
          : ref.policyName;
  return vscode.Uri.from({
    scheme: IAM_SCHEME,
    path: `/${name.replace(/[^\w.+=,@-]/g, '_')}.json`,
    query: JSON.stringify(ref),
  });
}

/** Read-only IAM policy documents, fetched when opened. */
export class IamDocumentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly monitor: ConnectionMonitor) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const clients = this.monitor.clients();
    if (!clients) throw new Error('Open policy failed: not connected to the emulator');
    const ref = JSON.parse(uri.query) as PolicyRef;
    try {
      switch (ref.kind) {
        case 'iam.trustPolicy':
          return await iam.getTrustPolicy(clients, ref.roleName);
        case 'iam.inlinePolicy':
          return await iam.getInlinePolicyDocument(clients, ref.principal.type, ref.principal.name, ref.policyName);
        case 'iam.attachedPolicy':
          return (await iam.getManagedPolicyDocument(clients, ref.policyArn)).document;
        case 'iam.policyVersion':
          return (await iam.getManagedPolicyDocument(clients, ref.policyArn, ref.versionId)).document;
        case 'iam.policy':
          return (await iam.getManagedPolicyDocument(clients, ref.policyArn, ref.defaultVersionId)).document;
      }
    } catch (err) {
      this.monitor.reportFailure(err);
      throw new Error(`Open policy failed: ${describeError(err)}`);
    }
  }
}
