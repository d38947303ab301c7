// Entry of dist/explain-access.js (a lazy bundle, src/lazy.ts): the analysis core's policy evaluator for the
// "Explain Access" command and its CodeLens, loaded the first time a policy file is shown. No 'vscode' here.
import { expandActionPattern } from '../../server/src/core/iam/catalog';
import {
  compilePolicy,
  type Decision,
  evaluate,
  makeRequest,
  type PolicyRole,
} from '../../server/src/core/iam/evaluate/evaluate';
import { loadPolicies } from '../../server/src/core/iam/evaluate/load';
import { loadIamData } from '../../server/src/iamData';
import type { IamData } from '../../server/src/core/iam/data';

export interface StatementLens {
  /** 0-based lines where the statement object starts and ends. */
  readonly line: number;
  readonly endLine: number;
  readonly sid: string;
  /** First literal action and resource of the statement, to suggest in the pickers. */
  readonly action?: string;
  readonly resource?: string;
}

const literal = (v: { kind: string; value?: string } | undefined): string | undefined =>
  v?.kind === 'string' ? v.value : undefined;

/** One lens per statement of every policy in the file; none when the text holds no policy. */
export function statementLenses(file: string, text: string): StatementLens[] {
  if (!/statement/i.test(text)) return [];
  const { sources } = loadPolicies(file, text);
  return sources.flatMap((src) =>
    src.policy.statements.map((s) => {
      const action = literal(s.action?.values.find((v) => v.kind === 'string' && !/[*?]/.test(v.value)));
      const resource = literal(s.resource?.values.find((v) => v.kind === 'string'));
      return {
        line: src.lines.positionAt(s.node.span.start).line,
        endLine: src.lines.positionAt(s.node.span.end).line,
        sid: literal(s.sid) || `Statement[${s.index}]`,
        ...(action ? { action } : {}),
        ...(resource ? { resource } : {}),
      };
    }),
  );
}

export interface PolicyText {
  readonly file: string;
  readonly text: string;
}

export interface ExplainInput {
  readonly identity: readonly PolicyText[];
  readonly resource: readonly PolicyText[];
  readonly boundary?: readonly PolicyText[];
  readonly principal: string;
  readonly action: string;
  readonly resourceArn: string;
  readonly context?: readonly (readonly [string, string])[];
}

export type ExplainOutcome =
  { readonly ok: true; readonly decision: Decision } | { readonly ok: false; readonly reason: string };

export function explain(input: ExplainInput): ExplainOutcome {
  const request = makeRequest(input.principal, input.action, input.resourceArn, input.context ?? []);
  if (!request) return { ok: false, reason: `"${input.principal}" is not an IAM user, role, session or root ARN` };
  const compile = (texts: readonly PolicyText[], role: PolicyRole) => {
    const out = [];
    for (const t of texts) {
      const loaded = loadPolicies(t.file, t.text);
      if (loaded.problems.length) throw new Error(`${t.file}:${loaded.problems[0]}`);
      out.push(...loaded.sources.map((s) => compilePolicy(s, role)));
    }
    return out;
  };
  try {
    const decision = evaluate(
      {
        identity: compile(input.identity, 'identity'),
        resource: compile(input.resource, 'resource'),
        ...(input.boundary ? { boundary: compile(input.boundary, 'boundary') } : {}),
      },
      request,
    );
    return { ok: true, decision };
  } catch (e) {
    return { ok: false, reason: `fix the policy first (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** The catalogue's actions of the given services (for the action picker), sorted. */
export function actionsOf(prefixes: readonly string[], data: IamData = loadIamData()): string[] {
  const out = new Set<string>();
  for (const p of prefixes) for (const r of expandActionPattern(data, `${p}:*`)) out.add(r.fullName);
  return [...out].sort();
}

/** The sentence the command shows, in the issue's words. */
export function summary(decision: Decision): string {
  const at = (r: { sid: string; file: string; line: number }) => `\`${r.sid}\` (${r.file}:${r.line})`;
  if (decision.decision === 'allow') {
    return `Allowed by statement ${decision.deciding.map(at).join(', ')}`;
  }
  if (decision.decision === 'explicit-deny') return `Denied: explicit deny in ${decision.deciding.map(at).join(', ')}`;
  return 'Denied: no statement allows it';
}

/** The evaluation order as markdown, for the "Show evaluation" document. */
export function stepsMarkdown(input: ExplainInput, decision: Decision): string {
  const at = (r: { sid: string; file: string; line: number }) => `\`${r.sid}\` (${r.file}:${r.line})`;
  const lines = [
    `# ${summary(decision)}`,
    '',
    `- Principal: \`${input.principal}\``,
    `- Action: \`${input.action}\``,
    `- Resource: \`${input.resourceArn}\``,
    '',
    'AWS evaluates a request within one account in this order:',
    '',
    ...decision.steps.map(
      (s, i) =>
        `${i + 1}. **${s.step}:** ${s.outcome}${s.statements.length ? ` — ${s.statements.map(at).join(', ')}` : ''}`,
    ),
    '',
  ];
  return lines.join('\n');
}
