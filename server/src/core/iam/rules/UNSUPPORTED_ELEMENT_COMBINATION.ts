// UNSUPPORTED_ELEMENT_COMBINATION: an element and its Not- form exclude each other in one statement.
import type { IamRule } from '../rule';
import { statementProperty } from '../validity';

const PAIRS: readonly [string, string][] = [
  ['Action', 'NotAction'],
  ['Resource', 'NotResource'],
  ['Principal', 'NotPrincipal'],
];

export const UNSUPPORTED_ELEMENT_COMBINATION: IamRule = {
  id: 'UNSUPPORTED_ELEMENT_COMBINATION',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'A statement uses both an element and its Not- form (Action and NotAction, …).',
  check(ctx) {
    for (const s of ctx.policy.statements) {
      for (const [a, b] of PAIRS) {
        const pa = statementProperty(s, a);
        const pb = statementProperty(s, b);
        if (!pa || !pb) continue;
        const later = pa.span.start > pb.span.start ? pa : pb;
        const earlier = later === pa ? pb : pa;
        ctx.report({
          message: `${a} and ${b} cannot be used in the same statement: remove one`,
          span: later.keySpan,
          related: [{ span: earlier.keySpan, message: earlier.key }],
        });
      }
    }
  },
};
