// SERVICE_WILDCARD: `service:*` (or a bare `*` not already reported as FULL_ADMIN) in an Allow statement.
import { type ActionRef, findService, groupByAccessLevel, hasWildcard, splitAction } from '../catalog';
import { explicitActionFixes } from '../fixes';
import type { IamRule } from '../rule';
import type { Fix } from '../../types';
import { hasStarResource, isStar } from '../risk';

/**
 * How many of the actions are write, permissions-management and tagging ones (' (12 write, 3 tagging)'), worked out
 * once per pattern by the catalogue memo: `ec2:*` comes back in policy after policy.
 */
function riskyLevels(refs: readonly ActionRef[]): string {
  const levels = [...groupByAccessLevel(refs)]
    .filter(([level]) => level === 'Write' || level === 'Permissions management' || level === 'Tagging')
    .map(
      ([level, list]) =>
        `${list.length} ${level === 'Permissions management' ? 'permissions-management' : level.toLowerCase()}`,
    );
  return levels.length ? ` (${levels.join(', ')})` : '';
}

export const SERVICE_WILDCARD: IamRule = {
  id: 'SERVICE_WILDCARD',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'An Allow statement grants every action of a service (service:*) instead of the actions needed.',
  appliesTo: ['identity', 'resource'],
  check(ctx) {
    for (const s of ctx.facts.allows(ctx.policy)) {
      const narrowing = ctx.facts.scoping(s)[0];
      const suffix = narrowing ? ` (narrowed by the condition on ${narrowing.key})` : '';
      for (const entry of ctx.facts.entries(s)) {
        if (!entry.wildcard) continue; // an exact name is no `service:*`
        let message: string | undefined;
        let service: string | undefined;
        if (entry.all) {
          // Action "*" on "*" is FULL_ADMIN's.
          if (hasStarResource(s) || s.notResource) continue;
          message = `Action "*" grants every action of every service on the listed resources${suffix}`;
        } else {
          const parts = splitAction(entry.text);
          if (!parts || !isStar(parts.action) || hasWildcard(parts.service)) continue;
          const info = findService(ctx.data, parts.service);
          if (!info) continue; // INVALID_SERVICE_IN_ACTION's business.
          service = parts.service;
          const refs = ctx.facts.expand(entry.text);
          const detail = ctx.facts.memo.derived(entry.text, riskyLevels);
          message = `${entry.text} grants all ${refs.length} actions of ${info.name}${detail}; list only the actions needed${suffix}`;
        }
        const list = s.action?.node;
        // Built only when fixes are wanted (the explicit lists can be hundreds of actions long).
        const fixes = (): Fix[] => {
          const out = list ? explicitActionFixes(ctx.data, ctx.text, list, entry.node) : [];
          // Or let the user pick the actions from the service's list (the editor asks; other front ends skip it).
          if (service) {
            out.push({
              title: `Pick the ${service} actions to grant instead of ${service}:*…`,
              edits: [],
              prompt: { kind: 'pickServiceActions', service, span: entry.span },
            });
          }
          return out;
        };
        ctx.report({
          message,
          span: entry.span,
          ...(narrowing ? { severity: 'info' as const } : {}),
          fixes,
        });
      }
    }
  },
};
