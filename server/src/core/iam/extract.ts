// Finds the IAM policies of a parsed document, whatever hosts them: a policy file, a CloudFormation/SAM template
// (YAML or JSON) or Terraform. Each becomes a `Policy` whose values keep their spans in the host document.
import type { ParsedDocument } from '../analyzer';
import { type Node, type ObjectNode, roots } from '../syntax/tree';
import { isPolicyDocument, member, statementOf } from './policy';
import { type Extraction, PolicySink } from './sink';
import { extractTerraform } from './terraform';

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
