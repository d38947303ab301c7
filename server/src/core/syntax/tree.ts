// A format-neutral syntax tree with source spans. JSON, YAML (CloudFormation short tags included) and
// HCL (Terraform) all parse into it, so the IAM and DynamoDB extractors are written once.
import type { Span } from '../types';

export type Format = 'json' | 'yaml' | 'hcl';

interface Base {
  readonly span: Span;
}
export interface ObjectNode extends Base {
  readonly kind: 'object';
  readonly properties: readonly Property[];
}
export interface Property {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: Node;
  /** Key through value. */
  readonly span: Span;
}
export interface ArrayNode extends Base {
  readonly kind: 'array';
  readonly items: readonly Node[];
}
export interface StringNode extends Base {
  readonly kind: 'string';
  readonly value: string;
  /** Span of the characters of the value without quotes (for precise squiggles inside ARNs). */
  readonly valueSpan: Span;
}
export interface NumberNode extends Base {
  readonly kind: 'number';
  readonly value: number;
}
export interface BooleanNode extends Base {
  readonly kind: 'boolean';
  readonly value: boolean;
}
export interface NullNode extends Base {
  readonly kind: 'null';
}
/**
 * A value computed by the host format, not a literal: a CloudFormation intrinsic (`!Ref X`, `{"Fn::Sub": …}`),
 * a Terraform reference or interpolation (`var.x`, `"${aws_s3_bucket.b.arn}/*"`). Rules treat it as unknown.
 */
export interface DynamicNode extends Base {
  readonly kind: 'dynamic';
  /** e.g. 'Ref', 'Fn::Sub', 'Fn::GetAtt', 'hcl-expression', 'hcl-template'. */
  readonly function: string;
  /** Source text of the expression, for messages. */
  readonly text: string;
  /** Argument of the intrinsic, when it has one. */
  readonly argument?: Node;
}

export type Node = ObjectNode | ArrayNode | StringNode | NumberNode | BooleanNode | NullNode | DynamicNode;

export interface SyntaxProblem {
  readonly message: string;
  readonly span: Span;
}

export interface ParseResult {
  readonly format: Format;
  /** Absent only when nothing could be recovered. Parsers recover as much as they can. */
  readonly root?: Node;
  readonly problems: readonly SyntaxProblem[];
  /** Every document of a multi-document YAML stream (root is the first); absent for single-document formats. */
  readonly documents?: readonly Node[];
}

/** The documents to analyze: every YAML document of a stream, otherwise the root. */
export function roots(parse: ParseResult): readonly Node[] {
  if (parse.documents) return parse.documents;
  return parse.root ? [parse.root] : [];
}

/** Convenience accessors shared by every extractor. */
export function prop(node: Node | undefined, key: string): Property | undefined {
  return node?.kind === 'object' ? node.properties.find((p) => p.key === key) : undefined;
}
export function get(node: Node | undefined, key: string): Node | undefined {
  return prop(node, key)?.value;
}
export function str(node: Node | undefined): string | undefined {
  return node?.kind === 'string' ? node.value : undefined;
}
