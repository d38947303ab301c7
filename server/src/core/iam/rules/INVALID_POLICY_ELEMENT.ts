// INVALID_POLICY_ELEMENT: IAM rejects unknown element names (and names in the wrong case) in a policy or statement.
import { suggest } from '../catalog';
import { POLICY_ELEMENTS, STATEMENT_ELEMENTS } from '../model';
import type { IamRule } from '../rule';
import type { Property } from '../../syntax/tree';
import type { Fix } from '../../types';

/** CloudFormation intrinsics written as keys (`Fn::If`) are not elements. */
function isIntrinsicKey(key: string): boolean {
  return key.startsWith('Fn::') || key === 'Ref' || key === 'Condition::';
}

function renameFix(text: string, p: Property, to: string): Fix {
  const raw = text.slice(p.keySpan.start, p.keySpan.end);
  const q = raw[0] === '"' || raw[0] === "'" ? raw[0] : '';
  return { title: `Rename ${p.key} to ${to}`, edits: [{ span: p.keySpan, newText: `${q}${to}${q}` }], preferred: true };
}

export const INVALID_POLICY_ELEMENT: IamRule = {
  id: 'INVALID_POLICY_ELEMENT',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'A policy or statement element name is not one IAM knows (names are case-sensitive).',
  check(ctx) {
    const { policy, text } = ctx;
    if (policy.synthetic || policy.node.kind !== 'object') return;
    const check = (props: readonly Property[], allowed: readonly string[], where: string): void => {
      for (const p of props) {
        if (allowed.includes(p.key) || isIntrinsicKey(p.key)) continue;
        const sameCase = allowed.find((a) => a.toLowerCase() === p.key.toLowerCase());
        const close = sameCase ? [sameCase] : suggest(p.key, allowed, 1);
        const hint = close[0] ? `; did you mean ${close[0]}?` : '';
        ctx.report({
          message: `${p.key} is not a valid ${where} element${hint}`,
          span: p.keySpan,
          ...(close[0] ? { fixes: [renameFix(text, p, close[0])] } : {}),
        });
      }
    };
    check(policy.node.properties, POLICY_ELEMENTS, 'policy');
    for (const s of policy.statements) check(s.node.properties, STATEMENT_ELEMENTS, 'statement');
  },
};
