// A REST API the tests can send requests to: GET /<path> answered by a MOCK integration with a fixed JSON body,
// deployed to the `dev` stage (LocalStack serves it; moto models it but does not serve requests).
import {
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  type APIGatewayClient,
} from '@aws-sdk/client-api-gateway';

export async function createMockApi(
  gw: APIGatewayClient,
  opts: { name: string; pathPart?: string; body: unknown; deploy?: boolean },
): Promise<{ apiId: string; resourceId: string; rootId: string }> {
  const api = await gw.send(new CreateRestApiCommand({ name: opts.name, description: `${opts.name} for tests` }));
  const apiId = api.id!;
  const root = (await gw.send(new GetResourcesCommand({ restApiId: apiId }))).items!.find((r) => r.path === '/')!;
  const resource = await gw.send(
    new CreateResourceCommand({ restApiId: apiId, parentId: root.id!, pathPart: opts.pathPart ?? 'orders' }),
  );
  const m = { restApiId: apiId, resourceId: resource.id!, httpMethod: 'GET' };
  await gw.send(new PutMethodCommand({ ...m, authorizationType: 'NONE' }));
  await gw.send(
    new PutIntegrationCommand({ ...m, type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }),
  );
  await gw.send(new PutMethodResponseCommand({ ...m, statusCode: '200' }));
  await gw.send(
    new PutIntegrationResponseCommand({
      ...m,
      statusCode: '200',
      responseTemplates: { 'application/json': JSON.stringify(opts.body) },
    }),
  );
  if (opts.deploy ?? true) await gw.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'dev' }));
  return { apiId, resourceId: resource.id!, rootId: root.id! };
}
