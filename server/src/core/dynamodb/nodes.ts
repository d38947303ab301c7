// Small, total accessors over the format-neutral syntax tree used by the DynamoDB extractors.
import { type Node, type ObjectNode, type Property } from '../syntax/tree';
import type { Span } from '../types';

export function isObject(node: Node | undefined): node is ObjectNode {
  return node?.kind === 'object';
}

/** Every property with this key (HCL repeats blocks; JSON may repeat keys by mistake). */
export function props(node: Node | undefined, key: string): readonly Property[] {
  return node?.kind === 'object' ? node.properties.filter((p) => p.key === key) : [];
}

/** The property with this key, matched case-insensitively (NoSQL Workbench and hand-written evidence vary). */
export function propCI(node: Node | undefined, ...keys: string[]): Property | undefined {
  if (node?.kind !== 'object') return undefined;
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  return node.properties.find((p) => wanted.has(p.key.toLowerCase()));
}

/**
 * The values of a repeated block or a list: HCL `attribute { … }` written several times, a list of objects,
 * or a single object all come out as a flat list.
 */
export function blocks(node: Node | undefined, key: string): readonly Node[] {
  const out: Node[] = [];
  for (const p of props(node, key)) {
    if (p.value.kind === 'array') out.push(...p.value.items);
    else out.push(p.value);
  }
  return out;
}

export function listItems(node: Node | undefined): readonly Node[] {
  return node?.kind === 'array' ? node.items : [];
}

/** A string or number literal as text. */
export function text(node: Node | undefined): string | undefined {
  if (node?.kind === 'string') return node.value;
  if (node?.kind === 'number') return String(node.value);
  return undefined;
}

/** A number literal, or a string holding a number (YAML and HCL users quote numbers). */
export function num(node: Node | undefined): number | undefined {
  if (node?.kind === 'number') return Number.isFinite(node.value) ? node.value : undefined;
  if (node?.kind === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(node.value)) return Number(node.value);
  return undefined;
}

/** The span of a value's characters (inside the quotes for strings). */
export function valueSpan(node: Node): Span {
  return node.kind === 'string' ? node.valueSpan : node.span;
}

/** Plain JavaScript value of a literal subtree; computed parts become undefined. Bounded by depth. */
export function plain(node: Node | undefined, depth = 0): unknown {
  if (!node || depth > 64) return undefined;
  switch (node.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return node.value;
    case 'null':
      return null;
    case 'array':
      return node.items.map((i) => plain(i, depth + 1));
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const p of node.properties) o[p.key] = plain(p.value, depth + 1);
      return o;
    }
    default:
      return undefined;
  }
}
