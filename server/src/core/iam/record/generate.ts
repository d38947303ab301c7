// A least-privilege policy from recorded access: exactly the (action, resource) pairs the calls needed, grouped by
// service and by resources that need the same actions, sorted, with Sids that depend only on the content. Actions
// are never wildcards; resources are the ARNs the calls named (`*` only where the request names no resource).
import type { Access } from './requests';

export interface GeneratedStatement {
  readonly Sid: string;
  readonly Effect: 'Allow';
  readonly Action: readonly string[];
  readonly Resource: readonly string[];
}

export interface GeneratedPolicy {
  readonly Version: '2012-10-17';
  readonly Statement: readonly GeneratedStatement[];
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `dynamodb` → `Dynamodb`, `cognito-idp` → `CognitoIdp` (Sids are alphanumeric). */
function pascal(service: string): string {
  return service
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** The policy granting exactly `access` (duplicates and action case differences are merged). */
export function generatePolicy(access: readonly Access[]): GeneratedPolicy {
  // service → resource → actions
  const byService = new Map<string, Map<string, Map<string, string>>>();
  for (const a of access) {
    const colon = a.action.indexOf(':');
    if (colon <= 0 || !a.resource) continue;
    const service = a.action.slice(0, colon).toLowerCase();
    const action = `${service}:${a.action.slice(colon + 1)}`;
    let resources = byService.get(service);
    if (!resources) byService.set(service, (resources = new Map()));
    let actions = resources.get(a.resource);
    if (!actions) resources.set(a.resource, (actions = new Map()));
    actions.set(action.toLowerCase(), actions.get(action.toLowerCase()) ?? action);
  }
  const statements: GeneratedStatement[] = [];
  for (const service of [...byService.keys()].sort(compare)) {
    // Resources needing the same set of actions share a statement.
    const groups = new Map<string, { actions: string[]; resources: string[] }>();
    for (const [resource, actions] of byService.get(service)!) {
      const list = [...actions.values()].sort(compare);
      const key = list.join('\u0000').toLowerCase();
      const g = groups.get(key);
      if (g) g.resources.push(resource);
      else groups.set(key, { actions: list, resources: [resource] });
    }
    const sorted = [...groups.values()]
      .map((g) => ({ actions: g.actions, resources: g.resources.sort(compare) }))
      .sort((a, b) => compare(a.resources[0]!, b.resources[0]!) || compare(a.actions.join(), b.actions.join()));
    sorted.forEach((g, i) => {
      statements.push({
        Sid: `${pascal(service)}Access${i + 1}`,
        Effect: 'Allow',
        Action: g.actions,
        Resource: g.resources,
      });
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

/** The policy as the text of a JSON file (two-space indent, final newline). */
export function policyText(policy: GeneratedPolicy): string {
  return `${JSON.stringify(policy, null, 2)}\n`;
}
