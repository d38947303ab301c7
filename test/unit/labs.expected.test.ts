// A lab's expected wiring (src/graph/expected.ts): its format, how live edges match it, the target diagram's graph,
// and the lab folder contract of labs/README.md for every shipped lab.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { WiringGraph } from '../../src/aws/records/wiring';
import {
  describeEdge,
  expectedGraph,
  expectedSteps,
  missingEdges,
  parseExpectedWiring,
  presentProblems,
} from '../../src/graph/expected';
import { LAB_IDS, LAB_WIRING } from '../../src/walkthrough/checks/labs';
import { CHECKS, WEEK_IDS } from '../../src/walkthrough/registry';
import { repoRoot } from '../support/moto';

const expected = parseExpectedWiring({
  lab: 'demo',
  nodes: { api: 'AWS::ApiGatewayV2::Api', fn: 'AWS::Lambda::Function', q: 'AWS::SQS::Queue', dlq: 'AWS::SQS::Queue' },
  edges: [
    { step: 'routes', from: 'api', to: 'fn', kind: 'api-integration', label: '$connect' },
    { step: 'routes', from: 'api', to: 'fn', kind: 'api-integration', label: 'send' },
    { step: 'queue', from: 'q', to: 'dlq', kind: 'dead-letter' },
  ],
});

const arn = {
  api: 'arn:aws:apigateway:us-east-1::/apis/abc',
  fn: 'arn:aws:lambda:us-east-1:1:function:fn',
  q: 'arn:aws:sqs:us-east-1:1:q',
  dlq: 'arn:aws:sqs:us-east-1:1:dlq',
};
const nodes: WiringGraph['nodes'] = [
  { id: arn.api, type: 'AWS::ApiGatewayV2::Api', name: 'api' },
  { id: arn.fn, type: 'AWS::Lambda::Function', name: 'fn' },
  { id: arn.q, type: 'AWS::SQS::Queue', name: 'q' },
  { id: arn.dlq, type: 'AWS::SQS::Queue', name: 'dlq' },
];

describe('expected wiring', () => {
  test('a live edge matches by kind, node names and types, and a label it contains', () => {
    const live = {
      nodes,
      edges: [
        { from: arn.api, to: arn.fn, kind: 'api-integration' as const, label: '$connect, send' },
        { from: arn.q, to: arn.dlq, kind: 'dead-letter' as const, label: 'redrive' },
      ],
    };
    assert.deepEqual(missingEdges(live, expected), []);
    assert.deepEqual(missingEdges({ nodes, edges: [live.edges[1]!] }, expected, 'queue'), []);
    assert.deepEqual(
      missingEdges({ nodes, edges: [{ ...live.edges[0]!, label: '$connect' }] }, expected, 'routes').map(describeEdge),
      ['api → fn (api-integration send)'],
    );
  });

  test("an expected filter must appear in the live edge's filter policy", () => {
    const topicArn = 'arn:aws:sns:us-east-1:1:t';
    const filtered = parseExpectedWiring({
      lab: 'demo',
      nodes: { t: 'AWS::SNS::Topic', q: 'AWS::SQS::Queue' },
      edges: [{ step: 'fan-out', from: 't', to: 'q', kind: 'sns-subscription', filter: '"type"' }],
    });
    const live = (filterPolicy?: string) => ({
      nodes: [{ id: topicArn, type: 'AWS::SNS::Topic' as const, name: 't' }, nodes[2]!],
      edges: [
        {
          from: topicArn,
          to: arn.q,
          kind: 'sns-subscription' as const,
          label: 'sqs',
          ...(filterPolicy ? { filterPolicy } : {}),
        },
      ],
    });
    assert.deepEqual(missingEdges(live('{"type":["order_paid"]}'), filtered), []);
    assert.deepEqual(missingEdges(live(), filtered).map(describeEdge), ['t → q (sns-subscription filter "type")']);
    assert.equal(missingEdges(live('{"kind":["x"]}'), filtered).length, 1);
    assert.equal(expectedGraph(filtered).edges[0]?.label, 'task fan-out · filter "type"');
  });

  test('an edge of another kind, direction or node type does not count', () => {
    const wrongKind = { nodes, edges: [{ from: arn.q, to: arn.dlq, kind: 'event-source' as const }] };
    const reversed = { nodes, edges: [{ from: arn.dlq, to: arn.q, kind: 'dead-letter' as const }] };
    const topic = 'arn:aws:sns:us-east-1:1:q';
    const sameName = {
      nodes: [...nodes, { id: topic, type: 'AWS::SNS::Topic' as const, name: 'q' }],
      edges: [{ from: topic, to: arn.dlq, kind: 'dead-letter' as const }],
    };
    for (const g of [wrongKind, reversed, sameName]) assert.equal(missingEdges(g, expected, 'queue').length, 1);
  });

  test('steps in order of first appearance; the diagram draws parallel edges once with their step and labels', () => {
    assert.deepEqual(expectedSteps(expected), ['routes', 'queue']);
    const g = expectedGraph(expected);
    assert.deepEqual(
      g.nodes.map((n) => n.id),
      ['api', 'fn', 'q', 'dlq'],
    );
    assert.deepEqual(g.edges, [
      { from: 'api', to: 'fn', kind: 'api-integration', label: 'task routes · $connect, send' },
      { from: 'q', to: 'dlq', kind: 'dead-letter', label: 'task queue' },
    ]);
  });

  test('a problem to remove holds until the check no longer reports the node, and needs the node in the graph', () => {
    const roleArn = 'arn:aws:iam::1:role/r';
    const withRole = parseExpectedWiring({
      lab: 'demo',
      nodes: { fn: 'AWS::Lambda::Function', r: 'AWS::IAM::Role' },
      edges: [{ step: 'narrow', from: 'fn', to: 'r', kind: 'uses-role' }],
      without: [{ step: 'narrow', check: 'role-wildcard', node: 'r' }],
    });
    assert.deepEqual(expectedSteps(withRole), ['narrow']);
    const graph = {
      nodes: [
        { id: arn.fn, type: 'AWS::Lambda::Function' as const, name: 'fn' },
        { id: roleArn, type: 'AWS::IAM::Role' as const, name: 'r' },
      ],
    };
    const finding = {
      check: 'role-wildcard',
      kind: 'problem' as const,
      nodes: [arn.fn, roleArn],
      message: 'too wide',
      lesson: '',
    };
    assert.deepEqual(presentProblems(graph, [finding], withRole), ['too wide']);
    assert.deepEqual(presentProblems(graph, [{ ...finding, check: 'queue-without-dlq' }], withRole), []);
    assert.deepEqual(presentProblems(graph, [], withRole, 'narrow'), []);
    assert.deepEqual(presentProblems({ nodes: graph.nodes.slice(0, 1) }, [], withRole), ['r is not in the graph']);
    assert.deepEqual(presentProblems(graph, [finding], withRole, 'other'), []);
    assert.throws(
      () => parseExpectedWiring({ ...withRole, without: [{ step: 'narrow', check: 'fan-out', node: 'nope' }] }),
      (e: Error) => e.message.includes('node is not a node name') && e.message.includes('check must be one of'),
    );
  });

  test('a malformed file names every problem', () => {
    assert.throws(() => parseExpectedWiring([], 'x.json'), /x\.json: must be an object/);
    assert.throws(
      () =>
        parseExpectedWiring({
          lab: '',
          nodes: { a: 'AWS::Nope' },
          edges: [{ step: 'Bad Step', from: 'a', to: 'b', kind: 'pipes', label: 3 }],
        }),
      (e: Error) =>
        [
          'lab must be',
          'node a: unknown type AWS::Nope',
          'step must be a step id',
          'to is not a node name',
          'unknown kind pipes',
          'label must be text',
        ].every((part) => e.message.includes(part)),
    );
    assert.throws(() => parseExpectedWiring({ lab: 'x', nodes: {}, edges: [] }), /at least one edge/);
  });
});

