// `explain`, `check-no-new-access`, `check-access-not-granted` and `check-no-public-access`: the policy evaluator and
// the custom checks of the analysis core (server/src/core/iam/evaluate) for CI. Output formats are fixed (issue 12):
//   explain → {"decision":"allow"|"explicit-deny"|"implicit-deny","deciding":[{"file","sid","line"}]}
//   check-* → {"result":"PASS"|"FAIL","reasons":[{"action","resource"}]}
// Exit status: 0 allow / PASS, 1 deny / FAIL, 2 a usage or input error (one readable line on stderr).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import {
  checkAccessNotGranted,
  checkNoNewAccess,
  checkNoPublicAccess,
  type CheckResult,
  type PublicResourceType,
  RESOURCE_TYPES,
} from '../core/iam/evaluate/checks';
import {
  compilePolicy,
  type Decision,
  evaluate,
  makeRequest,
  type PolicyRole,
  type PolicySource,
} from '../core/iam/evaluate/evaluate';
import { loadPolicies } from '../core/iam/evaluate/load';
import type { CliIo } from './check';
import { reasonOf } from './files';
import { type ParsedOptions, parseOptions, single, UsageError } from './options';

export const ACCESS_COMMANDS: ReadonlySet<string> = new Set([
  'explain',
  'check-no-new-access',
  'check-access-not-granted',
  'check-no-public-access',
]);

const EXIT_PASS = 0;
const EXIT_FAIL = 1;
const EXIT_USAGE = 2;

export const ACCESS_USAGE = `Policy evaluation and custom checks (exit status: 0 allow/PASS, 1 deny/FAIL, 2 usage or input error):

  local-cloud-lab explain --policy F [--policy F…] [--resource-policy F…] [--boundary F] [--session-policy F]
      --principal ARN --action ACTION --resource ARN [--context KEY=VALUE…] [--format text|json]
  local-cloud-lab check-no-new-access --base OLD|HEAD NEW [--format text|json]
  local-cloud-lab check-access-not-granted --actions A[,A…] [--resources R[,R…]] POLICY [--format text|json]
  local-cloud-lab check-no-public-access --resource-type TYPE POLICY [--format text|json]
      TYPE: ${RESOURCE_TYPES.join(', ')}

--context repeats; a key given twice is multi-valued. --base HEAD compares with the version of NEW committed in git.`;

function required(p: ParsedOptions, name: string): string {
  const v = single(p, name);
  if (v === undefined) throw new UsageError(`--${name} is required`);
  return v;
}

