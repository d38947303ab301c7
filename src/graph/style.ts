// How each kind of node and edge is drawn: a short service mark and a colour per node type (simple shapes of our
// own, no AWS artwork), and the text an edge carries.
import type { EdgeKind, NodeType, WiringEdge } from '../aws/records/wiring';

export interface NodeStyle {
  /** Two to four characters drawn in the node's mark. */
  readonly mark: string;
  readonly colour: string;
  /** What the node is, in words (tooltips, Mermaid and DOT labels). */
  readonly service: string;
}

export const NODE_STYLE: Readonly<Record<NodeType, NodeStyle>> = {
  'AWS::ApiGateway::RestApi': { mark: 'API', colour: '#8c4fff', service: 'API Gateway REST API' },
  'AWS::ApiGatewayV2::Api': { mark: 'API', colour: '#8c4fff', service: 'API Gateway HTTP API' },
  'AWS::DynamoDB::Table': { mark: 'DDB', colour: '#3b48cc', service: 'DynamoDB table' },
  'AWS::Events::Rule': { mark: 'EVB', colour: '#e7157b', service: 'EventBridge rule' },
  'AWS::IAM::Role': { mark: 'IAM', colour: '#7d8998', service: 'IAM role' },
  'AWS::Kinesis::Stream': { mark: 'KDS', colour: '#8c4fff', service: 'Kinesis stream' },
  'AWS::Lambda::Function': { mark: 'λ', colour: '#ed7100', service: 'Lambda function' },
  'AWS::S3::Bucket': { mark: 'S3', colour: '#3f8624', service: 'S3 bucket' },
  'AWS::SNS::Topic': { mark: 'SNS', colour: '#e7157b', service: 'SNS topic' },
  'AWS::SQS::Queue': { mark: 'SQS', colour: '#e7157b', service: 'SQS queue' },
  'AWS::StepFunctions::StateMachine': { mark: 'SFN', colour: '#e7157b', service: 'Step Functions state machine' },
  'External::Endpoint': { mark: 'EXT', colour: '#5a6b86', service: 'external endpoint' },
};

/** Dead-letter and role edges are dashed: they are not the data's main path. */
export function dashed(kind: EdgeKind): boolean {
  return kind === 'dead-letter' || kind === 'uses-role';
}

/** The edge's own text: its label (events, route, protocol, state) and a subscription's filter policy; may be empty. */
export function edgeText(e: WiringEdge): string {
  const filter = e.filterPolicy ? `filter ${compactJson(e.filterPolicy)}` : '';
  return [e.label ?? '', filter].filter(Boolean).join(' · ');
}

/** The kind, then the edge's own text when it has some: `sns-subscription: sqs · filter {…}`, `uses-role`. */
export function edgeTitle(e: WiringEdge): string {
  const text = edgeText(e);
  return text ? `${e.kind}: ${text}` : e.kind;
}

function compactJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}
