// The wiring graph (issue 13): which resource sends to which, as plain data. The reader (src/aws/wiring.ts) fills a
// WiringReadings from the emulator; buildWiring turns it into nodes (ARNs, CloudFormation type names) and edges of
// the fixed kinds. Pure and shared with the architecture view's browser side, so this file imports nothing.

/** Edge kinds, fixed by the CLI's JSON format. */
export const EDGE_KINDS = [
  's3-notification',
  'sns-subscription',
  'dead-letter',
  'event-source',
  'api-integration',
  'event-rule-target',
  'state-machine-task',
  'uses-role',
] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

/** CloudFormation type names of the nodes the reader produces, plus `External::Endpoint` (an HTTP/email subscriber). */
export const NODE_TYPES = [
  'AWS::ApiGateway::RestApi',
  'AWS::ApiGatewayV2::Api',
  'AWS::DynamoDB::Table',
  'AWS::Events::Rule',
  'AWS::IAM::Role',
  'AWS::Kinesis::Stream',
  'AWS::Lambda::Function',
  'AWS::S3::Bucket',
  'AWS::SNS::Topic',
  'AWS::SQS::Queue',
  'AWS::StepFunctions::StateMachine',
  'External::Endpoint',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export interface WiringNode {
  /** The resource's ARN (an external subscriber's URL or address). */
  readonly id: string;
  readonly type: NodeType;
  readonly name: string;
  /** Set when an edge points at a resource the emulator did not list (deleted, or in another account). */
  readonly missing?: boolean;
}

export interface WiringEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  /** What the view writes on the edge: events, route, filter policy, rule pattern, state names. */
  readonly label?: string;
  /** An SNS subscription's filter policy JSON, when it has one. */
  readonly filterPolicy?: string;
}

/** A service (or one resource of it) the reader could not read; the rest of the graph is still there. */
export interface ReadFailure {
  readonly service: string;
  readonly reason: string;
}

export interface WiringGraph {
  readonly nodes: readonly WiringNode[];
  readonly edges: readonly WiringEdge[];
  readonly failures: readonly ReadFailure[];
  /** Set when more resources exist than the node limit: the graph holds the first `limit`. */
  readonly capped?: { readonly limit: number };
  /** Services the emulator does not offer (it answered "not implemented"): left out, not failed. */
  readonly unsupported?: readonly string[];
  /** The identity policies of each function role read, by role ARN (the pattern checks analyse them). */
  readonly rolePolicies?: Readonly<Record<string, readonly RolePolicy[]>>;
}

export interface RolePolicy {
  readonly name: string;
  /** The policy document JSON text. */
  readonly document: string;
}

// ---- What the reader gathers: one plain record per resource, in the services' own terms. ----

export interface BucketReading {
  readonly name: string;
  readonly notifications: readonly { readonly target: string; readonly events: readonly string[] }[];
}
export interface TopicReading {
  readonly arn: string;
  readonly subscriptions: readonly {
    readonly protocol: string;
    readonly endpoint: string;
    readonly filterPolicy?: string;
  }[];
}
export interface QueueReading {
  readonly arn: string;
  readonly url: string;
  readonly deadLetterTargetArn?: string;
}
export interface FunctionReading {
  readonly arn: string;
  readonly name: string;
  readonly role?: string;
  /** DeadLetterConfig.TargetArn (asynchronous invocations that failed every retry). */
  readonly deadLetterArn?: string;
  /** The on-failure destination of asynchronous invocations. */
  readonly onFailure?: string;
}
export interface MappingReading {
  readonly source: string;
  readonly fn: string;
  /** The mapping's own on-failure destination (stream sources). */
  readonly onFailure?: string;
}
export interface TableReading {
  readonly arn: string;
  readonly name: string;
  readonly streamArn?: string;
}
export interface StreamReading {
  readonly arn: string;
  readonly name: string;
}
export interface ApiReading {
  readonly arn: string;
  readonly name: string;
  readonly kind: 'rest' | 'http';
  /** One per route (REST: method + resource path) with the integration's URI. */
  readonly routes: readonly { readonly route: string; readonly uri: string }[];
}
export interface RuleReading {
  readonly arn: string;
  readonly name: string;
  readonly targets: readonly string[];
}
export interface StateMachineReading {
  readonly arn: string;
  readonly name: string;
  /** The Amazon States Language definition (JSON text). */
  readonly definition: string;
}
export interface RoleReading {
  readonly arn: string;
  readonly policies: readonly RolePolicy[];
}