function formatOf(p: ParsedOptions): 'text' | 'json' {
  const f = single(p, 'format') ?? 'text';
  if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be text or json (got "${f}")`);
  return f;
}

function onePositional(p: ParsedOptions, what: string): string {
  if (p.positional.length !== 1) {
    throw new UsageError(`Expected one ${what} file (got ${p.positional.length ? p.positional.join(' ') : 'none'})`);
  }
  return p.positional[0]!;
}

function policiesOfText(shown: string, text: string): PolicySource[] {
  const loaded = loadPolicies(shown, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (loaded.problems.length) throw new UsageError(`${shown}:${loaded.problems[0]} (fix the policy first)`);
  if (!loaded.sources.length) throw new UsageError(`${shown}: no IAM policy found`);
  return [...loaded.sources];
}

function readPolicies(path: string, io: CliIo): PolicySource[] {
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, path), 'utf8');
  } catch (e) {
    throw new UsageError(`Read ${path} failed: ${reasonOf(e)}`);
  }
  return policiesOfText(path, text);
}

/** The committed (git HEAD) version of a file, for `--base HEAD`. */
function readHead(path: string, io: CliIo): PolicySource[] {
  const abs = resolve(io.cwd, path);
  const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dirname(abs), encoding: 'utf8' });
  if (top.status !== 0) throw new UsageError(`--base HEAD: ${path} is not in a git repository`);
  const rel = relative(top.stdout.trim(), abs).replace(/\\/g, '/');
  const shown = spawnSync('git', ['show', `HEAD:${rel}`], { cwd: top.stdout.trim(), encoding: 'utf8' });
  if (shown.status !== 0) throw new UsageError(`--base HEAD: ${path} has no committed version`);
  return policiesOfText(`HEAD:${rel}`, shown.stdout);
}

function explain(argv: readonly string[], io: CliIo): number {
  const p = parseOptions(argv, {
    valued: [
      'policy',
      'resource-policy',
      'boundary',
      'session-policy',
      'principal',
      'action',
      'resource',
      'context',
      'format',
    ],
  });
  const format = formatOf(p);
  if (p.positional.length) throw new UsageError(`Unexpected argument "${p.positional[0]}"`);
  const principal = required(p, 'principal');
  const action = required(p, 'action');
  const resource = required(p, 'resource');
  if (!/^[A-Za-z0-9-]+:[A-Za-z0-9]+$/.test(action)) {
    throw new UsageError(`--action must be one action such as s3:GetObject (got "${action}")`);
  }
  const context: [string, string][] = [];
  for (const c of p.values.get('context') ?? []) {
    const eq = c.indexOf('=');
    if (eq <= 0) throw new UsageError(`--context must be KEY=VALUE (got "${c}")`);
    context.push([c.slice(0, eq), c.slice(eq + 1)]);
  }
  const request = makeRequest(principal, action, resource, context);
  if (!request) {
    throw new UsageError(
      `--principal must be an IAM user, role, role session or root ARN, or a service principal (got "${principal}")`,
    );
  }
  const compiled = (name: string, role: PolicyRole) =>
    (p.values.get(name) ?? []).flatMap((f) => readPolicies(f, io)).map((s) => compilePolicy(s, role));
  if (!p.values.get('policy') && !p.values.get('resource-policy')) {
    throw new UsageError('Give at least one --policy or --resource-policy');
  }
  const boundary = p.values.has('boundary') ? compiled('boundary', 'boundary') : undefined;
  const session = p.values.has('session-policy') ? compiled('session-policy', 'session') : undefined;
  const decision = evaluate(
    {
      identity: compiled('policy', 'identity'),
      resource: compiled('resource-policy', 'resource'),
      ...(boundary ? { boundary } : {}),
      ...(session ? { session } : {}),
    },
    request,
  );
  io.stdout(format === 'json' ? `${decisionJson(decision)}\n` : decisionText(decision));
  return decision.decision === 'allow' ? EXIT_PASS : EXIT_FAIL;
}

function decisionJson(d: Decision): string {
  return JSON.stringify({
    decision: d.decision,
    deciding: d.deciding.map((r) => ({ file: r.file, sid: r.sid, line: r.line })),
  });
}

const at = (r: { file: string; sid: string; line: number }): string => `\`${r.sid}\` (${r.file}:${r.line})`;

export function decisionText(d: Decision): string {
  const head =
    d.decision === 'allow'
      ? `Allowed by ${d.deciding.length > 1 ? 'statements' : 'statement'} ${d.deciding.map(at).join(', ')}`
      : d.decision === 'explicit-deny'
        ? `Denied: explicit deny in ${d.deciding.map(at).join(', ')}`
        : 'Denied: no statement allows it';
  const steps = d.steps.map(
    (s, i) =>
      `  ${i + 1}. ${s.step}: ${s.outcome}${s.statements.length ? ` — ${s.statements.map(at).join(', ')}` : ''}`,
  );
  return `${head}\nEvaluation order:\n${steps.join('\n')}\n`;
}

function report(name: string, r: CheckResult, format: 'text' | 'json', io: CliIo): number {
  if (format === 'json') {
    io.stdout(
      `${JSON.stringify({ result: r.result, reasons: r.reasons.map((x) => ({ action: x.action, resource: x.resource })) })}\n`,
    );
  } else {
    const lines = r.reasons.map(
      (x) =>
        `  ${x.action} on ${x.resource}${x.statement ? ` — ${at(x.statement)}` : ''}${x.note ? ` (${x.note})` : ''}`,
    );
    io.stdout(`${r.result}: ${name}${lines.length ? `\n${lines.join('\n')}` : ''}\n`);
  }
  return r.result === 'PASS' ? EXIT_PASS : EXIT_FAIL;
}

function splitList(v: string | undefined): string[] {
  return (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function runCommand(command: string, argv: readonly string[], io: CliIo): number {
  switch (command) {
    case 'explain':
      return explain(argv, io);
    case 'check-no-new-access': {
      const p = parseOptions(argv, { valued: ['base', 'format'] });
      const format = formatOf(p);
      const base = required(p, 'base');
      const next = onePositional(p, 'policy');
      const nextPolicies = readPolicies(next, io);
      const basePolicies =
        base === 'HEAD' && !existsSync(resolve(io.cwd, base)) ? readHead(next, io) : readPolicies(base, io);
      return report('CheckNoNewAccess', checkNoNewAccess(io.loadIamData(), basePolicies, nextPolicies), format, io);
    }
    case 'check-access-not-granted': {
      const p = parseOptions(argv, { valued: ['actions', 'resources', 'format'] });
      const format = formatOf(p);
      const actions = splitList(required(p, 'actions'));
      const bad = actions.find((a) => !/^[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+$/.test(a));
      if (!actions.length || bad !== undefined) {
        throw new UsageError(`--actions must list actions such as s3:GetObject,s3:Put* (got "${bad ?? ''}")`);
      }
      const resources = splitList(single(p, 'resources'));
      const policies = readPolicies(onePositional(p, 'policy'), io);
      return report('CheckAccessNotGranted', checkAccessNotGranted(policies, actions, resources), format, io);
    }
    case 'check-no-public-access': {
      const p = parseOptions(argv, { valued: ['resource-type', 'format'] });
      const format = formatOf(p);
      const type = required(p, 'resource-type');
      if (!(RESOURCE_TYPES as readonly string[]).includes(type)) {
        throw new UsageError(`--resource-type must be one of ${RESOURCE_TYPES.join(', ')} (got "${type}")`);
      }
      const policies = readPolicies(onePositional(p, 'policy'), io);
      return report('CheckNoPublicAccess', checkNoPublicAccess(policies, type as PublicResourceType), format, io);
    }
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

/** Runs one of ACCESS_COMMANDS; never throws (input errors are exit status 2 with one line on stderr). */
export function runAccessCommand(argv: readonly string[], io: CliIo): number {
  const [command = '', ...rest] = argv;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${ACCESS_USAGE}\n`);
    return EXIT_PASS;
  }
  try {
    return runCommand(command, rest, io);
  } catch (e) {
    io.stderr(`${e instanceof UsageError ? e.message : `${command} failed: ${reasonOf(e)}`}\n`);
    return EXIT_USAGE;
  }
}
