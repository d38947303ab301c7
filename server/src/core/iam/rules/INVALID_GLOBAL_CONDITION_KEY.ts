// INVALID_GLOBAL_CONDITION_KEY: an aws: condition key IAM does not know; the condition can never match.
import { suggest } from '../catalog';
import type { IamRule } from '../rule';
import type { Fix } from '../../types';

export const INVALID_GLOBAL_CONDITION_KEY: IamRule = {
  id: 'INVALID_GLOBAL_CONDITION_KEY',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'A global (aws:) condition key does not exist.',
  check(ctx) {
    const { data, text } = ctx;
    for (const s of ctx.policy.statements) {
      for (const e of s.condition?.entries ?? []) {
        if (!e.key.toLowerCase().startsWith('aws:') || ctx.facts.memo.globalConditionKey(e.key)) continue;
        const names = [...data.globalConditionKeys.values()].map((k) =>
          k.name.replace(/\/\$\{TagKey\}$|\/tag-key$/, '/'),
        );
        const slash = e.key.indexOf('/');
        const typed = slash > 0 ? e.key.slice(0, slash + 1) : e.key;
        const close = suggest(typed, names).map((n) => (n.endsWith('/') && slash > 0 ? n + e.key.slice(slash + 1) : n));
        const hint = close[0] ? `; did you mean ${close[0]}?` : '';
        ctx.report({
          message: `Condition key ${e.key} is not a global condition key${hint}`,
          span: e.keySpan,
          fixes: close.map((c, i): Fix => keyFix(text, e.keySpan, c, i === 0)),
        });
      }
    }
  },
};

function keyFix(text: string, span: { start: number; end: number }, to: string, preferred: boolean): Fix {
  const raw = text.slice(span.start, span.end);
  const q = raw[0] === '"' || raw[0] === "'" ? raw[0] : '';
  return {
    title: `Change key to ${to}`,
    edits: [{ span, newText: `${q}${to}${q}` }],
    ...(preferred ? { preferred } : {}),
  };
}
