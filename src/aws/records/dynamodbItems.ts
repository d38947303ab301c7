// Plain records of the DynamoDB items view: table schemas and items as JSON with type hints. The webview protocol
// (src/webviews/protocol/items.ts) shares them, so this file imports nothing: no SDK, no Node, no editor.

export type KeyType = 'S' | 'N' | 'B';
export interface KeyAttr {
  readonly name: string;
  readonly type: KeyType;
}
export interface IndexInfo {
  readonly name: string;
  readonly kind: 'GSI' | 'LSI';
  readonly partitionKey: KeyAttr;
  readonly sortKey?: KeyAttr;
}
export interface TableSchema {
  readonly table: string;
  readonly partitionKey: KeyAttr;
  readonly sortKey?: KeyAttr;
  readonly indexes: readonly IndexInfo[];
  readonly itemCount?: number;
  readonly billingMode?: string;
}

/**
 * How a top-level attribute that plain JSON cannot express was stored, so an edit writes it back the same way:
 * sets (shown as arrays), binary (shown as base64) and numbers too large for a JavaScript number (shown as strings).
 */
export type TypeHint = 'SS' | 'NS' | 'BS' | 'B' | 'N';
export const TYPE_HINTS = ['SS', 'NS', 'BS', 'B', 'N'] as const;

export interface ViewItem {
  readonly item: Record<string, unknown>;
  readonly hints?: Readonly<Record<string, TypeHint>>;
}

export const SORT_OPS = ['=', '<', '<=', '>', '>=', 'between', 'begins_with'] as const;
export type SortOp = (typeof SORT_OPS)[number];
