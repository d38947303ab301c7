// The IAM policy model the rules work on: a policy document found in some host file, normalised into
// statements whose every value keeps its source span.
import type { DynamicNode, Node, ObjectNode, StringNode } from '../syntax/tree';
import type { Span } from '../types';

/** The elements IAM accepts at the top of a policy document. */
export const POLICY_ELEMENTS: readonly string[] = ['Version', 'Id', 'Statement'];

/** The elements IAM accepts in a statement. */
export const STATEMENT_ELEMENTS: readonly string[] = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
];

/** Identity policies grant to whoever holds them; resource policies (bucket, queue, topic) need a Principal;
 * trust policies (a role's AssumeRolePolicyDocument) say who may assume the role. */
export type PolicyKind = 'identity' | 'resource' | 'trust';

/** A string value or a value computed by the host format (CloudFormation intrinsic, Terraform expression). */
export type Value = StringNode | DynamicNode;

export interface ValueList {
  /** The property's value node (a string or an array). */
  readonly node: Node;
  readonly values: readonly Value[];
}

export interface PrincipalEntry {
  /** 'AWS', 'Service', 'Federated', 'CanonicalUser', or '*' when the Principal is the bare string "*". */
  readonly type: string;
  readonly typeSpan: Span;
  readonly values: readonly Value[];
}
export interface PrincipalModel {
  readonly node: Node;
  readonly entries: readonly PrincipalEntry[];
}

export interface ConditionEntry {
  /** e.g. 'StringEquals', 'ForAnyValue:StringLike', 'ArnLikeIfExists'. */
  readonly operator: string;
  readonly operatorSpan: Span;
  readonly key: string;
  readonly keySpan: Span;
  readonly valueNode: Node;
}
export interface ConditionModel {
  readonly node: Node;
  readonly entries: readonly ConditionEntry[];
}

export interface Statement {
  readonly node: ObjectNode;
  readonly index: number;
  readonly sid?: Value;
  readonly effect?: Value;
  readonly action?: ValueList;
  readonly notAction?: ValueList;
  readonly resource?: ValueList;
  readonly notResource?: ValueList;
  readonly principal?: PrincipalModel;
  readonly notPrincipal?: PrincipalModel;
  readonly condition?: ConditionModel;
}

export interface Policy {
  readonly kind: PolicyKind;
  /** The policy document node: an object with Version and Statement (or whatever the author wrote). */
  readonly node: Node;
  readonly version?: Value;
  readonly statements: readonly Statement[];
  /** Where it came from, for messages: 'policy file', 'AWS::IAM::Role MyRole AssumeRolePolicyDocument', … */
  readonly origin: string;
  /**
   * The document is an abstraction over the JSON policy (e.g. Terraform `aws_iam_policy_document` blocks, whose
   * element names are `actions`, `resources`, …): rules about JSON element spelling, Version and size do not apply.
   */
  readonly synthetic?: boolean;
  /** Size in characters of the policy as AWS would count it (whitespace removed), when known. */
  readonly size?: number;
}
