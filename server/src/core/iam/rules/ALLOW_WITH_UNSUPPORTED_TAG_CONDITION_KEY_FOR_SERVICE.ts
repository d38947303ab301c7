// ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE (IAM Access Analyzer's code): an Allow statement conditions on
// a tag key (aws:ResourceTag/…, aws:RequestTag/…, aws:TagKeys) and also lists actions of a service none of whose
// listed actions supports that key. The key is then absent from those requests, the condition fails, and the
// statement grants them nothing: they belong in a statement without the tag condition.
import { type ActionRef, actionConditionKeyNames, parseOperator, splitAction } from '../catalog';
import type { CatalogMemo } from '../catalogMemo';
import { removeArrayItem } from '../fixes';
import type { IamRule } from '../rule';
import { listNames } from '../risk';
import type { ActionEntry } from '../risk';
import type { Fix } from '../../types';

const TAG_KEY = /^aws:(resourcetag\/.+|requesttag\/.+|tagkeys)$/i;

function supports(memo: CatalogMemo, r: ActionRef, key: string): boolean {
  return memo.supportsKey(r, () => actionConditionKeyNames(r), key);
}

export const ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE: IamRule = {
  id: 'ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'An Allow statement with a tag condition lists actions of a service that does not support the tag key.',
  check(ctx) {
    for (const s of ctx.facts.allows(ctx.policy)) {
      const keys = (s.condition?.entries ?? []).filter((e) => {
        if (!TAG_KEY.test(e.key)) return false;
        const op = parseOperator(e.operator);
        // Only these operators fail when the key is absent: not Null, IfExists, negated ones or ForAllValues.
        if (op.base === undefined || op.base === 'Null' || op.ifExists || op.qualifier === 'ForAllValues') return false;
        return !/Not/.test(op.base);
      });
      if (keys.length === 0) continue;
      // The statement's actions by service; wildcard services ("*", "s3*:…") are too broad to judge.
      const byService = new Map<string, { entries: ActionEntry[]; refs: ActionRef[] }>();
      for (const entry of ctx.facts.entries(s)) {
        const parts = splitAction(entry.text);
        if (!parts || /[*?]/.test(parts.service) || entry.text.includes('${')) continue;
        const refs = ctx.facts.expand(entry.text);
        if (refs.length === 0) continue;
        const group = byService.get(parts.service.toLowerCase()) ?? { entries: [], refs: [] };
        group.entries.push(entry);
        group.refs.push(...refs);
        byService.set(parts.service.toLowerCase(), group);
      }
      for (const e of keys) {
        const unsupported = [...byService].filter(([, g]) => !g.refs.some((r) => supports(ctx.facts.memo, r, e.key)));
        if (unsupported.length === 0) continue;
        const entries = unsupported.flatMap(([, g]) => g.entries);
        const services = unsupported.map(([p]) => p);
        const list = s.action?.node;
        const fixes: Fix[] = [];
        if (list?.kind === 'array' && entries.length === 1 && list.items.length > 1) {
          const edit = removeArrayItem(ctx.text, list, list.items.indexOf(entries[0]!.node));
          if (edit)
            fixes.push({ title: `Remove ${entries[0]!.text} (this statement grants it nothing)`, edits: [edit] });
        }
        ctx.report({
          message: `Condition key ${e.key} is not supported by the actions of ${listNames(services)} in this Allow statement, so it grants them nothing; move ${entries.length === 1 ? 'that action' : 'those actions'} to a statement without the condition`,
          span: e.keySpan,
          related: entries.map((x) => ({ span: x.span, message: `${x.text}: no ${e.key}` })),
          ...(fixes.length ? { fixes } : {}),
        });
      }
    }
  },
};
