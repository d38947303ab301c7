// The pure half of the architecture graph (issue 13): building nodes and edges from what the reader saw, the ARN
// helpers, Step Functions definitions, the exports (JSON, Mermaid, DOT, SVG), the layout and every pattern check.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  buildWiring,
  EMPTY_READINGS,
  functionArnOf,
  functionOfIntegrationUri,
  stateMachineTargets,
  tableArnOfStream,
  typeOfArn,
  wiringJson,
  type WiringGraph,
  type WiringReadings,
} from '../../../src/aws/records/wiring';
import { toDot, toMermaid, toSvg } from '../../../src/graph/exports';
import { layoutWiring } from '../../../src/graph/layout';
import { badgesOf, checkPatterns, PATTERN_CHECKS } from '../../../src/graph/patterns';
import { wildcardGrants } from '../../../src/graph/patterns/roleWildcard';
import { roleAccess } from '../../../src/graph/access';

const A = '123456789012';
const R = 'us-east-1';
const q = (n: string) => `arn:aws:sqs:${R}:${A}:${n}`;
const url = (n: string) => `http://localhost:4566/${A}/${n}`;
const t = (n: string) => `arn:aws:sns:${R}:${A}:${n}`;
const fn = (n: string) => `arn:aws:lambda:${R}:${A}:function:${n}`;
const role = (n: string) => `arn:aws:iam::${A}:role/${n}`;
const table = (n: string) => `arn:aws:dynamodb:${R}:${A}:table/${n}`;
const stream = (n: string) => `arn:aws:kinesis:${R}:${A}:stream/${n}`;
const sm = (n: string) => `arn:aws:states:${R}:${A}:stateMachine:${n}`;
const rule = (n: string) => `arn:aws:events:${R}:${A}:rule/${n}`;

function readings(over: Partial<WiringReadings>): WiringReadings {
  return { ...EMPTY_READINGS, region: R, ...over };
}

const policy = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

/** A wiring with one of each connection. */
const SHOP = readings({
  apis: [
    {
      arn: `arn:aws:apigateway:${R}::/restapis/abc`,
      name: 'shop-api',
      kind: 'rest',
      routes: [
        {
          route: 'POST /orders',
          uri: `arn:aws:apigateway:${R}:lambda:path/2015-03-31/functions/${fn('api')}/invocations`,
        },
        {
          route: 'GET /orders',
          uri: `arn:aws:apigateway:${R}:lambda:path/2015-03-31/functions/${fn('api')}/invocations`,
        },
        { route: 'GET /health', uri: '' },
      ],
    },
    {
      arn: `arn:aws:apigateway:${R}::/apis/h1`,
      name: 'http-api',
      kind: 'http',
      routes: [{ route: '$default', uri: fn('api') }],
    },
  ],
  buckets: [{ name: 'uploads', notifications: [{ target: fn('thumbs'), events: ['s3:ObjectCreated:*'] }] }],
  topics: [
    {
      arn: t('orders'),
      subscriptions: [
        { protocol: 'sqs', endpoint: q('billing'), filterPolicy: '{"type": ["paid"]}' },
        { protocol: 'sqs', endpoint: q('shipping') },
        { protocol: 'https', endpoint: 'https://example.com/hook' },
      ],
    },
  ],
  queues: [
    { arn: q('billing'), url: url('billing'), deadLetterTargetArn: q('billing-dlq') },
    { arn: q('billing-dlq'), url: url('billing-dlq') },
    { arn: q('shipping'), url: url('shipping') },
  ],
  functions: [
    { arn: fn('api'), name: 'api', role: role('api-role') },
    { arn: fn('billing'), name: 'billing', role: role('wide'), deadLetterArn: q('billing-dlq') },
    { arn: fn('thumbs'), name: 'thumbs', role: role('api-role') },
    { arn: fn('projector'), name: 'projector' },
  ],
  mappings: [
    { source: q('billing'), fn: fn('billing') },
    { source: `${table('orders')}/stream/2026-01-01T00:00:00.000`, fn: `${fn('projector')}:live` },
    { source: stream('clicks'), fn: fn('projector'), onFailure: q('billing-dlq') },
    { source: q('shipping'), fn: fn('thumbs') },
  ],
  tables: [{ arn: table('orders'), name: 'orders', streamArn: `${table('orders')}/stream/2026-01-01T00:00:00.000` }],
  streams: [{ arn: stream('clicks'), name: 'clicks' }],
  rules: [{ arn: rule('nightly'), name: 'nightly', targets: [sm('checkout'), `${fn('api')}:1`] }],
  stateMachines: [
    {
      arn: sm('checkout'),
      name: 'checkout',
      definition: JSON.stringify({
        StartAt: 'Charge',
        States: {
          Charge: { Type: 'Task', Resource: fn('billing'), Next: 'Fan' },
          Fan: {
            Type: 'Parallel',
            Branches: [
              {
                StartAt: 'Notify',
                States: {
                  Notify: {
                    Type: 'Task',
                    Resource: 'arn:aws:states:::sns:publish',
                    Parameters: { TopicArn: t('orders') },
                  },
                },
              },
              {
                StartAt: 'Queue',
                States: {
                  Queue: {
                    Type: 'Task',
                    Resource: 'arn:aws:states:::sqs:sendMessage',
                    Parameters: { QueueUrl: url('shipping') },
                  },
                },
              },
            ],
            Next: 'Save',
          },
          Save: {
            Type: 'Task',
            Resource: 'arn:aws:states:::dynamodb:putItem',
            Parameters: { TableName: 'orders' },
            Next: 'Dyn',
          },
          Dyn: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { 'FunctionName.$': '$.fn' },
            End: true,
          },
        },
      }),
    },
  ],
  roles: [
    {
      arn: role('api-role'),
      policies: [
        { name: 'own', document: policy([{ Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: table('orders') }]) },
      ],
    },
    {
      arn: role('wide'),
      policies: [{ name: 'admin', document: policy([{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }]) }],
    },
  ],
});

