// INVALID_SERVICE_CONDITION_KEY: a service condition key (s3:prefix, iam:PassedToService, …) that the service does
// not define; the condition can never match. Keys of identity providers (accounts.google.com:sub, saml:aud,
// token.actions.githubusercontent.com:sub) are not service keys and are left alone.
import { findRetiredService, findService, suggest } from '../catalog';
import { retiredReason } from '../data';
import type { IamRule } from '../rule';
import type { Fix } from '../../types';

const PROVIDER_PREFIXES = new Set(['saml', 'www.amazon.com', 'graph.facebook.com', 'accounts.google.com']);

export const INVALID_SERVICE_CONDITION_KEY: IamRule = {
  id: 'INVALID_SERVICE_CONDITION_KEY',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'A service condition key does not exist in its service.',
  check(ctx) {
    const { data, text } = ctx;
    for (const s of ctx.policy.statements) {
      for (const e of s.condition?.entries ?? []) {
        const colon = e.key.indexOf(':');
        if (colon <= 0 || e.key.includes('${')) continue;
        const prefix = e.key.slice(0, colon).toLowerCase();
        if (prefix === 'aws' || prefix.includes('.') || PROVIDER_PREFIXES.has(prefix)) continue;
        if (ctx.facts.conditionKey(e.key)) continue;
        const service = findService(data, prefix);
        const retired = service ? undefined : findRetiredService(data, prefix);
        if (retired) {
          ctx.report({
            message: `Condition key ${e.key} names service ${prefix}, which no longer exists (${retiredReason(retired)})`,
            span: e.keySpan,
            severity: 'warning',
          });
          continue;
        }
        if (!service) {
          ctx.report({
            message: `Condition key ${e.key} names service ${prefix}, which does not exist`,
            span: e.keySpan,
          });
          continue;
        }
        const close = suggest(
          e.key,
          [...service.conditionKeys.values()].map((k) => k.name).filter((n) => !n.includes('${')),
        );
        const hint = close[0] ? `; did you mean ${close[0]}?` : '';
        ctx.report({
          message: `Condition key ${e.key} does not exist in ${service.prefix}${hint}`,
          span: e.keySpan,
          fixes: close.map((c, i): Fix => {
            const raw = text.slice(e.keySpan.start, e.keySpan.end);
            const q = raw[0] === '"' || raw[0] === "'" ? raw[0] : '';
            return {
              title: `Change key to ${c}`,
              edits: [{ span: e.keySpan, newText: `${q}${c}${q}` }],
              ...(i === 0 ? { preferred: true } : {}),
            };
          }),
        });
      }
    }
  },
};
