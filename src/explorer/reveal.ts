// Finds the explorer row of a resource the architecture view shows (by ARN, type and name), loading the service's
// listing (and its "Load more" pages, bounded) as needed. Plain model code: the caller reveals the row in the view.
import type { NodeType } from '../aws/records/wiring';
import type { ExplorerNode } from './model';
import type { ExplorerTree } from './model/tree';

/** The explorer service that lists each node type (types the explorer does not list are absent). */
const SERVICE_OF: Partial<Record<NodeType, string>> = {
  'AWS::S3::Bucket': 's3',
  'AWS::SQS::Queue': 'sqs',
  'AWS::SNS::Topic': 'sns',
  'AWS::Lambda::Function': 'lambda',
  'AWS::DynamoDB::Table': 'dynamodb',
  'AWS::Kinesis::Stream': 'kinesis',
  'AWS::IAM::Role': 'iam',
};

/** "Load more" pages read while looking for one resource. */
const MAX_PAGES = 20;

export interface RevealTarget {
  readonly id: string;
  readonly type: NodeType;
  readonly name: string;
}

const isResource = (n: ExplorerNode) => n.contextValue !== 'lcl.error' && n.contextValue !== 'lcl.info';
const matches = (n: ExplorerNode, t: RevealTarget) =>
  isResource(n) && (n.id.endsWith(`:${t.id}`) || (n.label === t.name && !n.id.includes('#')));

/** The row of the resource, or undefined when its service is not in the explorer or the listing does not have it. */
export async function findExplorerNode(tree: ExplorerTree, target: RevealTarget): Promise<ExplorerNode | undefined> {
  const service = SERVICE_OF[target.type];
  if (!service) return undefined;
  const roots = await tree.children(undefined);
  const row = roots.find((n) => n.id === `${service}:`);
  if (!row) return undefined;
  const search = async (parent: ExplorerNode): Promise<ExplorerNode | undefined> => {
    let kids = await tree.children(parent);
    for (let page = 0; ; page++) {
      const hit = kids.find((n) => matches(n, target));
      if (hit) return hit;
      if (page >= MAX_PAGES || !kids.some((n) => n.ref.kind === 'explorer.loadMore')) return undefined;
      if (await tree.loadMore(parent.id)) return undefined;
      kids = await tree.children(parent);
    }
  };
  // IAM groups its rows in folders: roles are under Roles.
  if (target.type === 'AWS::IAM::Role') {
    const roles = (await tree.children(row)).find((n) => n.id === 'iam:folder:roles');
    return roles ? search(roles) : undefined;
  }
  return search(row);
}