describe('wiring graph: building', () => {
  const g = buildWiring(SHOP, { maxNodes: 1000 });
  const edges = (kind: string) => g.edges.filter((e) => e.kind === kind).map((e) => [e.from, e.to]);

  test('one edge per connection, of each kind, from the readings', () => {
    assert.deepEqual(edges('s3-notification'), [['arn:aws:s3:::uploads', fn('thumbs')]]);
    assert.deepEqual(edges('sns-subscription'), [
      [t('orders'), q('billing')],
      [t('orders'), q('shipping')],
      [t('orders'), 'https://example.com/hook'],
    ]);
    assert.deepEqual(edges('dead-letter'), [
      [fn('billing'), q('billing-dlq')],
      [fn('projector'), q('billing-dlq')],
      [q('billing'), q('billing-dlq')],
    ]);
    assert.deepEqual(edges('event-source'), [
      [table('orders'), fn('projector')],
      [stream('clicks'), fn('projector')],
      [q('billing'), fn('billing')],
      [q('shipping'), fn('thumbs')],
    ]);
    assert.deepEqual(edges('api-integration'), [
      [`arn:aws:apigateway:${R}::/apis/h1`, fn('api')],
      [`arn:aws:apigateway:${R}::/restapis/abc`, fn('api')],
    ]);
    assert.deepEqual(edges('event-rule-target'), [
      [rule('nightly'), fn('api')],
      [rule('nightly'), sm('checkout')],
    ]);
    assert.deepEqual(edges('state-machine-task'), [
      [sm('checkout'), table('orders')],
      [sm('checkout'), fn('billing')],
      [sm('checkout'), t('orders')],
      [sm('checkout'), q('shipping')],
    ]);
    assert.deepEqual(edges('uses-role'), [
      [fn('api'), role('api-role')],
      [fn('billing'), role('wide')],
      [fn('thumbs'), role('api-role')],
    ]);
  });

  test('routes to one function make one edge with both labels; a filter policy rides on its subscription', () => {
    const rest = g.edges.find((e) => e.from.endsWith('/restapis/abc'))!;
    assert.equal(rest.label, 'POST /orders, GET /orders');
    assert.equal(
      g.edges.find((e) => e.to === q('billing') && e.kind === 'sns-subscription')!.filterPolicy,
      '{"type": ["paid"]}',
    );
  });

  test('nodes are ARNs with CloudFormation types; external endpoints and roles come from the edges', () => {
    const types = Object.fromEntries(g.nodes.map((n) => [n.id, n.type]));
    assert.equal(types['arn:aws:s3:::uploads'], 'AWS::S3::Bucket');
    assert.equal(types[role('wide')], 'AWS::IAM::Role');
    assert.equal(types['https://example.com/hook'], 'External::Endpoint');
    assert.equal(types[`arn:aws:apigateway:${R}::/apis/h1`], 'AWS::ApiGatewayV2::Api');
    assert.equal(g.nodes.length, 18);
    assert.equal(g.nodes.find((n) => n.id === fn('projector'))!.name, 'projector');
    assert.deepEqual(Object.keys(g.rolePolicies ?? {}).sort(), [role('api-role'), role('wide')]);
  });

  test('an edge to a resource nobody listed adds it as missing', () => {
    const gone = buildWiring(
      readings({ queues: [{ arn: q('a'), url: url('a'), deadLetterTargetArn: q('deleted') }] }),
      { maxNodes: 10 },
    );
    assert.deepEqual(
      gone.nodes.map((n) => [n.name, n.missing ?? false]),
      [
        ['a', false],
        ['deleted', true],
      ],
    );
  });

  test('the node limit keeps the first resources in flow order and says so', () => {
    const capped = buildWiring(SHOP, { maxNodes: 3 });
    assert.equal(capped.nodes.length, 3);
    assert.deepEqual(capped.capped, { limit: 3 });
    for (const e of capped.edges)
      assert.ok(capped.nodes.some((n) => n.id === e.from) && capped.nodes.some((n) => n.id === e.to));
    assert.equal(buildWiring(SHOP, { maxNodes: 18 }).capped, undefined);
  });

  test('JSON keeps exactly the fixed fields', () => {
    const json = wiringJson(g);
    for (const n of json.nodes) assert.deepEqual(Object.keys(n), ['id', 'type', 'name']);
    for (const e of json.edges) assert.deepEqual(Object.keys(e), ['from', 'to', 'kind']);
    assert.equal(json.edges.length, g.edges.length);
  });
});