describe('shipped labs', () => {
  const folders = readdirSync(join(repoRoot, 'labs')).filter((f) =>
    existsSync(join(repoRoot, 'labs', f, 'walkthrough.yaml')),
  );

  test('every lab with a walkthrough.yaml has a permanent walkthrough id, and every lab id such a folder', () => {
    assert.deepEqual(folders.map((f) => `lab-${f}`).sort(), [...LAB_IDS].sort());
    for (const id of LAB_IDS) assert.ok(WEEK_IDS.includes(id), `${id} is a permanent walkthrough id`);
  });

  for (const id of LAB_IDS) {
    const { lab } = LAB_WIRING[id];
    test(`${lab}: the folder holds what labs/README.md promises; one check per step`, () => {
      const dir = join(repoRoot, 'labs', lab);
      for (const f of ['README.md', 'setup.sh', 'solution.sh', 'expected.json', 'walkthrough.yaml']) {
        assert.ok(existsSync(join(dir, f)), `labs/${lab}/${f}`);
      }
      assert.ok(
        readdirSync(join(dir, 'handlers')).some((f) => f.endsWith('.py') || f.endsWith('.mjs')),
        'handler code',
      );
      for (const script of ['setup.sh', 'solution.sh']) {
        const text = readFileSync(join(dir, script), 'utf8');
        assert.match(
          text,
          /source "\$\(dirname "\$0"\)\/\.\.\/lib\.sh"/,
          `${script} uses the shared endpoint and helpers`,
        );
      }
      assert.deepEqual(readdirSync(dir).sort(), [
        'README.md',
        'expected.json',
        'handlers',
        'setup.sh',
        'solution.sh',
        'walkthrough.yaml',
      ]);
      const readme = readFileSync(join(dir, 'README.md'), 'utf8');
      assert.match(readme, /## Tasks/);
      assert.match(readme, /## Real and simulated here/);
      assert.match(readme, /```mermaid\nflowchart LR/);
      assert.deepEqual(Object.keys(CHECKS[id]), expectedSteps(LAB_WIRING[id]));
    });
  }
});
