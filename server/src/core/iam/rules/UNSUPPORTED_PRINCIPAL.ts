// UNSUPPORTED_PRINCIPAL: an identity policy applies to whoever holds it, so IAM rejects a Principal in it.
import { removeProperty } from '../fixes';
import type { IamRule } from '../rule';
import { statementProperty } from '../validity';

export const UNSUPPORTED_PRINCIPAL: IamRule = {
  id: 'UNSUPPORTED_PRINCIPAL',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'An identity policy statement has a Principal or NotPrincipal element.',
  appliesTo: ['identity'],
  check(ctx) {
    for (const s of ctx.policy.statements) {
      for (const name of ['Principal', 'NotPrincipal']) {
        const prop = statementProperty(s, name);
        if (!prop) continue;
        const edit = removeProperty(ctx.text, s.node, prop);
        ctx.report({
          message: `${prop.key} is not allowed in an identity policy (${ctx.policy.origin}): remove it`,
          span: prop.keySpan,
          ...(edit ? { fixes: [{ title: `Remove ${prop.key}`, edits: [edit], preferred: true }] } : {}),
        });
      }
    }
  },
};
