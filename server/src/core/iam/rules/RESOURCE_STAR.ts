// RESOURCE_STAR: restrictable Write or Permissions-management actions granted on every resource (`*`, or a pattern
// covering every resource of their type). Reported on the resource entry, naming the actions it opens up.
import { type ActionRef, concreteArnExample, isWildcardOnly } from '../catalog';
import type { IamRule } from '../rule';
import { isStar, listNames, mayReachAll, pickedActions, wideResource } from '../risk';
import type { StringNode } from '../../syntax/tree';
import type { Span } from '../../types';
import { replaceString } from '../fixes';

/** Write and permissions-management actions that can be scoped to resources. */
function scopableWrite(r: ActionRef): boolean {
  const level = r.action.accessLevel;
  return (level === 'Write' || level === 'Permissions management') && !isWildcardOnly(r);
}

export const RESOURCE_STAR: IamRule = {
  id: 'RESOURCE_STAR',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'Write or permissions-management actions that can be scoped to resources are granted on every resource.',
  appliesTo: ['identity', 'resource'],
  check(ctx) {
    for (const s of ctx.facts.allows(ctx.policy)) {
      if (!s.resource || !mayReachAll(s) || ctx.facts.scoping(s).length > 0) continue;
      const byResource = new Map<
        number,
        { text: string; span: Span; node: StringNode; refs: Map<string, ActionRef> }
      >();
      // A statement whose first resource is `*` reaches every resource of every action through it: no lookups.
      const first = s.resource.values.find((v): v is StringNode => v.kind === 'string');
      const star = first && isStar(first.value) ? { text: first.value, span: first.span, node: first } : undefined;
      for (const entry of ctx.facts.entries(s)) {
        if (entry.all) continue; // FULL_ADMIN / SERVICE_WILDCARD report a bare "*".
        for (const ref of pickedActions(ctx.facts, entry, scopableWrite)) {
          const wide = star ?? wideResource(ctx.facts, ref, s);
          if (!wide) continue;
          const group = byResource.get(wide.span.start) ?? { ...wide, refs: new Map<string, ActionRef>() };
          group.refs.set(ref.fullName, ref);
          byResource.set(wide.span.start, group);
        }
      }
      for (const group of byResource.values()) {
        const refs = [...group.refs.values()];
        const names = refs.map((r) => r.fullName);
        // Offer to scope the resource when one resource type serves every action it opens up.
        // The templates every action accepts, in the first action's order; a `service:*` group empties it early.
        let shared: readonly string[] = ctx.facts.types(refs[0]!).map((t) => t.arn);
        for (let i = 1; i < refs.length && shared.length > 0; i++) {
          const types = ctx.facts.types(refs[i]!);
          shared = shared.filter((arn) => types.some((t) => t.arn === arn));
        }
        const template = [...shared].sort((a, b) => a.length - b.length)[0];
        const example = template ? concreteArnExample(template) : undefined;
        const hint = example
          ? `; scope it to ARNs such as ${example}`
          : '; split the statement and scope each part to its ARNs';
        const what = names.length === 1 ? `${names[0]}` : `${names.length} write actions (${listNames(names)})`;
        // Replacing the resource must not take it away from the statement's other actions.
        const servesAll =
          template !== undefined &&
          s.notAction === undefined &&
          ctx.facts.entries(s).every((e) => {
            const r = e.ref;
            return r !== undefined && ctx.facts.types(r).some((t) => t.arn === template);
          });
        const fixes =
          example && servesAll && !ctx.policy.synthetic && isStar(group.text)
            ? [{ title: `Scope Resource to ${example}`, edits: [replaceString(ctx.text, group.node, example)] }]
            : [];
        ctx.report({
          message: `Resource "${group.text}" lets ${what} reach every resource${hint}`,
          span: group.span,
          ...(fixes.length ? { fixes } : {}),
        });
      }
    }
  },
};
