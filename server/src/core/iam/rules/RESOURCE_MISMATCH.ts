// RESOURCE_MISMATCH: an action whose resource types none of the statement's resources fit is silently not granted
// (or not denied): s3:GetObject on a bucket ARN, s3:ListBucket on `bucket/*`, a '*'-only action on an ARN.
import { concreteArnExample, hasWildcard, preferredResourceType } from '../catalog';
import { replaceWithMany } from '../fixes';
import type { IamRule } from '../rule';
import { literals, variablesAsWildcards } from '../validity';
import type { Fix } from '../../types';
import type { Statement } from '../model';

function addResourceFix(text: string, s: Statement, arn: string): Fix | undefined {
  const list = s.resource;
  if (!list) return undefined;
  const node = list.node;
  const last = node.kind === 'array' ? node.items[node.items.length - 1] : node;
  if (last?.kind !== 'string') return undefined;
  return {
    title: `Add resource ${arn}`,
    edits: [replaceWithMany(text, node, last, [last.value, arn])],
    preferred: true,
  };
}

export const RESOURCE_MISMATCH: IamRule = {
  id: 'RESOURCE_MISMATCH',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'No resource of a statement fits any resource type of one of its actions, so the action never applies.',
  check(ctx) {
    const { facts, text } = ctx;
    for (const s of ctx.policy.statements) {
      if (!s.resource) continue;
      const resources = literals(s.resource);
      if (resources.length === 0 || resources.length !== s.resource.values.length) continue; // unknown parts
      if (resources.some((r) => r.value === '*')) continue;
      const patterns = resources.map((r) => variablesAsWildcards(r.value));
      for (const v of literals(s.action)) {
        if (hasWildcard(v.value)) continue;
        const r = facts.action(v.value);
        if (!r) continue;
        const types = facts.types(r);
        if (types.length === 0) {
          ctx.report({
            message: `${r.fullName} supports only Resource "*", so the listed resources never match it`,
            span: v.span,
          });
          continue;
        }
        if (patterns.some((p) => types.some((t) => facts.matches(p, t.arn)))) continue;
        const best = preferredResourceType(r);
        const names = types.map((t) => t.name).join(', ');
        ctx.report({
          message: `${r.fullName} applies to ${names}${best ? ` (${best.arn})` : ''}; none of the statement's resources is one`,
          span: v.span,
          fixes: () => {
            const example = best ? concreteArnExample(best.arn) : undefined;
            const fix = example ? addResourceFix(text, s, example) : undefined;
            return fix ? [fix] : [];
          },
        });
      }
    }
  },
};
