// DATA_EXFILTRATION: actions that read stored data (objects, parameters, secrets, table items, plaintext keys) granted
// on every resource, so the holder can copy out everything of that kind in the account.
import type { IamRule } from '../rule';
import { actionList, listNames, listedGrants } from '../risk';

/** Reads that hand data itself (not metadata) to the caller, and what they read. */
export const EXFILTRATION_ACTIONS: ReadonlyMap<string, string> = new Map([
  ['s3:GetObject', 'every object in every bucket'],
  ['s3:GetObjectVersion', 'every version of every object'],
  ['ssm:GetParameter', 'every SSM parameter, SecureStrings included'],
  ['ssm:GetParameters', 'every SSM parameter, SecureStrings included'],
  ['ssm:GetParametersByPath', 'every SSM parameter tree, SecureStrings included'],
  ['ssm:GetParameterHistory', 'every past value of every SSM parameter'],
  ['secretsmanager:GetSecretValue', 'every secret'],
  ['secretsmanager:BatchGetSecretValue', 'every secret'],
  ['kms:Decrypt', 'whatever any KMS key encrypted'],
  ['dynamodb:Scan', 'every item of every table'],
  ['dynamodb:ExportTableToPointInTime', 'every table, exported to S3'],
  ['rds:CreateDBSnapshot', 'every database, through a snapshot it can share'],
  ['rds:CopyDBSnapshot', 'every database snapshot'],
]);

const LIST = actionList([...EXFILTRATION_ACTIONS.keys()]);

export const DATA_EXFILTRATION: IamRule = {
  id: 'DATA_EXFILTRATION',
  domain: 'iam',
  defaultSeverity: 'warning',
  title: 'Actions that read stored data (objects, parameters, secrets, items) are granted on every resource.',
  appliesTo: ['identity', 'resource'],
  check(ctx) {
    for (const g of listedGrants(ctx.facts, ctx.policy, LIST)) {
      const first = g.names[0] ?? '';
      const what = EXFILTRATION_ACTIONS.get(first) ?? 'stored data';
      const lead =
        g.names.length === 1 && g.text.toLowerCase() === first.toLowerCase()
          ? `${first} on every resource lets`
          : `${g.text} grants ${listNames(g.names)} on every resource, which lets`;
      ctx.report({
        message: `${lead} the holder read ${what}; scope Resource to the data it needs`,
        span: g.span,
      });
    }
  },
};
