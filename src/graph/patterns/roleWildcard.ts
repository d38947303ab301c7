// role-wildcard (problem): a function whose execution role allows `*` — every action (`*`, `service:*`) or, for the
// services this graph draws, every resource. Read with the analysis core's policy parser and statement helpers.
import { loadPolicies } from '../../../server/src/core/iam/evaluate/load';
import { actionEntries, allowStatements, hasStarResource, isAllActions } from '../../../server/src/core/iam/risk';
import type { RolePolicy } from '../../aws/records/wiring';
import type { PatternCheck } from './types';

/** Services whose resources are nodes of the graph: `Resource: "*"` on their actions reaches every one of them. */
const DRAWN = new Set(['sqs', 'sns', 's3', 'dynamodb', 'kinesis', 'lambda', 'states', 'events', 'apigateway', 'iam']);

/** What is too wide in one role's policies, as short phrases (`sqs:* on *` …); empty when nothing is. */
export function wildcardGrants(policies: readonly RolePolicy[]): string[] {
  const out: string[] = [];
  for (const p of policies) {
    const { sources } = loadPolicies(p.name, p.document);
    for (const source of sources) {
      for (const s of allowStatements(source.policy)) {
        // Only the texts are needed: no catalogue lookup.
        const actions = actionEntries(s, () => undefined).map((a) => a.text);
        const starResource = hasStarResource(s);
        const where = starResource ? '*' : 'its resources';
        if (s.notAction !== undefined) out.push(`Allow with NotAction (${p.name})`);
        for (const a of actions) {
          const service = a.split(':')[0]?.toLowerCase() ?? '';
          if (isAllActions(a) || /^[a-z0-9-]+:\*+$/i.test(a)) out.push(`${a} on ${where} (${p.name})`);
          else if (starResource && DRAWN.has(service)) out.push(`${a} on * (${p.name})`);
        }
      }
    }
  }
  return [...new Set(out)];
}

export const roleWildcard: PatternCheck = {
  id: 'role-wildcard',
  kind: 'problem',
  title: 'Function role with `*`',
  lesson:
    'A wildcard lets the function do far more than its job: a bug or an injected input can then touch every ' +
    'queue, table or bucket. Grant the actions it calls on the resources it is wired to.',
  run(g) {
    const policies = g.graph.rolePolicies ?? {};
    return g.ofType('AWS::Lambda::Function').flatMap((fn) => {
      const role = g.out(fn.id, 'uses-role')[0]?.to;
      const grants = role ? wildcardGrants(policies[role] ?? []) : [];
      if (!role || !grants.length) return [];
      const shown = grants.slice(0, 3).join('; ') + (grants.length > 3 ? ` (+${grants.length - 3} more)` : '');
      return [
        {
          check: this.id,
          kind: this.kind,
          nodes: [fn.id, role],
          message: `${fn.name}'s role ${g.name(role)} allows ${shown}`,
          lesson: this.lesson,
        },
      ];
    });
  },
};
