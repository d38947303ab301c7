// "Unused access" (AWS's name): what a principal's policies grant that a recording of its calls never used.
// Method: every recorded (action, resource) pair is evaluated as a request of the principal against its policies with
// the evaluator; the Allow statements that decide an allowed request are "used" by it. Then, for each Allow
// statement, (1) an action entry that no allowed request of the statement matches is unused as a whole; (2) for a
// wildcard entry that some requests matched, the catalogue's actions it grants that no request made are unused;
// (3) a literal Resource entry that no allowed request of the statement matched is unused. Only what the evaluator
// shows was never exercised is reported: an entry it cannot read exactly (a policy variable, NotAction,
// NotResource) is reported only when its statement was not used at all.
import { expandActionPattern } from '../catalog';
import type { IamData } from '../data';
import { compilePolicy, evaluate, makeRequest, type PolicySource, type StatementRef } from '../evaluate/evaluate';
import { compileGlob, tokensOf } from '../evaluate/glob';
import type { Access } from './requests';

export interface UnusedGrant {
  readonly statement: StatementRef;
  /** An action entry as written, or one action of a wildcard entry. */
  readonly action: string;
  /** The resource entries concerned, as written. */
  readonly resource: string;
  readonly reason: 'statement never used' | 'action never used' | 'resource never used';
}

export interface UnusedAccessResult {
  readonly unused: readonly UnusedGrant[];
  /** Recorded pairs the principal's policies allow / do not allow. */
  readonly allowed: number;
  readonly denied: readonly Access[];
  /** Unused actions left out of `unused` (a wildcard entry can stand for hundreds). */
  readonly omitted: number;
}

export interface UnusedAccessInput {
  readonly principal: string;
  readonly identity: readonly PolicySource[];
  readonly boundary?: readonly PolicySource[];
  readonly recorded: readonly Access[];
  /** Most concrete actions listed per wildcard entry (default 25). */
  readonly maxActionsPerEntry?: number;
}

const refKey = (r: StatementRef): string => `${r.file}\u0000${r.line}\u0000${r.sid}`;

function literals(values: readonly { kind: string; value?: string }[]): string[] {
  return values.flatMap((v) => (v.kind === 'string' && typeof v.value === 'string' ? [v.value] : []));
}

export function unusedAccess(data: IamData, input: UnusedAccessInput): UnusedAccessResult {
  const identity = input.identity.map((s) => compilePolicy(s, 'identity'));
  const boundary = input.boundary?.map((s) => compilePolicy(s, 'boundary'));
  const usedBy = new Map<string, Access[]>();
  const denied: Access[] = [];
  let allowed = 0;
  for (const a of input.recorded) {
    // The requests went to AWS over HTTPS (aws:SecureTransport), as the explain command assumes.
    const request = makeRequest(input.principal, a.action, a.resource, [['aws:SecureTransport', 'true']]);
    const d = request ? evaluate({ identity, resource: [], ...(boundary ? { boundary } : {}) }, request) : undefined;
    if (d?.decision !== 'allow') {
      denied.push(a);
      continue;
    }
    allowed++;
    for (const ref of d.deciding) {
      const list = usedBy.get(refKey(ref));
      if (list) list.push(a);
      else usedBy.set(refKey(ref), [a]);
    }
  }

  const max = input.maxActionsPerEntry ?? 25;
  const unused: UnusedGrant[] = [];
  let omitted = 0;
  for (const source of input.identity) {
    const compiled = compilePolicy(source, 'identity');
    source.policy.statements.forEach((s, i) => {
      const ref = compiled.statements[i]!.ref;
      if (s.effect?.kind !== 'string' || s.effect.value !== 'Allow') return;
      const actionValues = literals((s.action ?? s.notAction)?.values ?? []);
      const resourceValues = literals((s.resource ?? s.notResource)?.values ?? []);
      const resourceText = s.notResource ? `* except ${resourceValues.join(', ')}` : resourceValues.join(', ') || '*';
      const used = usedBy.get(refKey(ref)) ?? [];
      if (!used.length) {
        const actionText = s.notAction ? `* except ${actionValues.join(', ')}` : actionValues.join(', ');
        unused.push({ statement: ref, action: actionText, resource: resourceText, reason: 'statement never used' });
        return;
      }
      if (s.action) {
        const usedActions = new Set(used.map((u) => u.action.toLowerCase()));
        for (const entry of actionValues) {
          const match = compileGlob(tokensOf(entry), { ignoreCase: true });
          const hits = used.filter((u) => match(u.action));
          if (!hits.length) {
            unused.push({ statement: ref, action: entry, resource: resourceText, reason: 'action never used' });
            continue;
          }
          if (!/[*?]/.test(entry)) continue;
          const never = expandActionPattern(data, entry)
            .map((r) => r.fullName)
            .filter((name) => !usedActions.has(name.toLowerCase()))
            .sort();
          omitted += Math.max(0, never.length - max);
          for (const name of never.slice(0, max)) {
            unused.push({ statement: ref, action: name, resource: resourceText, reason: 'action never used' });
          }
        }
      }
      if (s.resource) {
        for (const entry of resourceValues) {
          if (entry.includes('${')) continue; // a variable: which requests it matched is not known here
          const match = compileGlob(tokensOf(entry), { arnSegments: true });
          if (used.some((u) => match(u.resource))) continue;
          unused.push({
            statement: ref,
            action: actionValues.join(', '),
            resource: entry,
            reason: 'resource never used',
          });
        }
      }
    });
  }
  return { unused, allowed, denied, omitted };
}
