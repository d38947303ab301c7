#!/usr/bin/env node
// Ticks the lab's tasks from the architecture graph of the emulator (`local-cloud-lab graph --format json`), and with
// --diff compares the whole graph with the target in expected-graph.json (account, region and API ids normalised).
//   node labs/serverless-ecommerce/check.mjs [endpoint] [--diff] [--print] [--cli path/to/dist/cli.js]
// Exit status: 0 every task done (and, with --diff, the graph equals the target), 1 not yet, 2 the graph could not be read.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const cliPath = option('--cli') ?? join(here, '..', '..', 'dist', 'cli.js');
const endpoint =
  args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--cli') ??
  process.env.AWS_ENDPOINT_URL ??
  'http://localhost:4566';
const region = process.env.AWS_DEFAULT_REGION ?? 'us-east-1';

const run = spawnSync(
  process.execPath,
  [cliPath, 'graph', '--endpoint', endpoint, '--region', region, '--format', 'json'],
  {
    encoding: 'utf8',
  },
);
if (run.status === 2 || !run.stdout) {
  process.stderr.write(run.stderr || `Could not run ${cliPath} (build it with npm run build)\n`);
  process.exit(2);
}
if (run.stderr) process.stderr.write(run.stderr);

/** The graph with the emulator's account, the region and API ids replaced by the tokens expected-graph.json uses. */
function normalise(graph, regionName) {
  const apis = new Map(
    graph.nodes.filter((n) => /\/(restapis|apis)\//.test(n.id)).map((n) => [n.id.split('/').pop(), `<api:${n.name}>`]),
  );
  const fix = (s) =>
    s
      .replace(/\b\d{12}\b/g, '<account>')
      .replaceAll(`:${regionName}:`, ':<region>:')
      .replace(/\/(restapis|apis)\/([^/]+)$/, (_, kind, id) => `/${kind}/${apis.get(id) ?? id}`);
  const nodes = graph.nodes.map((n) => ({ ...n, id: fix(n.id) })).sort((a, b) => (a.id < b.id ? -1 : 1));
  const edges = graph.edges
    .map((e) => ({ from: fix(e.from), to: fix(e.to), kind: e.kind }))
    .sort((a, b) => (`${a.kind} ${a.from} ${a.to}` < `${b.kind} ${b.from} ${b.to}` ? -1 : 1));
  return { nodes, edges };
}

const graph = normalise(JSON.parse(run.stdout), region);
if (flag('--print')) {
  // The normalised graph, in expected-graph.json's form (how that file was made from solution.sh's wiring).
  console.log(JSON.stringify(graph, null, 1));
  process.exit(0);
}
const expected = JSON.parse(readFileSync(join(here, 'expected-graph.json'), 'utf8'));
const has = (kind, from, to) => graph.edges.some((e) => e.kind === kind && e.from.endsWith(from) && e.to.endsWith(to));

// The role task is about the policy, which the graph's JSON does not carry: ask IAM (the view's badge says the same).
function roleIsNarrow() {
  const aws = (...a) =>
    spawnSync('aws', ['--endpoint-url', endpoint, '--output', 'json', ...a], {
      encoding: 'utf8',
      env: { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: region, ...process.env },
    });
  const names = aws('iam', 'list-role-policies', '--role-name', 'shop-lambda-role');
  if (names.status !== 0) return false;
  return JSON.parse(names.stdout).PolicyNames.every((name) => {
    const doc = aws('iam', 'get-role-policy', '--role-name', 'shop-lambda-role', '--policy-name', name);
    const text = doc.status === 0 ? JSON.stringify(JSON.parse(doc.stdout).PolicyDocument) : '"Action":"*"';
    return !/"Action":("\*"|\[[^\]]*"\*")|"Action":"[a-z0-9-]+:\*"/.test(decodeURIComponent(text));
  });
}

const tasks = [
  [
    '1. API routes: GET /products → shop-catalog, POST /orders → shop-place-order',
    () =>
      has('api-integration', '/restapis/<api:shop-api>', ':shop-catalog') &&
      has('api-integration', '/restapis/<api:shop-api>', ':shop-place-order'),
  ],
  [
    '2. Orders processed asynchronously: shop-orders-queue → shop-process-order',
    () => has('event-source', ':shop-orders-queue', ':shop-process-order'),
  ],
  ['3. A dead-letter queue for the orders queue', () => has('dead-letter', ':shop-orders-queue', ':shop-orders-dlq')],
  [
    '4. Fan-out: shop-order-events → shop-email-queue and shop-analytics-queue',
    () =>
      has('sns-subscription', ':shop-order-events', ':shop-email-queue') &&
      has('sns-subscription', ':shop-order-events', ':shop-analytics-queue'),
  ],
  [
    '5. Event sourcing: the shop-orders stream → shop-notify',
    () => has('event-source', 'table/shop-orders', ':shop-notify'),
  ],
  ['6. New images → shop-thumbnail', () => has('s3-notification', ':::shop-product-images', ':shop-thumbnail')],
  ['7. Least privilege: no `*` in shop-lambda-role', roleIsNarrow],
];
let open = 0;
for (const [title, done] of tasks) {
  const ok = done();
  if (!ok) open++;
  console.log(`${ok ? '✓' : '·'} ${title}`);
}
let same = true;
if (flag('--diff')) {
  const key = (e) => `${e.kind} ${e.from} → ${e.to}`;
  const want = new Set(expected.edges.map(key));
  const got = new Set(graph.edges.map(key));
  const missing = [...want].filter((k) => !got.has(k));
  const extra = [...got].filter((k) => !want.has(k));
  const nodesOf = (g) => new Set(g.nodes.map((n) => `${n.type} ${n.id}`));
  const wantNodes = nodesOf(expected);
  const gotNodes = nodesOf(graph);
  const missingNodes = [...wantNodes].filter((k) => !gotNodes.has(k));
  const extraNodes = [...gotNodes].filter((k) => !wantNodes.has(k));
  for (const k of missingNodes) console.log(`missing resource: ${k}`);
  for (const k of extraNodes) console.log(`extra resource:   ${k}`);
  for (const k of missing) console.log(`missing: ${k}`);
  for (const k of extra) console.log(`extra:   ${k}`);
  same = !missing.length && !extra.length && !missingNodes.length && !extraNodes.length;
  console.log(same ? 'The graph matches the target (expected-graph.json).' : 'The graph differs from the target.');
}
console.log(open ? `${open} of ${tasks.length} tasks to go.` : 'Every task done.');
process.exit(open || !same ? 1 : 0);
