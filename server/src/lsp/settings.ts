// Reads the `localCloudLab.analysis` settings for a document and turns them into the core's options.
import type { Connection } from 'vscode-languageserver/node';
import { optionsFor, readConfig, type AnalysisConfig } from '../core/config';
import { RESOURCE_TYPES } from '../core/iam/evaluate/checks';
import type { AnalysisOptions } from '../core/types';
import { type AccessCheckSettings, DEFAULT_ACCESS_CHECKS } from './accessChecks';

export interface AnalysisSettings {
  readonly enable: boolean;
  readonly debounceMs: number;
  readonly config: AnalysisConfig;
  readonly accessChecks: AccessCheckSettings;
}

const defaults: AnalysisSettings = { enable: true, debounceMs: 200, config: {}, accessChecks: DEFAULT_ACCESS_CHECKS };

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : [];

/** The three check settings; anything unreadable falls back to its default with a log line. */
function readAccessChecks(value: Record<string, unknown>, log: (message: string) => void): AccessCheckSettings {
  const noNewAccess = value.checkNoNewAccess !== false;
  const raw = value.checkAccessNotGranted;
  const notGranted =
    raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as { actions?: unknown; resources?: unknown }) : {};
  const actions = strings(notGranted.actions).filter((a) => {
    const ok = /^[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+$/.test(a);
    if (!ok) log(`Settings localCloudLab.analysis.checkAccessNotGranted: "${a}" is not an action such as s3:GetObject`);
    return ok;
  });
  const pub = value.checkNoPublicAccess;
  const known = ['auto', 'off', ...RESOURCE_TYPES] as const;
  const noPublicAccess = (known as readonly unknown[]).includes(pub)
    ? (pub as AccessCheckSettings['noPublicAccess'])
    : 'auto';
  if (pub !== undefined && noPublicAccess !== pub) {
    log(`Settings localCloudLab.analysis.checkNoPublicAccess: "${String(pub)}" is not one of ${known.join(', ')}`);
  }
  return { noNewAccess, accessNotGranted: { actions, resources: strings(notGranted.resources) }, noPublicAccess };
}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<AnalysisSettings>>();

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
    private readonly log: (message: string) => void,
  ) {}

  /** Settings for one document (scoped, so folder settings apply); cached until the configuration changes. */
  forDocument(uri: string): Promise<AnalysisSettings> {
    if (!this.canPull()) return Promise.resolve(defaults);
    let pending = this.cache.get(uri);
    if (!pending) {
      pending = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'localCloudLab.analysis' }).then(
        (raw: unknown) => this.read(raw),
        () => defaults,
      );
      this.cache.set(uri, pending);
    }
    return pending;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }

  private read(raw: unknown): AnalysisSettings {
    const value = (raw ?? {}) as {
      enable?: unknown;
      debounceMs?: unknown;
      rules?: unknown;
      overrides?: unknown;
    } & Record<string, unknown>;
    const { config, problems } = readConfig({ rules: value.rules ?? {}, overrides: value.overrides ?? [] });
    for (const problem of problems) this.log(`Settings localCloudLab.analysis: ${problem}`);
    const debounce =
      typeof value.debounceMs === 'number' && value.debounceMs >= 0 ? Math.min(value.debounceMs, 5000) : 200;
    return {
      enable: value.enable !== false,
      debounceMs: debounce,
      config,
      accessChecks: readAccessChecks(value, this.log),
    };
  }
}

/** Rule options for a document, with override globs matched against its workspace-relative path. */
export function documentOptions(settings: AnalysisSettings, relativePath: string): AnalysisOptions {
  return optionsFor(settings.config, relativePath);
}
