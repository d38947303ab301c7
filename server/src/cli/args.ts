// Command-line arguments of `local-cloud-lab`. Table-driven so other inputs (DynamoDB sample items, access
// patterns) can be added as one entry each in OPTIONS and read in check.ts.
import { type ParsedOptions, parseOptions, UsageError } from './options';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckArgs {
  readonly command: 'check';
  readonly format: OutputFormat;
  readonly config?: string;
  readonly paths: readonly string[];
  /**
   * Extra evidence files by option name (e.g. `--items items.json` → { items: ['items.json'] }). They are given
   * to the analyzers as companion documents; see check.ts.
   */
  readonly evidence: Readonly<Record<string, readonly string[]>>;
}

export type Args =
  | CheckArgs
  | { readonly command: 'version' }
  | { readonly command: 'help' }
  | { readonly command: 'usage-error'; readonly message: string };

/** Options taking a value. `evidence: true` marks inputs passed to the analyzers as companion documents. */
const OPTIONS: Readonly<Record<string, { readonly evidence?: boolean }>> = {
  format: {},
  config: {},
  // DynamoDB evidence (issue 4): `--items <file>` sample items, `--patterns <file>` access patterns.
  items: { evidence: true },
  patterns: { evidence: true },
};

export const USAGE = `Usage: local-cloud-lab check [options] [paths…]

Analyse IAM policies and DynamoDB table designs in files or folders (default: the current folder).
Folders are searched recursively for .json, .yaml, .yml, .template and .tf files (node_modules, .git and
.terraform are skipped); files named explicitly are always analysed.

Options:
  --format text|json|sarif   output format (default: text)
  --config <file>            rule levels and per-file overrides: {"rules": {"RULE_ID": "off"|"error"|…},
                             "overrides": [{"files": "glob", "rules": {…}}]}
  --items <file>             DynamoDB sample items (JSON array or JSON Lines), may repeat
  --patterns <file>          DynamoDB access patterns, may repeat
  --version                  print the tool version and the IAM data date
  --help                     print this help

Exit status: 0 no error-severity finding, 1 at least one, 2 usage error or a file that could not be read.`;

export function parseArgs(argv: readonly string[]): Args {
  if (argv.includes('--version') || argv.includes('-v')) return { command: 'version' };
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return { command: 'help' };
  const [command, ...rest] = argv;
  if (command !== 'check') return { command: 'usage-error', message: `Unknown command "${command}"` };
  let parsed: ParsedOptions;
  try {
    parsed = parseOptions(rest, { valued: Object.keys(OPTIONS) });
  } catch (e) {
    if (e instanceof UsageError) return { command: 'usage-error', message: e.message };
    throw e;
  }
  const values = Object.fromEntries(parsed.values) as Record<string, readonly string[]>;
  const paths = parsed.positional;
  const format = values.format?.at(-1) ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    return { command: 'usage-error', message: `--format must be text, json or sarif (got "${format}")` };
  }
  if ((values.config?.length ?? 0) > 1) return { command: 'usage-error', message: 'Only one --config may be given' };
  const evidence: Record<string, readonly string[]> = {};
  for (const [name, opt] of Object.entries(OPTIONS)) if (opt.evidence && values[name]) evidence[name] = values[name]!;
  const base: CheckArgs = { command: 'check', format, paths: paths.length ? paths : ['.'], evidence };
  return values.config ? { ...base, config: values.config[0]! } : base;
}
