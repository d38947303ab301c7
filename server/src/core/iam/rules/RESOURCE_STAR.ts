// RESOURCE_STAR: restrictable Write or Permissions-management actions granted on every resource (`*`, or a pattern
// covering every resource of their type). Reported on the resource entry, naming the actions it opens up.
import {
  type ActionRef,
  concreteArnExample,
  expandActionPattern,
  isWildcardOnly,
  resourceTypesOfRef,
} from '../catalog';
import type { IamRule } from '../rule';
import {
  actionEntries,
  allowStatements,
  isStar,
  listNames,
  mayReachAll,
  scopingConditions,
  wideResource,
} from '../risk';
import type { Span } from '../../types';

export const RESOURCE_STAR: IamRule = {
  id: 'RESOURCE_STAR',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'Write or permissions-management actions that can be scoped to resources are granted on every resource.',
  appliesTo: ['identity', 'resource'],
  check(ctx) {
    for (const s of allowStatements(ctx.policy)) {
      if (!s.resource || !mayReachAll(s) || scopingConditions(s).length > 0) continue;
      const byResource = new Map<number, { text: string; span: Span; refs: Map<string, ActionRef> }>();
      for (const entry of actionEntries(s)) {
        if (isStar(entry.text)) continue; // FULL_ADMIN / SERVICE_WILDCARD report a bare "*".
        for (const ref of expandActionPattern(ctx.data, entry.text)) {
          const level = ref.action.accessLevel;
          if ((level !== 'Write' && level !== 'Permissions management') || isWildcardOnly(ref)) continue;
          const wide = wideResource(ref, s);
          if (!wide) continue;
          const group = byResource.get(wide.span.start) ?? { ...wide, refs: new Map<string, ActionRef>() };
          group.refs.set(ref.fullName, ref);
          byResource.set(wide.span.start, group);
        }
      }
      for (const group of byResource.values()) {
        const refs = [...group.refs.values()];
        const names = refs.map((r) => r.fullName);
        const first = refs[0];
        // The shortest template is the plainest example (a bucket object rather than an access point object).
        const template = first
          ? [...resourceTypesOfRef(first)].sort((a, b) => a.arn.length - b.arn.length)[0]
          : undefined;
        const hint = template ? `; scope it to ARNs such as ${concreteArnExample(template.arn)}` : '';
        const what = names.length === 1 ? `${names[0]}` : `${names.length} write actions (${listNames(names)})`;
        ctx.report({
          message: `Resource "${group.text}" lets ${what} reach every resource${hint}`,
          span: group.span,
        });
      }
    }
  },
};
