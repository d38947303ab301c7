// API Gateway, AWS side: REST APIs with stages, resources, methods and MOCK/HTTP integrations; HTTP APIs with stages,
// routes and integrations; paging; the invoke URLs each emulator serves; and a request sent to a stage for real
// (LocalStack serves MOCK integrations; moto server serves no API requests, which the URLs say).
import {
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import {
  CreateApiCommand,
  CreateIntegrationCommand,
  CreateRouteCommand,
  CreateStageCommand,
} from '@aws-sdk/client-apigatewayv2';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeEach, describe, it } from 'node:test';
import {
  fillPathParameters,
  getHttpIntegration,
  getMethod,
  integrationIdOfTarget,
  invokeUrls,
  listHttpApis,
  listHttpStages,
  listResources,
  listRestApis,
  listRestStages,
  listRoutes,
  sendApiRequest,
} from '../../src/aws/apiGateway';
import type { AwsClients } from '../../src/aws/clients';
import { onLocalStack, skipOnLocalStack } from '../support/emulator';
import { useLab } from '../support/fixtures';

/** A REST API with GET /orders (MOCK answering 200 with a JSON body), POST /orders (HTTP) and /orders/{id}, deployed to `dev`. */
async function restApi(clients: AwsClients, name: string): Promise<{ apiId: string; ordersId: string }> {
  const gw = clients.apiGateway();
  const api = await gw.send(new CreateRestApiCommand({ name, description: `${name} for tests` }));
  const apiId = api.id!;
  const root = (await gw.send(new GetResourcesCommand({ restApiId: apiId }))).items!.find((r) => r.path === '/')!;
  const orders = await gw.send(new CreateResourceCommand({ restApiId: apiId, parentId: root.id!, pathPart: 'orders' }));
  await gw.send(new CreateResourceCommand({ restApiId: apiId, parentId: orders.id!, pathPart: '{id}' }));
  const base = { restApiId: apiId, resourceId: orders.id! };
  await gw.send(new PutMethodCommand({ ...base, httpMethod: 'GET', authorizationType: 'NONE' }));
  await gw.send(
    new PutIntegrationCommand({
      ...base,
      httpMethod: 'GET',
      type: 'MOCK',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
    }),
  );
  await gw.send(new PutMethodResponseCommand({ ...base, httpMethod: 'GET', statusCode: '200' }));
  await gw.send(
    new PutIntegrationResponseCommand({
      ...base,
      httpMethod: 'GET',
      statusCode: '200',
      responseTemplates: { 'application/json': '{"orders": ["o-1", "o-2"]}' },
    }),
  );
  await gw.send(new PutMethodCommand({ ...base, httpMethod: 'POST', authorizationType: 'NONE' }));
  await gw.send(
    new PutIntegrationCommand({
      ...base,
      httpMethod: 'POST',
      type: 'HTTP',
      integrationHttpMethod: 'POST',
      uri: 'http://orders.internal.example/orders',
    }),
  );
  await gw.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'dev' }));
  return { apiId, ordersId: orders.id! };
}

