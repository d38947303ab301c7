// Finds the IAM policies of a parsed document, whatever hosts them: a policy file, a CloudFormation/SAM template
// (YAML or JSON) or Terraform. Each becomes a `Policy` whose values keep their spans in the host document.
import type { ParsedDocument } from '../analyzer';
import { alignOffsets, jsonStringOffsets, type OffsetMap, remapResult } from '../syntax/embedded';
import { parseJson } from '../syntax/json';
import { type Node, type ObjectNode, roots, type SyntaxProblem } from '../syntax/tree';
import type { Policy, PolicyKind } from './model';
import { buildPolicy, isPolicyDocument, member, statementOf } from './policy';
import { extractTerraform } from './terraform';

export interface Extraction {
  readonly policies: readonly Policy[];
  /** Syntax problems of policies embedded as strings (a PolicyDocument written as a JSON string). */
  readonly problems: readonly SyntaxProblem[];
}

/** Collects policies and embedded-syntax problems while walking one document. */
export class PolicySink {
  readonly policies: Policy[] = [];
  readonly problems: SyntaxProblem[] = [];
  constructor(readonly doc: ParsedDocument) {}

  /**
   * Adds the policy document found at `node`: an object, or a string holding JSON (mapped back to the host's
   * characters); computed values (`!Ref`, `var.x`) are skipped, a `Fn::Sub` / template string is read with its
   * `${…}` parts as unknown values.
   */
  addDocument(node: Node | undefined, kind: PolicyKind | undefined, origin: string): void {
    if (!node) return;
    if (node.kind === 'object') {
      this.policies.push(buildPolicy(node, kind ? { kind, origin } : { origin }));
      return;
    }
    const embedded = this.embedded(node);
    if (!embedded) return;
    this.problems.push(...embedded.problems);
    const root = embedded.root;
    if (root && root.kind === 'object') this.policies.push(buildPolicy(root, kind ? { kind, origin } : { origin }));
  }

  /** Parses a string (or `Fn::Sub` / HCL template of a string) holding a JSON policy. */
  private embedded(node: Node): { root?: Node; problems: readonly SyntaxProblem[] } | undefined {
    let str = node;
    let template: string | undefined;
    if (node.kind === 'dynamic' && (node.function === 'Fn::Sub' || node.function === 'hcl-template')) {
      const arg = node.argument?.kind === 'array' ? node.argument.items[0] : node.argument;
      if (!arg) return undefined;
      str = arg;
      template = node.function;
    }
    if (str.kind !== 'string' || !/^\s*\{/.test(str.value)) return undefined;
    const text = this.doc.text;
    const raw = text.slice(str.valueSpan.start, str.valueSpan.end);
    const map: OffsetMap =
      this.doc.format === 'json' && raw.length >= str.value.length
        ? jsonStringOffsets(raw, str.valueSpan.start)
        : alignOffsets(str.value, raw, str.valueSpan.start);
    const parsed = remapResult(parseJson(str.value), map);
    const root = parsed.root && template ? markTemplates(parsed.root, template, text) : parsed.root;
    return root ? { root, problems: parsed.problems } : { problems: parsed.problems };
  }
}

/** Strings containing `${…}` inside a templated policy are computed at deploy time: make them dynamic. */
export function markTemplates(node: Node, fn: string, text: string): Node {
  switch (node.kind) {
    case 'string':
      return node.value.includes('${')
        ? {
            kind: 'dynamic',
            span: node.span,
            function: fn,
            text: text.slice(node.span.start, node.span.end),
            argument: node,
          }
        : node;
    case 'object':
      return { ...node, properties: node.properties.map((p) => ({ ...p, value: markTemplates(p.value, fn, text) })) };
    case 'array':
      return { ...node, items: node.items.map((i) => markTemplates(i, fn, text)) };
    default:
      return node;
  }
}

export function extractPolicies(doc: ParsedDocument): Extraction {
  const sink = new PolicySink(doc);
  if (doc.format === 'hcl') {
    if (doc.parse.root) extractTerraform(doc.parse.root, sink);
    return sink;
  }
  for (const root of roots(doc.parse)) {
    if (root.kind !== 'object') continue;
    if (isTemplateRoot(root)) extractTemplate(root, sink);
    else extractPolicyFile(root, sink);
  }
  return sink;
}

function isTemplateRoot(root: ObjectNode): boolean {
  return root.properties.some((p) => p.key === 'Resources' && p.value.kind === 'object');
}

/** A policy on its own, or as the AWS CLI prints one (`get-policy-version`, `get-role`). */
function extractPolicyFile(root: ObjectNode, sink: PolicySink): void {
  if (isPolicyDocument(root)) {
    sink.addDocument(root, undefined, 'policy file');
    return;
  }
  const version = member(root, 'PolicyVersion')?.value;
  const document = version?.kind === 'object' ? member(version, 'Document')?.value : undefined;
  if (isPolicyDocument(document)) sink.addDocument(document, undefined, 'policy file (PolicyVersion.Document)');
  const role = member(root, 'Role')?.value;
  const trust = role?.kind === 'object' ? member(role, 'AssumeRolePolicyDocument')?.value : undefined;
  if (trust) sink.addDocument(trust, 'trust', 'policy file (Role.AssumeRolePolicyDocument)');
}

/** Resource types whose `PolicyDocument`-like property is a resource policy. */
const RESOURCE_POLICY_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::S3::BucketPolicy': 'PolicyDocument',
  'AWS::SQS::QueuePolicy': 'PolicyDocument',
  'AWS::SNS::TopicPolicy': 'PolicyDocument',
  'AWS::KMS::Key': 'KeyPolicy',
  'AWS::SecretsManager::ResourcePolicy': 'ResourcePolicy',
  'AWS::ECR::Repository': 'RepositoryPolicyText',
};

