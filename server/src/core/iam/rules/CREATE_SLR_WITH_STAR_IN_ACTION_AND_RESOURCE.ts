// CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE (IAM Access Analyzer's code): a wildcard action (`*`, `iam:*`,
// `iam:Create*`) on every role includes iam:CreateServiceLinkedRole, so the holder can create the service-linked role
// of any service. The explicit action on `*` is CREATE_SLR_WITH_STAR_IN_RESOURCE's.
import type { IamRule } from '../rule';
import { actionList, matchListed, unscopedServiceLinkedRoleGrants } from '../risk';

/** iam:CreateServiceLinkedRole as a list, so patterns naming another service are refused without a regex. */
const SLR = actionList(['iam:CreateServiceLinkedRole']);

export const CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE: IamRule = {
  id: 'CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'A wildcard action on every role includes iam:CreateServiceLinkedRole.',
  appliesTo: ['identity'],
  check(ctx) {
    for (const { statement: s, resource } of unscopedServiceLinkedRoleGrants(ctx.facts, ctx.policy)) {
      for (const entry of ctx.facts.entries(s)) {
        if (!entry.wildcard) continue;
        if (entry.text !== '*' && matchListed(SLR, entry.text, ctx.facts.memo).length === 0) continue;
        ctx.report({
          message: `Action "${entry.text}" on "${resource.text}" includes iam:CreateServiceLinkedRole: the holder can create the service-linked role of any service; grant it on its own with an iam:AWSServiceName condition`,
          span: entry.span,
          related: [{ span: resource.span, message: 'every role' }],
        });
      }
    }
  },
};