describe('wiring graph: ARNs and definitions', () => {
  test('helpers', () => {
    assert.equal(functionArnOf(`${fn('a')}:prod`), fn('a'));
    assert.equal(functionArnOf(fn('a')), fn('a'));
    assert.equal(tableArnOfStream(`${table('t')}/stream/x`), table('t'));
    assert.equal(tableArnOfStream(table('t')), undefined);
    assert.equal(functionOfIntegrationUri('http://example.com'), undefined);
    assert.equal(typeOfArn(`arn:aws:lambda:${R}:${A}:layer:x:1`), undefined);
    assert.equal(typeOfArn('not an arn'), undefined);
  });

  test('a definition that is not JSON, or with no tasks, names nothing', () => {
    assert.deepEqual(stateMachineTargets('{'), []);
    assert.deepEqual(stateMachineTargets('{"States": {"P": {"Type": "Pass", "End": true}}}'), []);
    const map = JSON.stringify({
      States: {
        M: {
          Type: 'Map',
          ItemProcessor: {
            States: {
              X: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'worker' } },
            },
          },
        },
      },
    });
    assert.deepEqual(stateMachineTargets(map), [{ state: 'X', ref: 'worker', by: 'function-name' }]);
  });
});

describe('wiring graph: exports and layout', () => {
  const g = buildWiring(SHOP, { maxNodes: 1000 });

  test('Mermaid: a left-to-right flowchart, one line per node and edge, dashed dead-letter and role edges', () => {
    const text = toMermaid(g);
    const lines = text.trim().split('\n');
    assert.equal(lines[0], 'flowchart LR');
    assert.equal(lines.length, 1 + g.nodes.length + g.edges.length);
    assert.ok(lines.some((l) => /-\.->\|"uses-role"\|/.test(l)));
    assert.ok(text.includes('filter {#quot;type#quot;:[#quot;paid#quot;]}'));
  });

  test('DOT: quoted ARNs, escaped labels', () => {
    const text = toDot(g);
    assert.ok(text.startsWith('digraph wiring {\n  rankdir=LR;'));
    assert.ok(
      text.includes(`"${q('billing')}" -> "${q('billing-dlq')}" [label="dead-letter: redrive", style=dashed];`),
    );
    assert.ok(text.includes('filter {\\"type\\":[\\"paid\\"]}'));
  });

  test('layout by flow: producers left of channels, channels left of consumers', () => {
    const layout = layoutWiring(g);
    const x = (id: string) => layout.nodes.find((n) => n.id === id)!.x;
    assert.ok(x('arn:aws:s3:::uploads') < x(fn('thumbs')));
    assert.ok(x(t('orders')) < x(q('billing')));
    assert.ok(x(q('billing')) < x(fn('billing')));
    assert.ok(x(fn('billing')) < x(role('wide')));
    assert.equal(layout.edges.length, g.edges.length);
    for (const e of layout.edges) assert.ok(e.points.length >= 2);
  });

  test('SVG: one node group per node with its ARN, badges, escaped text', () => {
    const badges = badgesOf(checkPatterns(g));
    const svg = toSvg(g, layoutWiring(g), badges);
    assert.equal(svg.match(/<g class="node"/g)?.length, g.nodes.length);
    assert.equal(svg.match(/<g class="badge">/g)?.length, badges.size);
    assert.ok(svg.includes(`data-id="${q('shipping')}"`));
    const hostile = toSvg(
      { nodes: [{ id: 'arn:aws:sqs:r:1:<x>', type: 'AWS::SQS::Queue', name: '<script>"' }], edges: [] },
      layoutWiring({ nodes: [{ id: 'arn:aws:sqs:r:1:<x>', type: 'AWS::SQS::Queue', name: '<script>"' }], edges: [] }),
    );
    assert.ok(!hostile.includes('<script>'));
    assert.ok(hostile.includes('&lt;script&gt;&quot;'));
  });
});

