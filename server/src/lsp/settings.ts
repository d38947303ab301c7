// Reads the `localCloudLab.analysis` settings for a document and turns them into the core's options.
import type { Connection } from 'vscode-languageserver/node';
import { optionsFor, readConfig, type AnalysisConfig } from '../core/config';
import type { AnalysisOptions } from '../core/types';

export interface AnalysisSettings {
  readonly enable: boolean;
  readonly debounceMs: number;
  readonly config: AnalysisConfig;
}

const defaults: AnalysisSettings = { enable: true, debounceMs: 200, config: {} };

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
    const value = (raw ?? {}) as { enable?: unknown; debounceMs?: unknown; rules?: unknown; overrides?: unknown };
    const { config, problems } = readConfig({ rules: value.rules ?? {}, overrides: value.overrides ?? [] });
    for (const problem of problems) this.log(`Settings localCloudLab.analysis: ${problem}`);
    const debounce =
      typeof value.debounceMs === 'number' && value.debounceMs >= 0 ? Math.min(value.debounceMs, 5000) : 200;
    return { enable: value.enable !== false, debounceMs: debounce, config };
  }
}

/** Rule options for a document, with override globs matched against its workspace-relative path. */
export function documentOptions(settings: AnalysisSettings, relativePath: string): AnalysisOptions {
  return optionsFor(settings.config, relativePath);
}
