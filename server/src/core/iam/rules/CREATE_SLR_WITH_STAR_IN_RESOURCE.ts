// CREATE_SLR_WITH_STAR_IN_RESOURCE (IAM Access Analyzer's code): iam:CreateServiceLinkedRole on every role without an
// iam:AWSServiceName condition naming the services it is for.
import { addConditionEdit } from '../fixes';
import type { IamRule } from '../rule';
import { unscopedServiceLinkedRoleGrants } from '../risk';

export const CREATE_SLR_WITH_STAR_IN_RESOURCE: IamRule = {
  id: 'CREATE_SLR_WITH_STAR_IN_RESOURCE',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'iam:CreateServiceLinkedRole is granted on every role without an iam:AWSServiceName condition.',
  appliesTo: ['identity'],
  check(ctx) {
    for (const { statement: s, resource } of unscopedServiceLinkedRoleGrants(ctx.facts, ctx.policy)) {
      for (const entry of ctx.facts.entries(s)) {
        if (entry.text.toLowerCase() !== 'iam:createservicelinkedrole') continue;
        ctx.report({
          message: `iam:CreateServiceLinkedRole on "${resource.text}" lets the holder create the service-linked role of any service; add an iam:AWSServiceName condition`,
          span: entry.span,
          related: [{ span: resource.span, message: 'every role' }],
          ...(ctx.policy.synthetic
            ? {}
            : {
                fixes: [
                  {
                    title: 'Add condition iam:AWSServiceName = SERVICE.amazonaws.com',
                    edits: [
                      addConditionEdit(ctx.text, s, 'StringEquals', 'iam:AWSServiceName', 'SERVICE.amazonaws.com'),
                    ],
                    preferred: true,
                  },
                ],
              }),
        });
      }
    }
  },
};
