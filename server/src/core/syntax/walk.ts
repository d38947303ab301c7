// Generic traversal helpers over the format-neutral tree (shared by extractors, hover and completion).
import type { Node, Property } from './tree';
import type { Span } from '../types';

/** Children of a node in source order (a dynamic node's argument counts as its child). */
export function children(node: Node): readonly Node[] {
  switch (node.kind) {
    case 'object':
      return node.properties.map((p) => p.value);
    case 'array':
      return node.items;
    case 'dynamic':
      return node.argument ? [node.argument] : [];
    default:
      return [];
  }
}

/** Visits every node depth-first, parents before children; return false from visit to skip a subtree. */
export function walk(node: Node, visit: (node: Node, parents: readonly Node[]) => boolean | void): void {
  const stack: { node: Node; parents: readonly Node[] }[] = [{ node, parents: [] }];
  while (stack.length) {
    const { node: n, parents } = stack.pop()!;
    if (visit(n, parents) === false) continue;
    const kids = children(n);
    const next = [...parents, n];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, parents: next });
  }
}

export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** One step of the path to an offset: the node, and the property it is the value of (when in an object). */
export interface PathStep {
  readonly node: Node;
  readonly property?: Property;
  /** The offset lies on the property key, not in the value. */
  readonly onKey?: boolean;
}

/** The chain of nodes from the root down to the innermost node containing `offset`. */
export function pathAt(root: Node, offset: number): PathStep[] {
  const path: PathStep[] = [];
  let current: PathStep | undefined = contains(root.span, offset) ? { node: root } : undefined;
  while (current) {
    path.push(current);
    const n: Node = current.node;
    let next: PathStep | undefined;
    if (n.kind === 'object') {
      for (const p of n.properties) {
        if (contains(p.keySpan, offset)) {
          path.push({ node: p.value, property: p, onKey: true });
          return path;
        }
        if (contains(p.value.span, offset)) {
          next = { node: p.value, property: p };
          break;
        }
      }
    } else if (n.kind === 'array') {
      const item = n.items.find((i) => contains(i.span, offset));
      if (item) next = { node: item };
    } else if (n.kind === 'dynamic' && n.argument && contains(n.argument.span, offset)) {
      next = { node: n.argument };
    }
    current = next;
  }
  return path;
}