export interface WiringReadings {
  readonly region: string;
  /** The account id the emulator answers with (bucket ARNs carry none). */
  readonly account?: string;
  readonly buckets: readonly BucketReading[];
  readonly topics: readonly TopicReading[];
  readonly queues: readonly QueueReading[];
  readonly functions: readonly FunctionReading[];
  readonly mappings: readonly MappingReading[];
  readonly tables: readonly TableReading[];
  readonly streams: readonly StreamReading[];
  readonly apis: readonly ApiReading[];
  readonly rules: readonly RuleReading[];
  readonly stateMachines: readonly StateMachineReading[];
  readonly roles: readonly RoleReading[];
  readonly failures: readonly ReadFailure[];
  readonly unsupported?: readonly string[];
}

export const EMPTY_READINGS: Omit<WiringReadings, 'region'> = {
  buckets: [],
  topics: [],
  queues: [],
  functions: [],
  mappings: [],
  tables: [],
  streams: [],
  apis: [],
  rules: [],
  stateMachines: [],
  roles: [],
  failures: [],
};

// ---- ARNs ----

/** The last segment after `:` or `/` (the resource's own name in every ARN this graph uses). */
function tail(arn: string): string {
  const cut = Math.max(arn.lastIndexOf(':'), arn.lastIndexOf('/'));
  return cut >= 0 ? arn.slice(cut + 1) : arn;
}

/** A Lambda function ARN without version or alias: `…:function:name:prod` → `…:function:name`. */
export function functionArnOf(arn: string): string {
  const m = /^(arn:[^:]+:lambda:[^:]*:[^:]*:function:[^:]+)(?::[^:]+)?$/.exec(arn);
  return m ? m[1]! : arn;
}

/** The table ARN of a DynamoDB stream ARN (`…:table/T/stream/2024-…` → `…:table/T`). */
export function tableArnOfStream(arn: string): string | undefined {
  const m = /^(arn:[^:]+:dynamodb:[^:]*:[^:]*:table\/[^/]+)\/stream\//.exec(arn);
  return m?.[1];
}

/**
 * The Lambda function an API Gateway integration URI calls: the REST form
 * `arn:aws:apigateway:r:lambda:path/2015-03-31/functions/<function ARN>/invocations` or a bare function ARN (HTTP APIs).
 */
export function functionOfIntegrationUri(uri: string): string | undefined {
  const m = /functions\/(arn:[^:]+:lambda:[^/]+)\/invocations/.exec(uri);
  if (m) return functionArnOf(m[1]!);
  if (/^arn:[^:]+:lambda:[^:]*:[^:]*:function:/.test(uri)) return functionArnOf(uri);
  return undefined;
}

/** The node type an ARN names, by service and resource prefix; undefined for ARNs this graph does not draw. */
export function typeOfArn(arn: string): NodeType | undefined {
  const parts = arn.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) return /^(https?|mailto):/.test(arn) ? 'External::Endpoint' : undefined;
  const service = parts[2];
  const resource = parts.slice(5).join(':');
  switch (service) {
    case 's3':
      return 'AWS::S3::Bucket';
    case 'sns':
      return 'AWS::SNS::Topic';
    case 'sqs':
      return 'AWS::SQS::Queue';
    case 'lambda':
      return resource.startsWith('function:') ? 'AWS::Lambda::Function' : undefined;
    case 'dynamodb':
      return resource.startsWith('table/') ? 'AWS::DynamoDB::Table' : undefined;
    case 'kinesis':
      return resource.startsWith('stream/') ? 'AWS::Kinesis::Stream' : undefined;
    case 'iam':
      return resource.startsWith('role/') ? 'AWS::IAM::Role' : undefined;
    case 'states':
      return resource.startsWith('stateMachine:') ? 'AWS::StepFunctions::StateMachine' : undefined;
    case 'events':
      return resource.startsWith('rule/') ? 'AWS::Events::Rule' : undefined;
    case 'apigateway':
      if (resource.startsWith('/restapis/')) return 'AWS::ApiGateway::RestApi';
      if (resource.startsWith('/apis/')) return 'AWS::ApiGatewayV2::Api';
      return undefined;
    default:
      return undefined;
  }
}

