// STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS: ARN keys (aws:SourceArn, aws:PrincipalArn, …) should be compared
// with Arn operators, which match field by field; string matching lets a `*` run across ARN fields.
import { familyForKeyType, parseOperator } from '../catalog';
import { replaceKey } from '../fixes';
import type { IamRule } from '../rule';

const TO_ARN: Readonly<Record<string, string>> = {
  StringLike: 'ArnLike',
  StringNotLike: 'ArnNotLike',
  StringEquals: 'ArnEquals',
  StringNotEquals: 'ArnNotEquals',
};

export const STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS: IamRule = {
  id: 'STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'A String operator compares an ARN condition key; use the matching Arn operator.',
  check(ctx) {
    const { text } = ctx;
    for (const s of ctx.policy.statements) {
      const entries = s.condition?.entries ?? [];
      for (const e of entries) {
        const op = parseOperator(e.operator);
        const arnBase = op.base ? TO_ARN[op.base] : undefined;
        if (!arnBase) continue;
        const info = ctx.facts.conditionKey(e.key);
        if (!info || familyForKeyType(info.type) !== 'Arn') continue;
        const renamed = `${op.qualifier ? `${op.qualifier}:` : ''}${arnBase}${op.ifExists ? 'IfExists' : ''}`;
        // Renaming the operator moves every key of its block: only when they are all ARN keys, and no such block exists.
        const block = entries.filter((x) => x.operatorSpan.start === e.operatorSpan.start);
        const allArn = block.every((x) => {
          const k = ctx.facts.conditionKey(x.key);
          return k !== undefined && familyForKeyType(k.type) === 'Arn';
        });
        const clash = entries.some((x) => x.operator === renamed);
        ctx.report({
          message: `Use ${renamed} instead of ${e.operator} for the ARN condition key ${e.key}`,
          span: e.operatorSpan,
          fixes:
            allArn && !clash
              ? [
                  {
                    title: `Change ${e.operator} to ${renamed}`,
                    edits: [replaceKey(text, e.operatorSpan, renamed)],
                    preferred: true,
                  },
                ]
              : [],
        });
      }
    }
  },
};
