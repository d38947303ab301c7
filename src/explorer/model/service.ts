// The contract every service in the explorer implements. A service lists its top-level nodes (parent undefined) and
// the children of its own nodes, one page at a time; the provider adds "Load more" rows and turns failures into
// error rows, so a service just throws (or returns `failed`) and never renders anything itself.
import type { BackendInfo } from '../../aws/backend';
import type { AwsClients } from '../../aws/clients';
import type { ExplorerNode } from './node';

export interface ListRequest {
  readonly clients: AwsClients;
  /** Aborted when the view refreshes, the connection changes or the user cancels. */
  readonly signal: AbortSignal;
  /** The `next` of the previous page; undefined for the first page. */
  readonly cursor?: string;
  /** A hint; services may return fewer (or, when the API cannot page, more) rows. */
  readonly pageSize: number;
  /** What the emulator is, when known (e.g. for the invoke URL forms it serves). */
  readonly backend?: BackendInfo;
}

export interface Page {
  readonly nodes: readonly ExplorerNode[];
  /** Present when there is more: passed back as `cursor` by "Load more". */
  readonly next?: string;
}

/** One step of a filtered listing: the matches found since the last step, and where to resume. */
export interface SearchStep {
  readonly nodes: readonly ExplorerNode[];
  /** How many entries were examined so far (shown while searching). */
  readonly scanned: number;
  /** Passed back as `cursor` by "Load more matches"; undefined once everything was examined. */
  readonly next?: string;
}

export interface ServiceExplorer {
  /**
   * Stable id: `s3`, `sqs`, `kinesis`, `dynamodb`, `iam`, `sns`, `lambda`, `secretsmanager`, `kms`, `apigateway`,
   * `logs`, `ec2`, `stepfunctions`, `eventbridge`.
   */
  readonly id: string;
  readonly label: string;
  /** Codicon for the service row. */
  readonly icon: string;
  /** Sort position in the tree (lower first). */
  readonly order: number;
  /** Names in LocalStack's `/_localstack/health` `services` map that must be up for this service to show. */
  readonly healthNames: readonly string[];
  /** Shown when the top level is empty ("No buckets"); default "Nothing here yet". */
  readonly emptyText?: string;
  /** What the top-level listing is called in error rows: "List buckets". */
  readonly listOperation: string;
  /**
   * Lists one page of children. `parent` undefined means the service's top level; otherwise it is one of the nodes
   * this service returned earlier. Throwing is fine: the caller shows "<operation> failed: <reason>".
   */
  children(parent: ExplorerNode | undefined, request: ListRequest): Promise<Page>;
  /** The operation name used in the error row for `parent`'s listing, e.g. "List objects". */
  operationFor?(parent: ExplorerNode): string;
  /**
   * A filtered listing of `parent`'s children, streamed: each step's matches show as they arrive. Ends after about
   * `request.pageSize` matches (a bound on the work, not only on the rows); `request.cursor` resumes a previous run.
   * Services without it cannot be filtered. `describe` says how the filter reads in the row's description.
   */
  search?(parent: ExplorerNode, filter: string, request: ListRequest): AsyncIterable<SearchStep>;
  describeFilter?(filter: string): string;
}
