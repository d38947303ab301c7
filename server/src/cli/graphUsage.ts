// The `graph` command's name and help, apart from its code: cli.ts shows them without loading the AWS SDK.
export const GRAPH_COMMAND = 'graph';

export const GRAPH_USAGE = `Architecture graph of an emulator (exit status: 0 written, 1 written but incomplete, 2 usage error or nothing read):

  local-cloud-lab graph --endpoint URL [--region R] [--format json|mermaid|dot|svg] [--max-nodes N] [--allow-remote]

Reads S3 notifications, SNS subscriptions, SQS redrive, Lambda event sources, destinations and roles, API Gateway
routes, EventBridge rules and Step Functions tasks, and writes the graph to stdout (default format: json).
A non-local endpoint (it may be real AWS) is refused unless --allow-remote is given.`;
