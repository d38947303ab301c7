// The DynamoDB table model every input format is extracted into: CreateTable / describe-table JSON,
// CloudFormation and SAM (YAML or JSON), Terraform `aws_dynamodb_table` and NoSQL Workbench models.
// Every element keeps the source span it came from, so rules can point at it and fixes can edit it.
import type { Format, Node } from '../syntax/tree';
import type { Span } from '../types';

export type TableSource =
  'create-table' | 'describe-table' | 'cloudformation' | 'cloudformation-global' | 'sam' | 'terraform' | 'workbench';

/** One element of a key schema (`{AttributeName, KeyType}`, a Terraform `hash_key`, a Workbench `PartitionKey`). */
export interface KeyElement {
  readonly attribute: string;
  /** 'HASH' or 'RANGE' when valid; anything else is kept as written (DDB_KEY_SCHEMA_INVALID reports it). */
  readonly keyType: string;
  /** The whole element. */
  readonly span: Span;
  /** The attribute name's characters. */
  readonly nameSpan: Span;
  /** False when the attribute name is computed (a `!Ref`, a Terraform variable): rules then leave it alone. */
  readonly literal: boolean;
}

export interface AttributeDef {
  readonly name: string;
  /** 'S' | 'N' | 'B' when valid; kept as written otherwise. */
  readonly type: string;
  readonly span: Span;
  readonly nameSpan: Span;
  readonly typeSpan: Span;
}

/** Provisioned capacity as written. Absent numbers are unknown (not written, or computed). */
export interface Capacity {
  readonly read?: number;
  readonly write?: number;
  readonly span: Span;
  readonly readSpan?: Span;
  readonly writeSpan?: Span;
}

export interface IndexDef {
  readonly kind: 'GSI' | 'LSI';
  readonly name: string;
  readonly span: Span;
  readonly nameSpan: Span;
  readonly keys: readonly KeyElement[];
  /** The key schema as a whole (or the index when the format spreads it over several properties). */
  readonly keysSpan: Span;
  /** The node holding the index's properties. */
  readonly node: Node;
  /** The key schema node (JSON/YAML list), when there is one. */
  readonly keysNode?: Node;
  readonly throughput?: Capacity;
  readonly projectionType?: string;
}

export interface TableDef {
  readonly source: TableSource;
  readonly format: Format;
  /** Table name, or the logical id / resource name when the name is not a literal. */
  readonly name: string;
  readonly nameSpan: Span;
  /** The whole definition (resource, CreateTable document, Workbench model entry). */
  readonly span: Span;
  /** The node holding the table's properties (CloudFormation `Properties`, the Terraform block body, …). */
  readonly node: Node;
  readonly keys: readonly KeyElement[];
  readonly keysSpan: Span;
  readonly keysNode?: Node;
  /** Undefined when the format declares types with the keys (SAM, Workbench) or the list is computed. */
  readonly attributes?: readonly AttributeDef[];
  readonly attributesSpan?: Span;
  readonly attributesNode?: Node;
  /** Types of the key attributes whichever way the format declares them. */
  readonly attributeTypes: ReadonlyMap<string, AttributeDef>;
  /** 'PROVISIONED' | 'PAY_PER_REQUEST' as written (upper-cased); undefined = the format's default applies. */
  readonly billingMode?: string;
  readonly billingModeSpan?: Span;
  /** False when the billing mode is computed (`!If`, a variable): the billing rules stay quiet. */
  readonly billingModeKnown: boolean;
  /** The mode that applies once defaults are resolved (undefined when computed). */
  readonly effectiveBillingMode?: 'PROVISIONED' | 'PAY_PER_REQUEST';
  readonly throughput?: Capacity;
  readonly gsis: readonly IndexDef[];
  readonly lsis: readonly IndexDef[];
  readonly gsisSpan?: Span;
  readonly lsisSpan?: Span;
  /** Items embedded in the definition (NoSQL Workbench `TableData`), as plain values. */
  readonly embeddedItems?: readonly Readonly<Record<string, unknown>>[];
  /**
   * Parts written as computed values (a CloudFormation `!If`, `!Ref`, …): 'KeySchema', 'AttributeDefinitions',
   * 'GlobalSecondaryIndexes', 'LocalSecondaryIndexes'. Rules that need the whole of such a part stay quiet.
   */
  readonly computed: ReadonlySet<string>;
  /** describe-table statistics, when present. */
  readonly itemCount?: number;
  readonly tableSizeBytes?: number;
}

export const PARTITION_WCU = 1000;
export const PARTITION_RCU = 3000;
export const MAX_ITEM_BYTES = 400 * 1024;
export const LSI_COLLECTION_BYTES = 10 * 1024 * 1024 * 1024;
export const MAX_LSI = 5;
export const DEFAULT_MAX_GSI = 20;

export function hashKeys(keys: readonly KeyElement[]): readonly KeyElement[] {
  return keys.filter((k) => k.keyType === 'HASH');
}
export function rangeKeys(keys: readonly KeyElement[]): readonly KeyElement[] {
  return keys.filter((k) => k.keyType === 'RANGE');
}
/** The (first) partition key attribute of a key schema. */
export function partitionKey(keys: readonly KeyElement[]): KeyElement | undefined {
  return keys.find((k) => k.keyType === 'HASH');
}
export function sortKey(keys: readonly KeyElement[]): KeyElement | undefined {
  return keys.find((k) => k.keyType === 'RANGE');
}
