// MISSING_ACTION: a statement without Action or NotAction grants or denies nothing and IAM rejects it.
import type { IamRule } from '../rule';
import { statementAnchor } from '../validity';

export const MISSING_ACTION: IamRule = {
  id: 'MISSING_ACTION',
  domain: 'iam',
  defaultSeverity: 'error',
  title: 'A statement has neither Action nor NotAction.',
  check(ctx) {
    for (const s of ctx.policy.statements) {
      if (s.action || s.notAction) continue;
      ctx.report({ message: `Statement ${s.index + 1} has no Action or NotAction`, span: statementAnchor(s) });
    }
  },
};
