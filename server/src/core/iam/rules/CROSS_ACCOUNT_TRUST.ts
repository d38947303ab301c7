// CROSS_ACCOUNT_TRUST: a role's trust policy lets principals of another AWS account assume it. Accounts named in ARNs
// elsewhere in the same document count as this role's own; sts:ExternalId or organisation conditions soften it.
import { addConditionEdit } from '../fixes';
import type { IamRule } from '../rule';
import { literal, restricts } from '../risk';
import type { Span } from '../../types';

const TRUST_NARROWING =
  /^(sts:ExternalId|aws:PrincipalOrgID|aws:PrincipalOrgPaths|aws:PrincipalArn|aws:SourceIdentity|aws:PrincipalAccount)$/i;

/** The account a literal AWS principal belongs to ('123456789012' or an ARN in it). */
function accountOf(value: string): string | undefined {
  if (/^\d{12}$/.test(value)) return value;
  const account = value.startsWith('arn:') ? value.split(':')[4] : undefined;
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

/** Accounts that ARNs of the document mention outside the given spans (the document's own accounts). */
function homeAccounts(text: string, skip: readonly Span[]): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:(\d{12}):/g)) {
    const at = m.index ?? 0;
    if (skip.some((s) => at >= s.start && at < s.end)) continue;
    if (m[1]) out.add(m[1]);
  }
  return out;
}

export const CROSS_ACCOUNT_TRUST: IamRule = {
  id: 'CROSS_ACCOUNT_TRUST',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'A role trusts principals of another AWS account, without sts:ExternalId or organisation conditions.',
  appliesTo: ['trust'],
  check(ctx) {
    const principalSpans = ctx.policy.statements.flatMap((s) => (s.principal ? [s.principal.node.span] : []));
    let home: Set<string> | undefined;
    for (const s of ctx.facts.allows(ctx.policy)) {
      if (!s.principal) continue;
      const narrowing = (s.condition?.entries ?? []).find((e) => TRUST_NARROWING.test(e.key) && restricts(e));
      for (const entry of s.principal.entries) {
        if (entry.type !== 'AWS') continue;
        for (const v of entry.values) {
          const text = literal(v);
          const account = text === undefined ? undefined : accountOf(text);
          if (!account) continue;
          home ??= homeAccounts(ctx.text, principalSpans);
          if (home.has(account)) continue;
          ctx.report({
            message: narrowing
              ? `The role trusts AWS account ${account} (${text}), narrowed by the condition on ${narrowing.key}`
              : `The role trusts AWS account ${account} (${text}) with no sts:ExternalId or aws:PrincipalOrgID condition; anyone that account allows can assume it`,
            span: v.span,
            ...(narrowing ? { severity: 'info' as const } : {}),
            ...(narrowing || ctx.policy.synthetic
              ? {}
              : {
                  fixes: [
                    {
                      title: 'Add condition sts:ExternalId = EXTERNAL_ID (the id the other account was given)',
                      edits: [addConditionEdit(ctx.text, s, 'StringEquals', 'sts:ExternalId', 'EXTERNAL_ID')],
                    },
                  ],
                }),
          });
        }
      }
    }
  },
};