/** A readable name from an ARN (queue, topic, function, table, stream, role, rule, state machine). */
export function nameOfArn(arn: string): string {
  if (arn.startsWith('arn:') && arn.split(':')[2] === 'dynamodb') return arn.split('/')[1] ?? tail(arn);
  if (arn.startsWith('arn:') && arn.split(':')[2] === 'lambda') return functionArnOf(arn).split(':')[6] ?? tail(arn);
  return tail(arn);
}

// ---- Step Functions definitions ----

/** What a Task state calls, as the definition names it. */
export interface TaskTarget {
  readonly state: string;
  /** A resource ARN, or for a service integration the name it was given (queue URL, table name, function name). */
  readonly ref: string;
  readonly by: 'arn' | 'queue-url' | 'table-name' | 'function-name';
}

const MAX_STATES = 10_000;

/**
 * Every resource the Task states of a definition call, through nested Parallel branches and Map processors. Handles
 * direct Lambda ARNs and the optimised integrations for Lambda, SQS, SNS, DynamoDB, Step Functions and EventBridge
 * (`arn:aws:states:::lambda:invoke` with `FunctionName`, …). Paths (`FunctionName.$`) are chosen at run time and
 * left out. A definition that is not JSON gives nothing.
 */
export function stateMachineTargets(definition: string): TaskTarget[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(definition);
  } catch {
    return [];
  }
  const out: TaskTarget[] = [];
  let visited = 0;
  const walk = (machine: unknown): void => {
    const states = (machine as { States?: unknown } | null)?.States;
    if (!states || typeof states !== 'object') return;
    for (const [name, raw] of Object.entries(states as Record<string, unknown>)) {
      if (++visited > MAX_STATES || !raw || typeof raw !== 'object') return;
      const s = raw as Record<string, unknown>;
      if (s.Type === 'Task' && typeof s.Resource === 'string') out.push(...taskTargets(name, s.Resource, s.Parameters));
      if (Array.isArray(s.Branches)) for (const b of s.Branches) walk(b);
      walk(s.Iterator);
      walk(s.ItemProcessor);
    }
  };
  walk(parsed);
  return out;
}

function taskTargets(state: string, resource: string, parameters: unknown): TaskTarget[] {
  const p = parameters && typeof parameters === 'object' ? (parameters as Record<string, unknown>) : {};
  const str = (key: string): string | undefined => (typeof p[key] === 'string' ? (p[key] as string) : undefined);
  const integration = /^arn:[^:]+:states:::(?:aws-sdk:)?([a-z0-9]+):([A-Za-z]+)/.exec(resource);
  if (!integration) {
    return typeOfArn(resource) ? [{ state, ref: functionArnOf(resource), by: 'arn' }] : [];
  }
  const [, service, action] = integration;
  const one = (ref: string | undefined, by: TaskTarget['by']): TaskTarget[] => (ref ? [{ state, ref, by }] : []);
  switch (service) {
    case 'lambda': {
      const fn = str('FunctionName');
      return fn ? one(fn, fn.startsWith('arn:') ? 'arn' : 'function-name') : [];
    }
    case 'sqs':
      return one(str('QueueUrl'), 'queue-url');
    case 'sns':
      return one(str('TopicArn'), 'arn');
    case 'dynamodb':
      return one(str('TableName'), 'table-name');
    case 'states':
      return /^startExecution/.test(action ?? '') ? one(str('StateMachineArn'), 'arn') : [];
    default:
      return [];
  }
}

// ---- Building the graph ----

export interface BuildOptions {
  /** Most nodes the graph holds; resources beyond it are left out and `capped` says so. */
  readonly maxNodes: number;
}

/** Nodes of each type in the order the graph lists them (producers first, roles last). */
const TYPE_ORDER: readonly NodeType[] = [
  'AWS::ApiGateway::RestApi',
  'AWS::ApiGatewayV2::Api',
  'AWS::S3::Bucket',
  'AWS::Events::Rule',
  'AWS::SNS::Topic',
  'AWS::SQS::Queue',
  'AWS::Kinesis::Stream',
  'AWS::DynamoDB::Table',
  'AWS::StepFunctions::StateMachine',
  'AWS::Lambda::Function',
  'AWS::IAM::Role',
  'External::Endpoint',
];

