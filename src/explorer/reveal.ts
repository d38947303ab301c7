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
  'AWS::ApiGateway::RestApi': 'apigateway',
  'AWS::ApiGatewayV2::Api': 'apigateway',
  'AWS::StepFunctions::StateMachine': 'stepfunctions',
  'AWS::Events::Rule': 'eventbridge',
};

/** The folder row a type's resources are listed under, when the service groups them. */
function folderOf(target: RevealTarget): string | undefined {
  switch (target.type) {
    case 'AWS::IAM::Role':
      return 'iam:folder:roles';
    case 'AWS::ApiGateway::RestApi':
      return 'apigateway:rest';
    case 'AWS::ApiGatewayV2::Api':
      return 'apigateway:http';
    case 'AWS::Events::Rule': {
      // arn:…:rule/<name> is on the default bus; arn:…:rule/<bus>/<name> on another.
      const path = target.id.split(':rule/')[1]?.split('/') ?? [];
      return `eventbridge:bus:${path.length > 1 ? path[0] : 'default'}`;
    }
    default:
      return undefined;
  }
}

/** "Load more" pages read while looking for one resource. */
const MAX_PAGES = 20;

export interface RevealTarget {
  readonly id: string;
  readonly type: NodeType;
  readonly name: string;
}

const isResource = (n: ExplorerNode) => n.contextValue !== 'lcl.error' && n.contextValue !== 'lcl.info';
const matches = (n: ExplorerNode, t: RevealTarget) =>
  isResource(n) &&
  (n.id.endsWith(`:${t.id}`) ||
    n.id.endsWith(`:${t.id.split('/').pop()}`) ||
    (n.label === t.name && !n.id.includes('#')));

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
  // IAM, API Gateway and EventBridge group their rows (Roles, REST/HTTP APIs, event buses).
  const folder = folderOf(target);
  if (folder) {
    const parent = (await tree.children(row)).find((n) => n.id === folder);
    return parent ? search(parent) : undefined;
  }
  return search(row);
}
