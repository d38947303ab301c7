// API Gateway as the emulator serves it: REST APIs (v1) with stages, resources, methods and integrations, HTTP APIs
// (v2) with stages, routes and integrations, all paged; and a plain HTTP request to a stage's invoke URL.
// Plain records out (./records/apiGateway.ts), no SDK types.
import {
  GetIntegrationCommand,
  GetMethodCommand,
  GetResourcesCommand,
  GetRestApisCommand,
  GetStagesCommand,
  NotFoundException,
  type Integration,
} from '@aws-sdk/client-api-gateway';
import {
  GetApisCommand,
  GetIntegrationCommand as GetV2IntegrationCommand,
  GetIntegrationsCommand,
  GetRoutesCommand,
  GetStagesCommand as GetV2StagesCommand,
  type Integration as V2Integration,
} from '@aws-sdk/client-apigatewayv2';
import type { AwsClients } from './clients';
import type {
  ApiRecord,
  ApiRequest,
  ApiResponse,
  IntegrationRecord,
  MethodRecord,
  ResourceRecord,
  RouteRecord,
  StageRecord,
} from './records/apiGateway';

export * from './records/apiGateway';

interface Signal {
  readonly signal?: AbortSignal;
}
const opts = (s?: Signal) => (s?.signal ? { abortSignal: s.signal } : {});
const iso = (d: Date | undefined) => (d ? { lastUpdated: d.toISOString() } : {});

export interface Paged {
  readonly token?: string;
  readonly limit?: number;
}

// REST APIs (v1) ---------------------------------------------------------------------------------------------------

export async function listRestApis(
  clients: AwsClients,
  req: Paged & Signal = {},
): Promise<{ apis: ApiRecord[]; next?: string }> {
  const out = await clients
    .apiGateway()
    .send(new GetRestApisCommand({ position: req.token, limit: req.limit ?? 100 }), opts(req));
  const apis = (out.items ?? []).map((a): ApiRecord => ({
    kind: 'rest',
    id: a.id ?? '',
    name: a.name ?? a.id ?? '',
    ...(a.description ? { description: a.description } : {}),
    ...(a.createdDate ? { createdDate: a.createdDate.toISOString() } : {}),
  }));
  return { apis, ...(out.position ? { next: out.position } : {}) };
}

/** A REST API's stages (GetStages is not paged). */
export async function listRestStages(clients: AwsClients, apiId: string, s?: Signal): Promise<StageRecord[]> {
  const out = await clients.apiGateway().send(new GetStagesCommand({ restApiId: apiId }), opts(s));
  return (out.item ?? []).map((st) => ({
    apiId,
    name: st.stageName ?? '',
    ...(st.deploymentId ? { deploymentId: st.deploymentId } : {}),
    ...(st.description ? { description: st.description } : {}),
    ...iso(st.lastUpdatedDate),
  }));
}

