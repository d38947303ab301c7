// The AWS managed policy corpus (../shared/corpus/aws-managed-policies beside the clone; GPL-3.0 data, never copied
// into the project): where it is, and every policy run through the same core entry point as the CLI.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyzeDocument } from '../../server/src/core/analyze';
import type { IamData } from '../../server/src/core/iam/data';
import type { Finding } from '../../server/src/core/types';

const CORPUS = join('shared', 'corpus', 'aws-managed-policies');

/**
 * The corpus folder: `shared/` beside the repository root (CI), or beside one of its parents (a git worktree
 * under /work/wt/<name> finds /work/shared). Undefined when there is none.
 */
export function corpusDir(from: string = join(__dirname, '..', '..')): string | undefined {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const candidate = join(dir, CORPUS);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

export interface CorpusPolicy {
  /** File name without `.json`: the policy's name. */
  readonly name: string;
  readonly text: string;
}

export function corpusPolicies(dir: string): CorpusPolicy[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.slice(0, -'.json'.length), text: readFileSync(join(dir, f), 'utf8') }));
}

export interface CorpusFinding extends Finding {
  readonly policy: string;
}

/** Every finding of every corpus policy, through analyzeDocument (what `check` and the server call). */
export function analyzeCorpus(policies: readonly CorpusPolicy[], data: IamData): CorpusFinding[] {
  const out: CorpusFinding[] = [];
  const ctx = { iamData: () => data, options: {} };
  for (const p of policies) {
    const { findings } = analyzeDocument({ uri: `${p.name}.json`, text: p.text, languageId: 'json' }, ctx);
    for (const f of findings) out.push({ ...f, policy: p.name });
  }
  return out;
}

/**
 * What a finding is about, for counting: the rule id, and for the validity rules that downgrade to a warning, why
 * ("INVALID_SERVICE_IN_ACTION: AWS DeepLens, retired in 2024", "INVALID_ACTION: not in the current catalogue").
 */
export function reasonOf(f: Finding): string {
  const retired = /\(([^()]*retired[^()]*)\)/.exec(f.message);
  if (retired) return `${f.ruleId}: ${retired[1]}`;
  if (f.message.includes('not in the current catalogue')) return `${f.ruleId}: action not in the current catalogue`;
  return f.ruleId;
}