describe('API Gateway (emulator)', () => {
  const lab = useLab();
  let apiId = '';
  let ordersId = '';
  beforeEach(async () => {
    ({ apiId, ordersId } = await restApi(lab.clients, 'shop'));
  });

  it('lists REST APIs page by page', async () => {
    await lab.clients.apiGateway().send(new CreateRestApiCommand({ name: 'billing' }));
    await lab.clients.apiGateway().send(new CreateRestApiCommand({ name: 'search' }));
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await listRestApis(lab.clients, { token, limit: 2 });
      names.push(...page.apis.map((a) => a.name));
      assert.ok(page.apis.every((a) => a.kind === 'rest' && a.id));
      token = page.next;
      pages++;
    } while (token && pages < 10);
    assert.deepEqual(names.sort(), ['billing', 'search', 'shop']);
  });

  it('reads stages, resources with their methods, and each method integration', async () => {
    const stages = await listRestStages(lab.clients, apiId);
    assert.deepEqual(
      stages.map((s) => s.name),
      ['dev'],
    );
    const { resources } = await listResources(lab.clients, { apiId });
    assert.deepEqual(
      resources.map((r) => r.path),
      ['/', '/orders', '/orders/{id}'],
    );
    assert.deepEqual(resources.find((r) => r.path === '/orders')!.methods, ['GET', 'POST']);
    const get = await getMethod(lab.clients, { apiId, resourceId: ordersId, httpMethod: 'GET' });
    assert.equal(get.integration?.type, 'MOCK');
    const post = await getMethod(lab.clients, { apiId, resourceId: ordersId, httpMethod: 'POST' });
    assert.equal(post.integration?.type, 'HTTP');
    assert.equal(post.integration?.uri, 'http://orders.internal.example/orders');
    assert.equal(post.integration?.httpMethod, 'POST');
  });

  it('names the invoke URLs the emulator serves and sends a request to the stage', async () => {
    const backend = onLocalStack ? 'localstack' : 'moto';
    const urls = invokeUrls({
      backend,
      endpoint: lab.emulator.endpoint,
      region: 'us-east-1',
      apiKind: 'rest',
      apiId,
      stage: 'dev',
      path: '/orders',
    });
    if (!onLocalStack) {
      // moto server keeps API requests to its in-process mock: the AWS form is shown, marked as not served.
      assert.deepEqual(urls, [
        {
          url: `https://${apiId}.execute-api.us-east-1.amazonaws.com/dev/orders`,
          label: 'moto (AWS form; moto server does not serve API requests)',
          served: false,
        },
      ]);
      return;
    }
    assert.deepEqual(
      urls.map((u) => u.url),
      [
        `${lab.emulator.endpoint}/_aws/execute-api/${apiId}/dev/orders`,
        `${lab.emulator.endpoint}/restapis/${apiId}/dev/_user_request_/orders`,
      ],
    );
    for (const u of urls) {
      const res = await sendApiRequest({ method: 'GET', url: u.url, headers: { accept: 'application/json' } });
      assert.equal(res.status, 200, `${u.label}: ${res.body}`);
      assert.deepEqual(JSON.parse(res.body), { orders: ['o-1', 'o-2'] });
    }
  });

  it(
    'reads HTTP APIs with stages, routes and integrations',
    skipOnLocalStack('API Gateway v2 (HTTP APIs) is not in the LocalStack community edition'),
    async () => {
      const v2 = lab.clients.apiGatewayV2();
      const api = await v2.send(new CreateApiCommand({ Name: 'catalog', ProtocolType: 'HTTP' }));
      const integration = await v2.send(
        new CreateIntegrationCommand({
          ApiId: api.ApiId!,
          IntegrationType: 'HTTP_PROXY',
          IntegrationMethod: 'GET',
          IntegrationUri: 'http://catalog.internal.example/items',
          PayloadFormatVersion: '1.0',
        }),
      );
      await v2.send(
        new CreateRouteCommand({
          ApiId: api.ApiId!,
          RouteKey: 'GET /items',
          Target: `integrations/${integration.IntegrationId}`,
        }),
      );
      await v2.send(new CreateRouteCommand({ ApiId: api.ApiId!, RouteKey: 'POST /items' }));
      await v2.send(new CreateStageCommand({ ApiId: api.ApiId!, StageName: '$default' }));

      const { apis } = await listHttpApis(lab.clients);
      assert.deepEqual(
        apis.map((a) => [a.kind, a.name, a.protocol]),
        [['http', 'catalog', 'HTTP']],
      );
      const { stages } = await listHttpStages(lab.clients, { apiId: api.ApiId! });
      assert.deepEqual(
        stages.map((s) => s.name),
        ['$default'],
      );
      const { routes } = await listRoutes(lab.clients, { apiId: api.ApiId! });
      assert.deepEqual(
        routes.map((r) => r.routeKey),
        ['GET /items', 'POST /items'],
      );
      const target = integrationIdOfTarget(routes[0]!.target);
      assert.equal(target, integration.IntegrationId);
      const got = await getHttpIntegration(lab.clients, { apiId: api.ApiId!, integrationId: target! });
      assert.equal(got.type, 'HTTP_PROXY');
      assert.equal(got.uri, 'http://catalog.internal.example/items');
      assert.equal(integrationIdOfTarget(routes[1]!.target), undefined);
      // A $default stage has no stage segment in its URL.
      const [url] = invokeUrls({
        backend: 'localstack',
        endpoint: 'http://localhost:4566',
        region: 'us-east-1',
        apiKind: 'http',
        apiId: 'abc',
        stage: '$default',
        path: 'items',
      });
      assert.equal(url!.url, 'http://localhost:4566/_aws/execute-api/abc/items');
    },
  );
});

describe('sendApiRequest (a plain local HTTP server)', () => {
  it('reports status, headers and body, sends the body, and cuts a large answer at the limit', async () => {
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        if (req.url === '/big') {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('x'.repeat(5000));
          return;
        }
        res.writeHead(201, { 'content-type': 'application/json', 'x-seen-method': req.method ?? '' });
        res.end(JSON.stringify({ got: body }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      const res = await sendApiRequest({
        method: 'post',
        url: `http://127.0.0.1:${port}${fillPathParameters('/orders/{id}', { id: 'a b' })}`,
        body: '{"n":1}',
      });
      assert.equal(res.status, 201);
      assert.deepEqual(JSON.parse(res.body), { got: '{"n":1}' });
      assert.ok(res.headers.some(([k, v]) => k === 'x-seen-method' && v === 'POST'));
      assert.equal(res.truncated, false);
      const big = await sendApiRequest({ method: 'GET', url: `http://127.0.0.1:${port}/big`, maxBytes: 1000 });
      assert.equal(big.body.length, 1000);
      assert.equal(big.truncated, true);
    } finally {
      server.close();
    }
  });
});
