// INVALID_SERVICE_CONDITION_KEY: a service condition key (s3:prefix, iam:PassedToService, …) that its service does
// not define; the condition can never match. A key whose prefix names no service at all is INVALID_SERVICE's.
import { findService, suggest } from '../catalog';
import type { IamRule } from '../rule';
import { serviceKeyPrefix } from '../validity';
import type { Fix } from '../../types';

export const INVALID_SERVICE_CONDITION_KEY: IamRule = {
  id: 'INVALID_SERVICE_CONDITION_KEY',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'A service condition key does not exist in its service.',
  check(ctx) {
    const { data, text } = ctx;
    for (const s of ctx.policy.statements) {
      for (const e of s.condition?.entries ?? []) {
        const prefix = serviceKeyPrefix(e.key);
        if (prefix === undefined || ctx.facts.conditionKey(e.key)) continue;
        const service = findService(data, prefix);
        if (!service) continue; // INVALID_SERVICE
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
