// Rule configuration shared by the language server (from settings) and the CLI (from a config file):
// global rule levels plus per-file overrides selected by glob. Pure: paths come in as strings.
import picomatch from 'picomatch';
import type { AnalysisOptions, RuleLevel } from './types';

export interface RuleOverride {
  /** Glob(s) matched against the path relative to the workspace (or the CLI's working directory). */
  readonly files: string | readonly string[];
  readonly rules: Readonly<Record<string, RuleLevel>>;
}

export interface AnalysisConfig {
  readonly rules?: Readonly<Record<string, RuleLevel>>;
  readonly overrides?: readonly RuleOverride[];
}

const levels: readonly string[] = ['off', 'error', 'warning', 'info', 'hint'];

/** The options for one file: global levels, then every matching override in order (later wins). */
export function optionsFor(config: AnalysisConfig, relativePath: string): AnalysisOptions {
  const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  let rules: Record<string, RuleLevel> = { ...(config.rules ?? {}) };
  for (const override of config.overrides ?? []) {
    const globs = typeof override.files === 'string' ? [override.files] : [...override.files];
    if (globs.length && picomatch(globs, { dot: true })(path)) rules = { ...rules, ...override.rules };
  }
  return { rules };
}

/** Checks a config read from settings or a file; unknown shapes are dropped with a readable problem each. */
export function readConfig(
  value: unknown,
  knownRuleIds?: ReadonlySet<string>,
): { config: AnalysisConfig; problems: string[] } {
  const problems: string[] = [];
  const readRules = (raw: unknown, where: string): Record<string, RuleLevel> => {
    const out: Record<string, RuleLevel> = {};
    if (raw === undefined || raw === null) return out;
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push(`${where} must be an object of rule id → level`);
      return out;
    }
    for (const [id, level] of Object.entries(raw)) {
      if (typeof level !== 'string' || !levels.includes(level)) {
        problems.push(`${where}.${id}: level must be one of ${levels.join(', ')}`);
      } else if (knownRuleIds && !knownRuleIds.has(id)) {
        problems.push(`${where}.${id}: no rule has this id`);
      } else {
        out[id] = level as RuleLevel;
      }
    }
    return out;
  };
  if (value === undefined || value === null) return { config: {}, problems };
  if (typeof value !== 'object' || Array.isArray(value))
    return { config: {}, problems: ['configuration must be an object'] };
  const raw = value as { rules?: unknown; overrides?: unknown };
  const rules = readRules(raw.rules, 'rules');
  const overrides: RuleOverride[] = [];
  if (Array.isArray(raw.overrides)) {
    raw.overrides.forEach((o: unknown, i) => {
      const entry = o as { files?: unknown; rules?: unknown } | null;
      const files = entry?.files;
      const ok = typeof files === 'string' || (Array.isArray(files) && files.every((f) => typeof f === 'string'));
      if (!ok) problems.push(`overrides[${i}].files must be a glob or a list of globs`);
      else
        overrides.push({ files: files as string | string[], rules: readRules(entry?.rules, `overrides[${i}].rules`) });
    });
  } else if (raw.overrides !== undefined) {
    problems.push('overrides must be a list');
  }
  return { config: { rules, overrides }, problems };
}
