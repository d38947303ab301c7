// INVALID_SERVICE (IAM Access Analyzer's code): a condition key's prefix names no AWS service (`s3x:prefix`,
// `dynamo:LeadingKeys`), so the key is never in the request and the condition never matches. Unknown prefixes of
// actions have their own code, INVALID_SERVICE_IN_ACTION. A retired service is a warning that says so.
import { findRetiredService, findService, suggestServices } from '../catalog';
import { retiredReason } from '../data';
import { replaceKey } from '../fixes';
import type { IamRule } from '../rule';
import { serviceKeyPrefix } from '../validity';
import type { Fix } from '../../types';

export const INVALID_SERVICE: IamRule = {
  id: 'INVALID_SERVICE',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'A condition key names a service prefix that does not exist.',
  check(ctx) {
    const { data, text } = ctx;
    for (const s of ctx.policy.statements) {
      for (const e of s.condition?.entries ?? []) {
        const prefix = serviceKeyPrefix(e.key);
        if (prefix === undefined || findService(data, prefix) || ctx.facts.conditionKey(e.key)) continue;
        const retired = findRetiredService(data, prefix);
        if (retired) {
          ctx.report({
            message: `Condition key ${e.key} names service ${prefix}, which no longer exists (${retiredReason(retired)})`,
            span: e.keySpan,
            severity: 'warning',
          });
          continue;
        }
        const rest = e.key.slice(prefix.length);
        const close = suggestServices(data, prefix);
        const hint = close[0] ? `; did you mean ${close[0]}${rest}?` : '';
        ctx.report({
          message: `Condition key ${e.key} names service ${prefix}, which does not exist${hint}`,
          span: e.keySpan,
          fixes: close.map((p, i): Fix => ({
            title: `Change key to ${p}${rest}`,
            edits: [replaceKey(text, e.keySpan, `${p}${rest}`)],
            ...(i === 0 ? { preferred: true } : {}),
          })),
        });
      }
    }
  },
};