describe('pattern checks', () => {
  const g = buildWiring(SHOP, { maxNodes: 1000 });
  const findings = checkPatterns(g);
  const of = (check: string) => findings.filter((f) => f.check === check).map((f) => f.nodes[0]);

  test('every check has an id, a title and a lesson; ids are unique', () => {
    assert.equal(new Set(PATTERN_CHECKS.map((c) => c.id)).size, PATTERN_CHECKS.length);
    for (const c of PATTERN_CHECKS) assert.ok(c.title && c.lesson.length > 40, c.id);
  });

  const cases: [string, string[]][] = [
    ['fan-out', [t('orders')]],
    ['queue-load-levelling', [q('billing')]],
    ['event-driven-processing', ['arn:aws:s3:::uploads']],
    ['event-sourcing-streams', [table('orders'), stream('clicks')]],
    ['queue-without-dlq', [q('shipping')]],
    ['fan-out-without-filter', [t('orders')]],
    ['role-wildcard', [fn('billing')]],
  ];
  for (const [check, nodes] of cases) {
    test(`${check} finds ${nodes.length} in the shop wiring`, () => assert.deepEqual(of(check), nodes));
  }

  test('nothing in an empty graph; no problem without wiring', () => {
    const empty: WiringGraph = { nodes: [], edges: [], failures: [] };
    assert.deepEqual(checkPatterns(empty), []);
    const lonely = buildWiring(readings({ queues: [{ arn: q('alone'), url: url('alone') }] }), { maxNodes: 10 });
    assert.deepEqual(checkPatterns(lonely), []);
  });

  test('an S3 event through a queue to a function is event-driven too; one topic subscriber is no fan-out', () => {
    const g2 = buildWiring(
      readings({
        buckets: [{ name: 'in', notifications: [{ target: q('jobs'), events: [] }] }],
        queues: [{ arn: q('jobs'), url: url('jobs'), deadLetterTargetArn: q('jobs-dlq') }],
        functions: [{ arn: fn('worker'), name: 'worker' }],
        mappings: [{ source: q('jobs'), fn: fn('worker') }],
        topics: [{ arn: t('one'), subscriptions: [{ protocol: 'sqs', endpoint: q('jobs') }] }],
      }),
      { maxNodes: 10 },
    );
    const checks = checkPatterns(g2).map((f) => f.check);
    assert.deepEqual(checks, ['queue-load-levelling', 'event-driven-processing']);
  });

  test('wildcard grants: every action, a service wildcard, NotAction, or * on a drawn service', () => {
    const grants = (statements: object[]) => wildcardGrants([{ name: 'p', document: policy(statements) }]);
    assert.deepEqual(grants([{ Effect: 'Allow', Action: '*', Resource: '*' }]), ['* on * (p)']);
    assert.deepEqual(grants([{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }]), [
      's3:* on its resources (p)',
    ]);
    assert.deepEqual(grants([{ Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: '*' }]), [
      'dynamodb:PutItem on * (p)',
    ]);
    assert.deepEqual(grants([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }]), ['Allow with NotAction (p)']);
    // Logs on * is what every function needs (AWSLambdaBasicExecutionRole); a Deny allows nothing.
    assert.deepEqual(
      grants([{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' }]),
      [],
    );
    assert.deepEqual(grants([{ Effect: 'Deny', Action: '*', Resource: '*' }]), []);
    assert.deepEqual(wildcardGrants([{ name: 'broken', document: '{not json' }]), []);
  });
});

describe('role access', () => {
  const g = buildWiring(SHOP, { maxNodes: 1000 });

  test('each function role, with what its own policies allow on the drawn resources', () => {
    const access = roleAccess(g);
    assert.equal(access.truncated, false);
    const byRole = Object.fromEntries(access.roles.map((r) => [r.role, r]));
    assert.deepEqual(byRole[role('api-role')]!.functions, [fn('api'), fn('thumbs')]);
    assert.deepEqual(byRole[role('api-role')]!.grants, [{ resource: table('orders'), actions: ['dynamodb:PutItem'] }]);
    // sqs:* on *: both queue actions on every queue, nothing else.
    assert.deepEqual(
      byRole[role('wide')]!.grants.map((x) => [x.resource, x.actions]),
      [q('billing'), q('billing-dlq'), q('shipping')].map((arn) => [arn, ['sqs:SendMessage', 'sqs:ReceiveMessage']]),
    );
  });

  test('stops at the evaluation budget and says so', () => {
    const access = roleAccess(g, 5);
    assert.equal(access.truncated, true);
    assert.deepEqual(access.roles, []);
  });
});
