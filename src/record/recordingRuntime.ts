// Entry of dist/recording.js (a lazy bundle, src/lazy.ts): the call recorder of "Record my calls" — the proxy, the
// bounded call log, the core's request mapping, policy generation and unused-access diff — loaded on the first
// recording. No 'vscode' here.
import { loadPolicies } from '../../server/src/core/iam/evaluate/load';
import { generatePolicy, policyText } from '../../server/src/core/iam/record/generate';
import { accessOf, type Access } from '../../server/src/core/iam/record/requests';
import { unusedAccess, type UnusedAccessResult } from '../../server/src/core/iam/record/unused';
import { loadIamData } from '../../server/src/iamData';
import { CallLog, type CallLogSummary } from '../../server/src/record/callLog';
import { startRecordingProxy } from '../../server/src/record/proxy';

export type { CallLogSummary } from '../../server/src/record/callLog';

export interface RecorderOptions {
  /** Base URL to forward to, by SigV4 signing name. */
  readonly target: (signingName: string) => string;
  /** Account and Region resource ARNs are built in (the emulator's). */
  readonly account: string;
  readonly region: string;
  /** Distinct (action, resource) pairs kept at most. */
  readonly maxPairs?: number;
  /** Called after each recorded request (for a counter). */
  readonly onRequest?: (requests: number, pairs: number) => void;
}

export interface Recorder {
  readonly url: string;
  summary(): CallLogSummary;
  /** Stops the proxy; the log stays readable. */
  stop(): Promise<CallLogSummary>;
}

export async function startRecorder(opts: RecorderOptions): Promise<Recorder> {
  const log = new CallLog(opts.maxPairs);
  const proxy = await startRecordingProxy({
    target: opts.target,
    onRequest: (req, status) => {
      log.add(accessOf(req, { account: opts.account, region: opts.region }), status);
      opts.onRequest?.(log.requestCount, log.size);
    },
  });
  return {
    url: proxy.url,
    summary: () => log.summary(),
    stop: async () => {
      await proxy.close();
      return log.summary();
    },
  };
}

/** The least-privilege policy of a recording, as the text of a JSON file. */
export function recordedPolicy(access: readonly Access[]): { text: string; statements: number } {
  const policy = generatePolicy(access);
  return { text: policyText(policy), statements: policy.Statement.length };
}

export interface PolicyText {
  readonly file: string;
  readonly text: string;
}

export type UnusedOutcome =
  | { readonly ok: true; readonly result: UnusedAccessResult; readonly markdown: string }
  | { readonly ok: false; readonly reason: string };

/** What `principal`'s policies grant that the recording never used, with a markdown report. */
export function compareWithRecording(
  principal: string,
  identity: readonly PolicyText[],
  boundary: PolicyText | undefined,
  recorded: readonly Access[],
): UnusedOutcome {
  const sources = (texts: readonly PolicyText[]) =>
    texts.flatMap((t) => {
      const loaded = loadPolicies(t.file, t.text);
      if (loaded.problems.length) throw new Error(`${t.file}:${loaded.problems[0]}`);
      return [...loaded.sources];
    });
  let result: UnusedAccessResult;
  try {
    result = unusedAccess(loadIamData(), {
      principal,
      identity: sources(identity),
      ...(boundary ? { boundary: sources([boundary]) } : {}),
      recorded,
    });
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  return { ok: true, result, markdown: unusedMarkdown(principal, identity, recorded, result) };
}

function unusedMarkdown(
  principal: string,
  identity: readonly PolicyText[],
  recorded: readonly Access[],
  r: UnusedAccessResult,
): string {
  const lines = [
    `# Unused access of \`${principal}\``,
    '',
    `Its ${identity.length} ${identity.length === 1 ? 'policy' : 'policies'} compared with a recording of ${recorded.length} permission${recorded.length === 1 ? '' : 's'} (${r.allowed} allowed, ${r.denied.length} not allowed).`,
    '',
  ];
  if (!r.unused.length) lines.push('Every statement, action and resource it grants was used by the recording.', '');
  else {
    lines.push('| Statement | Unused | Action | Resource |', '| --- | --- | --- | --- |');
    for (const u of r.unused) {
      lines.push(
        `| \`${u.statement.sid}\` (${u.statement.file}:${u.statement.line}) | ${u.reason} | \`${u.action}\` | \`${u.resource}\` |`,
      );
    }
    if (r.omitted) lines.push('', `…and ${r.omitted} more unused actions of wildcard entries.`);
    lines.push('');
  }
  if (r.denied.length) {
    lines.push('## Recorded calls these policies do not allow', '');
    for (const d of r.denied.slice(0, 100)) lines.push(`- \`${d.action}\` on \`${d.resource}\``);
    lines.push('');
  }
  lines.push(
    'Each recorded permission is evaluated as a request of this principal; a statement is used when it allows one. ' +
      'See docs/iam-evaluation.md ("Record my calls").',
    '',
  );
  return lines.join('\n');
}
