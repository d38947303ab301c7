// PUBLIC_PRINCIPAL: an Allow statement of a trust or resource policy names everyone ("*", {"AWS": "*"},
// arn:aws:iam::*:root) as its principal, and no condition narrows who that is.
import { addConditionEdit } from '../fixes';
import type { PrincipalEntry } from '../model';
import type { IamRule } from '../rule';
import { isStar, listNames, literal, principalConditions } from '../risk';
import type { Span } from '../../types';

/** An ARN or account pattern whose account part is a wildcard matches principals of every account. */
function everyone(entry: PrincipalEntry, value: string): boolean {
  if (isStar(value)) return true;
  if (entry.type !== 'AWS') return false;
  const account = value.split(':')[4];
  return value.startsWith('arn:') && account !== undefined && /^[*?]+$/.test(account);
}

export const PUBLIC_PRINCIPAL: IamRule = {
  id: 'PUBLIC_PRINCIPAL',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'Anyone (Principal "*") can assume the role or reach the resource, and no condition narrows who.',
  appliesTo: ['trust', 'resource'],
  check(ctx) {
    const trust = ctx.policy.kind === 'trust';
    for (const s of ctx.facts.allows(ctx.policy)) {
      if (!s.principal || principalConditions(s).length > 0) continue;
      let hit: { text: string; span: Span } | undefined;
      for (const entry of s.principal.entries) {
        if (entry.type === '*') {
          hit = { text: '*', span: entry.values[0]?.span ?? entry.typeSpan };
          break;
        }
        const v = entry.values.find((x) => everyone(entry, literal(x) ?? ''));
        if (v) {
          hit = { text: literal(v) ?? '*', span: v.span };
          break;
        }
      }
      if (!hit) continue;
      const actions = ctx.facts.entries(s).map((e) => e.text);
      const what = trust
        ? 'lets anyone in any AWS account assume this role'
        : `lets anyone reach this resource${actions.length ? ` with ${listNames(actions)}` : ''}`;
      ctx.report({
        message: `Principal "${hit.text}" ${what}; name the principals or add a condition such as aws:PrincipalOrgID or aws:SourceArn`,
        span: hit.span,
        ...(trust ? { severity: 'error' as const } : {}),
        ...(ctx.policy.synthetic
          ? {}
          : {
              fixes: [
                {
                  title: 'Add condition aws:PrincipalOrgID = o-EXAMPLE (only principals of your organisation)',
                  edits: [addConditionEdit(ctx.text, s, 'StringEquals', 'aws:PrincipalOrgID', 'o-EXAMPLE')],
                },
                ...(trust
                  ? []
                  : [
                      {
                        title: 'Add condition aws:SourceAccount = 123456789012 (only requests from your account)',
                        edits: [addConditionEdit(ctx.text, s, 'StringEquals', 'aws:SourceAccount', '123456789012')],
                      },
                    ]),
              ],
            }),
      });
    }
  },
};