export async function listResources(
  clients: AwsClients,
  req: { apiId: string } & Paged & Signal,
): Promise<{ resources: ResourceRecord[]; next?: string }> {
  const out = await clients
    .apiGateway()
    .send(new GetResourcesCommand({ restApiId: req.apiId, position: req.token, limit: req.limit ?? 100 }), opts(req));
  const resources = (out.items ?? [])
    .map((r): ResourceRecord => ({
      apiId: req.apiId,
      id: r.id ?? '',
      path: r.path ?? '/',
      ...(r.parentId ? { parentId: r.parentId } : {}),
      methods: Object.keys(r.resourceMethods ?? {}).sort(),
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
  return { resources, ...(out.position ? { next: out.position } : {}) };
}

function restIntegration(i: Integration): IntegrationRecord {
  return {
    type: i.type ?? 'UNKNOWN',
    ...(i.uri ? { uri: i.uri } : {}),
    ...(i.httpMethod ? { httpMethod: i.httpMethod } : {}),
  };
}

/** A REST method with its integration (undefined integration when none is set up). */
export async function getMethod(
  clients: AwsClients,
  req: { apiId: string; resourceId: string; httpMethod: string } & Signal,
): Promise<MethodRecord> {
  const m = await clients
    .apiGateway()
    .send(
      new GetMethodCommand({ restApiId: req.apiId, resourceId: req.resourceId, httpMethod: req.httpMethod }),
      opts(req),
    );
  let integration: IntegrationRecord | undefined = m.methodIntegration
    ? restIntegration(m.methodIntegration)
    : undefined;
  if (!integration) {
    try {
      const i = await clients
        .apiGateway()
        .send(
          new GetIntegrationCommand({ restApiId: req.apiId, resourceId: req.resourceId, httpMethod: req.httpMethod }),
          opts(req),
        );
      integration = restIntegration(i);
    } catch (err) {
      if (!(err instanceof NotFoundException)) throw err;
    }
  }
  return {
    httpMethod: m.httpMethod ?? req.httpMethod,
    ...(m.authorizationType ? { authorizationType: m.authorizationType } : {}),
    ...(m.apiKeyRequired !== undefined ? { apiKeyRequired: m.apiKeyRequired } : {}),
    ...(integration ? { integration } : {}),
  };
}

// HTTP APIs (v2) ---------------------------------------------------------------------------------------------------

export async function listHttpApis(
  clients: AwsClients,
  req: Paged & Signal = {},
): Promise<{ apis: ApiRecord[]; next?: string }> {
  const out = await clients
    .apiGatewayV2()
    .send(new GetApisCommand({ NextToken: req.token, MaxResults: String(req.limit ?? 100) }), opts(req));
  const apis = (out.Items ?? []).map((a): ApiRecord => ({
    kind: 'http',
    id: a.ApiId ?? '',
    name: a.Name ?? a.ApiId ?? '',
    ...(a.Description ? { description: a.Description } : {}),
    ...(a.ProtocolType ? { protocol: a.ProtocolType } : {}),
    ...(a.CreatedDate ? { createdDate: a.CreatedDate.toISOString() } : {}),
  }));
  return { apis, ...(out.NextToken ? { next: out.NextToken } : {}) };
}

export async function listHttpStages(
  clients: AwsClients,
  req: { apiId: string } & Paged & Signal,
): Promise<{ stages: StageRecord[]; next?: string }> {
  const out = await clients
    .apiGatewayV2()
    .send(
      new GetV2StagesCommand({ ApiId: req.apiId, NextToken: req.token, MaxResults: String(req.limit ?? 100) }),
      opts(req),
    );
  const stages = (out.Items ?? []).map((st): StageRecord => ({
    apiId: req.apiId,
    name: st.StageName ?? '',
    ...(st.DeploymentId ? { deploymentId: st.DeploymentId } : {}),
    ...(st.Description ? { description: st.Description } : {}),
    ...iso(st.LastUpdatedDate),
  }));
  return { stages, ...(out.NextToken ? { next: out.NextToken } : {}) };
}

export async function listRoutes(
  clients: AwsClients,
  req: { apiId: string } & Paged & Signal,
): Promise<{ routes: RouteRecord[]; next?: string }> {
  const out = await clients
    .apiGatewayV2()
    .send(
      new GetRoutesCommand({ ApiId: req.apiId, NextToken: req.token, MaxResults: String(req.limit ?? 100) }),
      opts(req),
    );
  const routes = (out.Items ?? [])
    .map((r): RouteRecord => ({
      apiId: req.apiId,
      id: r.RouteId ?? '',
      routeKey: r.RouteKey ?? '',
      ...(r.Target ? { target: r.Target } : {}),
      ...(r.AuthorizationType ? { authorizationType: r.AuthorizationType } : {}),
    }))
    .sort((a, b) => a.routeKey.localeCompare(b.routeKey));
  return { routes, ...(out.NextToken ? { next: out.NextToken } : {}) };
}

function httpIntegration(i: V2Integration): IntegrationRecord {
  return {
    type: i.IntegrationType ?? 'UNKNOWN',
    ...(i.IntegrationId ? { integrationId: i.IntegrationId } : {}),
    ...(i.IntegrationUri ? { uri: i.IntegrationUri } : {}),
    ...(i.IntegrationMethod ? { httpMethod: i.IntegrationMethod } : {}),
    ...(i.PayloadFormatVersion ? { payloadFormatVersion: i.PayloadFormatVersion } : {}),
  };
}

export async function getHttpIntegration(
  clients: AwsClients,
  req: { apiId: string; integrationId: string } & Signal,
): Promise<IntegrationRecord> {
  const out = await clients
    .apiGatewayV2()
    .send(new GetV2IntegrationCommand({ ApiId: req.apiId, IntegrationId: req.integrationId }), opts(req));
  return httpIntegration(out);
}

export async function listHttpIntegrations(
  clients: AwsClients,
  req: { apiId: string } & Paged & Signal,
): Promise<{ integrations: IntegrationRecord[]; next?: string }> {
  const out = await clients
    .apiGatewayV2()
    .send(
      new GetIntegrationsCommand({ ApiId: req.apiId, NextToken: req.token, MaxResults: String(req.limit ?? 100) }),
      opts(req),
    );
  return { integrations: (out.Items ?? []).map(httpIntegration), ...(out.NextToken ? { next: out.NextToken } : {}) };
}

// Invoking a stage ---------------------------------------------------------------------------------------------------

/** The most of a response body kept (the rest is cut and `truncated` set). */
export const MAX_RESPONSE_BYTES = 1_000_000;

/**
 * Sends one HTTP request to an invoke URL and reads at most `maxBytes` of the answer. Not an SDK call: the request
 * goes to the API the learner built, unsigned, exactly as a client of theirs would send it.
 */
export async function sendApiRequest(
  req: ApiRequest & Signal & { timeoutMs?: number; maxBytes?: number },
): Promise<ApiResponse> {
  const started = performance.now();
  const timeout = AbortSignal.timeout(req.timeoutMs ?? 30_000);
  const method = req.method.toUpperCase();
  const res = await fetch(req.url, {
    method,
    headers: { ...(req.headers ?? {}) },
    ...(req.body !== undefined && req.body !== '' && method !== 'GET' && method !== 'HEAD' ? { body: req.body } : {}),
    signal: req.signal ? AbortSignal.any([req.signal, timeout]) : timeout,
    redirect: 'manual',
  });
  const limit = req.maxBytes ?? MAX_RESPONSE_BYTES;
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (size + value.byteLength > limit) {
        chunks.push(value.subarray(0, limit - size));
        size = limit;
        truncated = true;
        await reader.cancel();
        break;
      }
      chunks.push(value);
      size += value.byteLength;
    }
  }
  const headers: [string, string][] = [];
  res.headers.forEach((value, name) => headers.push([name, value]));
  return {
    status: res.status,
    statusText: res.statusText,
    headers,
    body: Buffer.concat(chunks).toString('utf8'),
    truncated,
    elapsedMs: Math.round(performance.now() - started),
  };
}
