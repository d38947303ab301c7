// The command line of every CLI command, read one way: `--name value` or `--name=value` for valued options (each may
// repeat; the command decides what a repeat means), bare `--name` for flags, `--` ends the options, anything else is a
// positional argument. Node's util.parseArgs reads the same shapes, but its messages name its own option syntax
// ("Option '--format <value>' argument missing"); these keep the CLI's own, which scripts and the docs quote.

/** A mistake in how the command was called: the message is printed as it is, with exit status 2. */
export class UsageError extends Error {}

export interface OptionSpec {
  /** Options that take a value. */
  readonly valued: readonly string[];
  /** Options that take none. */
  readonly flags?: readonly string[];
}

export interface ParsedOptions {
  /** Each valued option's values, in the order given. */
  readonly values: ReadonlyMap<string, readonly string[]>;
  readonly flags: ReadonlySet<string>;
  readonly positional: readonly string[];
}

export function parseOptions(argv: readonly string[], spec: OptionSpec): ParsedOptions {
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq > 0 ? eq : undefined);
    if (eq < 0 && spec.flags?.includes(name)) {
      flags.add(name);
      continue;
    }
    if (!spec.valued.includes(name)) throw new UsageError(`Unknown option "${a}"`);
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--')))
      throw new UsageError(`Option --${name} needs a value`);
    const list = values.get(name);
    if (list) list.push(value);
    else values.set(name, [value]);
  }
  return { values, flags, positional };
}

/** The one value of an option that may be given once (undefined when absent). */
export function single(p: ParsedOptions, name: string): string | undefined {
  const v = p.values.get(name);
  if (v && v.length > 1) throw new UsageError(`Only one --${name} may be given`);
  return v?.[0];
}