const IDENTITY_POLICY_TYPES = new Set([
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::RolePolicy',
  'AWS::IAM::UserPolicy',
  'AWS::IAM::GroupPolicy',
]);

function extractTemplate(root: ObjectNode, sink: PolicySink): void {
  const resources = member(root, 'Resources')?.value;
  if (resources?.kind !== 'object') return;
  for (const res of resources.properties) {
    if (res.value.kind !== 'object') continue;
    const typeNode = member(res.value, 'Type')?.value;
    const type = typeNode?.kind === 'string' ? typeNode.value : undefined;
    const props = member(res.value, 'Properties')?.value;
    if (!type || props?.kind !== 'object') continue;
    const name = res.key;
    const at = (p: string): Node | undefined => member(props, p)?.value;
    if (IDENTITY_POLICY_TYPES.has(type)) {
      sink.addDocument(at('PolicyDocument'), 'identity', `${type} ${name} PolicyDocument`);
    } else if (RESOURCE_POLICY_PROPERTY[type]) {
      const p = RESOURCE_POLICY_PROPERTY[type];
      sink.addDocument(at(p), 'resource', `${type} ${name} ${p}`);
    } else if (type === 'AWS::IAM::Role') {
      sink.addDocument(at('AssumeRolePolicyDocument'), 'trust', `${type} ${name} AssumeRolePolicyDocument`);
      inlinePolicies(at('Policies'), sink, `${type} ${name}`);
    } else if (type === 'AWS::IAM::User' || type === 'AWS::IAM::Group') {
      inlinePolicies(at('Policies'), sink, `${type} ${name}`);
    } else if (type === 'AWS::Serverless::Function' || type === 'AWS::Serverless::StateMachine') {
      sink.addDocument(at('AssumeRolePolicyDocument'), 'trust', `${type} ${name} AssumeRolePolicyDocument`);
      samPolicies(at('Policies'), sink, `${type} ${name} Policies`);
    }
  }
}

/** `Policies: [{PolicyName, PolicyDocument}]` of roles, users and groups. */
function inlinePolicies(list: Node | undefined, sink: PolicySink, origin: string): void {
  if (list?.kind !== 'array') return;
  for (const item of list.items) {
    if (item.kind !== 'object') continue;
    const nameNode = member(item, 'PolicyName')?.value;
    const label = nameNode?.kind === 'string' ? nameNode.value : `#${list.items.indexOf(item)}`;
    sink.addDocument(member(item, 'PolicyDocument')?.value, 'identity', `${origin} Policies ${label}`);
  }
}

/**
 * SAM `Policies`: a managed policy name or ARN (skipped), a policy document, a SAM policy template
 * (`S3ReadPolicy: {BucketName: …}`, not IAM JSON: skipped), or a list of any of these. Statement objects written
 * directly in the list are gathered into one policy of their own.
 */
function samPolicies(node: Node | undefined, sink: PolicySink, origin: string): void {
  if (!node) return;
  if (isPolicyDocument(node)) {
    sink.addDocument(node, 'identity', origin);
    return;
  }
  if (node.kind !== 'array') return;
  const loose: ObjectNode[] = [];
  node.items.forEach((item, i) => {
    if (isPolicyDocument(item)) sink.addDocument(item, 'identity', `${origin} #${i}`);
    else if (
      item.kind === 'object' &&
      member(item, 'Effect') &&
      (member(item, 'Action') || member(item, 'NotAction'))
    ) {
      loose.push(item);
    }
  });
  if (loose.length) {
    sink.policies.push({
      kind: 'identity',
      node,
      statements: loose.map((s, i) => statementOf(s, i)),
      origin: `${origin} (statements)`,
      synthetic: true,
    });
  }
}