/**
 * Turns what the reader saw into the graph: one node per resource, one edge per connection (several routes or
 * events between the same two resources make one edge with their labels joined). An edge to a resource the reader
 * did not list adds that resource as a `missing` node. Sorted, so the same wiring always gives the same graph.
 */
export function buildWiring(r: WiringReadings, options: BuildOptions): WiringGraph {
  const nodes = new Map<string, WiringNode>();
  const edges = new Map<
    string,
    { from: string; to: string; kind: EdgeKind; labels: string[]; filterPolicy?: string }
  >();
  let capped = false;
  const addNode = (id: string, type: NodeType, name: string, missing = false): boolean => {
    if (!id) return false;
    if (nodes.has(id)) return true;
    if (nodes.size >= options.maxNodes) {
      capped = true;
      return false;
    }
    nodes.set(id, { id, type, name, ...(missing ? { missing: true } : {}) });
    return true;
  };
  const bucketArn = (name: string) => `arn:aws:s3:::${name}`;
  const queueByUrl = new Map(r.queues.map((q) => [q.url.replace(/\/+$/, ''), q.arn]));
  const queueByName = new Map(r.queues.map((q) => [tail(q.url.replace(/\/+$/, '')), q.arn]));
  const tableByName = new Map(r.tables.map((t) => [t.name, t.arn]));
  const tableByStream = new Map(r.tables.filter((t) => t.streamArn).map((t) => [t.streamArn!, t.arn]));
  const functionByName = new Map(r.functions.map((f) => [f.name, f.arn]));

  // Listed resources first, in flow order, so a cap keeps whole services rather than random ones.
  const listed: [string, NodeType, string][] = [
    ...r.apis.map((a): [string, NodeType, string] => [
      a.arn,
      a.kind === 'rest' ? 'AWS::ApiGateway::RestApi' : 'AWS::ApiGatewayV2::Api',
      a.name,
    ]),
    ...r.buckets.map((b): [string, NodeType, string] => [bucketArn(b.name), 'AWS::S3::Bucket', b.name]),
    ...r.rules.map((x): [string, NodeType, string] => [x.arn, 'AWS::Events::Rule', x.name]),
    ...r.topics.map((t): [string, NodeType, string] => [t.arn, 'AWS::SNS::Topic', nameOfArn(t.arn)]),
    ...r.queues.map((q): [string, NodeType, string] => [q.arn, 'AWS::SQS::Queue', nameOfArn(q.arn)]),
    ...r.streams.map((s): [string, NodeType, string] => [s.arn, 'AWS::Kinesis::Stream', s.name]),
    ...r.tables.map((t): [string, NodeType, string] => [t.arn, 'AWS::DynamoDB::Table', t.name]),
    ...r.stateMachines.map((m): [string, NodeType, string] => [m.arn, 'AWS::StepFunctions::StateMachine', m.name]),
    ...r.functions.map((f): [string, NodeType, string] => [functionArnOf(f.arn), 'AWS::Lambda::Function', f.name]),
  ];
  for (const [id, type, name] of listed) addNode(id, type, name);

  // A target of a service that could not be read is unknown, not missing.
  const arnService: Record<string, string> = { stepfunctions: 'states', apigatewayv2: 'apigateway' };
  const unread = new Set(
    [...r.failures.map((f) => f.service), ...(r.unsupported ?? [])].map((service) => arnService[service] ?? service),
  );
  const known = (arn: string, type: NodeType) =>
    type === 'AWS::IAM::Role' || type === 'External::Endpoint' || unread.has(arn.split(':')[2] ?? '');
  const addEdge = (from: string, to: string, kind: EdgeKind, label?: string, filterPolicy?: string): void => {
    if (!from || !to || !nodes.has(from)) return;
    if (!nodes.has(to)) {
      const type = typeOfArn(to);
      if (!type || !addNode(to, type, type === 'External::Endpoint' ? to : nameOfArn(to), !known(to, type))) return;
    }
    const key = `${kind}\u0000${from}\u0000${to}`;
    const e = edges.get(key) ?? { from, to, kind, labels: [] };
    if (label && !e.labels.includes(label)) e.labels.push(label);
    if (filterPolicy) e.filterPolicy = filterPolicy;
    edges.set(key, e);
  };

  for (const b of r.buckets) {
    for (const n of b.notifications) {
      const target = typeOfArn(n.target) === 'AWS::Lambda::Function' ? functionArnOf(n.target) : n.target;
      addEdge(bucketArn(b.name), target, 's3-notification', n.events.join(', ') || undefined);
    }
  }
  for (const t of r.topics) {
    for (const s of t.subscriptions) {
      const target =
        s.protocol === 'lambda'
          ? functionArnOf(s.endpoint)
          : s.protocol === 'email'
            ? `mailto:${s.endpoint}`
            : s.endpoint;
      addEdge(t.arn, target, 'sns-subscription', s.protocol, s.filterPolicy);
    }
  }
  for (const q of r.queues) if (q.deadLetterTargetArn) addEdge(q.arn, q.deadLetterTargetArn, 'dead-letter', 'redrive');
  for (const f of r.functions) {
    const fn = functionArnOf(f.arn);
    if (f.deadLetterArn) addEdge(fn, f.deadLetterArn, 'dead-letter', 'DLQ');
    if (f.onFailure) addEdge(fn, functionArnOf(f.onFailure), 'dead-letter', 'on failure');
    if (f.role) addEdge(fn, f.role, 'uses-role');
  }
  for (const m of r.mappings) {
    // A DynamoDB stream is part of its table: the edge starts at the table.
    const source = tableByStream.get(m.source) ?? tableArnOfStream(m.source) ?? m.source;
    const fn = functionArnOf(m.fn);
    addEdge(source, fn, 'event-source', tableArnOfStream(m.source) ? 'stream' : undefined);
    if (m.onFailure) addEdge(fn, m.onFailure, 'dead-letter', 'on failure');
  }
  for (const a of r.apis) {
    for (const route of a.routes) {
      const fn = functionOfIntegrationUri(route.uri);
      if (fn) addEdge(a.arn, fn, 'api-integration', route.route);
    }
  }
  for (const rule of r.rules) for (const t of rule.targets) addEdge(rule.arn, functionArnOf(t), 'event-rule-target');
  for (const m of r.stateMachines) {
    for (const t of stateMachineTargets(m.definition)) {
      const arn =
        t.by === 'queue-url'
          ? (queueByUrl.get(t.ref.replace(/\/+$/, '')) ?? queueByName.get(tail(t.ref)))
          : t.by === 'table-name'
            ? tableByName.get(t.ref)
            : t.by === 'function-name'
              ? functionByName.get(t.ref)
              : functionArnOf(t.ref);
      if (arn) addEdge(m.arn, arn, 'state-machine-task', t.state);
    }
  }

  const order = new Map(TYPE_ORDER.map((t, i) => [t, i]));
  // Code-point order, not the locale's: the same graph on every machine.
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sortedNodes = [...nodes.values()].sort(
    (a, b) => (order.get(a.type) ?? 99) - (order.get(b.type) ?? 99) || cmp(a.id, b.id),
  );
  const sortedEdges = [...edges.values()]
    .map((e): WiringEdge => ({
      from: e.from,
      to: e.to,
      kind: e.kind,
      ...(e.labels.length ? { label: e.labels.join(', ') } : {}),
      ...(e.filterPolicy ? { filterPolicy: e.filterPolicy } : {}),
    }))
    .sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.kind, b.kind));
  const usedRoles = new Set(sortedEdges.filter((e) => e.kind === 'uses-role').map((e) => e.to));
  const rolePolicies: Record<string, readonly RolePolicy[]> = {};
  for (const role of r.roles) if (usedRoles.has(role.arn)) rolePolicies[role.arn] = role.policies;
  return {
    nodes: sortedNodes,
    edges: sortedEdges,
    failures: r.failures,
    ...(capped ? { capped: { limit: options.maxNodes } } : {}),
    ...(r.unsupported?.length ? { unsupported: [...new Set(r.unsupported)].sort() } : {}),
    ...(Object.keys(rolePolicies).length ? { rolePolicies } : {}),
  };
}

/** The CLI's JSON format (fixed by issue 13): nodes with id/type/name, edges with from/to/kind, nothing else. */
export function wiringJson(g: WiringGraph): {
  nodes: { id: string; type: string; name: string }[];
  edges: { from: string; to: string; kind: EdgeKind }[];
} {
  return {
    nodes: g.nodes.map((n) => ({ id: n.id, type: n.type, name: n.name })),
    edges: g.edges.map((e) => ({ from: e.from, to: e.to, kind: e.kind })),
  };
}
