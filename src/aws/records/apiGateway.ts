// Plain records of API Gateway (REST and HTTP APIs) and the invoke URLs each emulator serves a stage at. The explorer,
// the Send Request command and the architecture view share them, so this file imports nothing.

export type ApiKind = 'rest' | 'http';

export interface ApiRecord {
  readonly kind: ApiKind;
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  /** HTTP APIs: HTTP or WEBSOCKET. */
  readonly protocol?: string;
  readonly createdDate?: string;
}

export interface StageRecord {
  readonly apiId: string;
  readonly name: string;
  readonly deploymentId?: string;
  readonly description?: string;
  readonly lastUpdated?: string;
}

export interface IntegrationRecord {
  /** MOCK, HTTP, HTTP_PROXY, AWS, AWS_PROXY. */
  readonly type: string;
  /** The backend: a Lambda invocation ARN, an HTTP URL, or nothing for MOCK. */
  readonly uri?: string;
  /** The method API Gateway calls the backend with (not used by MOCK). */
  readonly httpMethod?: string;
  /** HTTP APIs only. */
  readonly integrationId?: string;
  readonly payloadFormatVersion?: string;
}

export interface MethodRecord {
  readonly httpMethod: string;
  readonly authorizationType?: string;
  readonly apiKeyRequired?: boolean;
  /** Undefined when the method has no integration yet (the emulator answers NotFound). */
  readonly integration?: IntegrationRecord;
}

/** A REST API resource: one path with its methods. */
export interface ResourceRecord {
  readonly apiId: string;
  readonly id: string;
  readonly path: string;
  readonly parentId?: string;
  /** Method names as the resource lists them (ANY, GET, POST…). */
  readonly methods: readonly string[];
}

/** An HTTP API route: `GET /orders/{id}`, `$default`. */
export interface RouteRecord {
  readonly apiId: string;
  readonly id: string;
  readonly routeKey: string;
  /** `integrations/<id>` when the route has one. */
  readonly target?: string;
  readonly authorizationType?: string;
}

/** The integration id a route's target names (`integrations/abc123` → `abc123`). */
export function integrationIdOfTarget(target: string | undefined): string | undefined {
  const m = /^integrations\/(.+)$/.exec(target ?? '');
  return m ? m[1] : undefined;
}

/** The emulator families whose invoke URL forms differ. */
export type InvokeBackend = 'localstack' | 'floci' | 'moto' | 'generic';

export interface InvokeUrl {
  readonly url: string;
  /** What the form is called, for a picker: "LocalStack _aws/execute-api". */
  readonly label: string;
  /** False when the emulator is known not to serve requests at this URL (moto server serves none). */
  readonly served: boolean;
}

/**
 * The URLs at which a stage can be invoked on the emulator, the preferred one first.
 * LocalStack serves `<endpoint>/_aws/execute-api/<api>/<stage>/…` and the older
 * `<endpoint>/restapis/<api>/<stage>/_user_request_/…` (REST APIs only); moto's models name AWS's own form
 * `https://<api>.execute-api.<region>.amazonaws.com/<stage>`, which moto server does not serve over HTTP.
 * An HTTP API's `$default` stage has no stage segment.
 */
export function invokeUrls(req: {
  readonly backend: InvokeBackend;
  readonly endpoint: string;
  readonly region: string;
  readonly apiKind: ApiKind;
  readonly apiId: string;
  readonly stage: string;
  /** The resource path, e.g. `/orders/42`; default `/`. */
  readonly path?: string;
}): InvokeUrl[] {
  const base = req.endpoint.replace(/\/+$/, '');
  const path = normalisePath(req.path ?? '/');
  const stage = req.stage === '$default' ? '' : `/${encodeURIComponent(req.stage)}`;
  const awsForm = `https://${req.apiId}.execute-api.${req.region}.amazonaws.com${stage}${path}`;
  const executeApi = `${base}/_aws/execute-api/${req.apiId}${stage}${path}`;
  const userRequest = `${base}/restapis/${req.apiId}${stage}/_user_request_${path}`;
  switch (req.backend) {
    case 'localstack':
    case 'floci': {
      const urls: InvokeUrl[] = [{ url: executeApi, label: 'LocalStack _aws/execute-api', served: true }];
      if (req.apiKind === 'rest' && stage) {
        urls.push({ url: userRequest, label: 'LocalStack restapis/…/_user_request_', served: true });
      }
      return urls;
    }
    case 'moto':
      return [{ url: awsForm, label: 'moto (AWS form; moto server does not serve API requests)', served: false }];
    default:
      return [
        { url: executeApi, label: '_aws/execute-api', served: true },
        { url: awsForm, label: 'AWS form', served: false },
      ];
  }
}

function normalisePath(path: string): string {
  const p = path.trim() === '' ? '/' : path.trim();
  return p.startsWith('/') ? p : `/${p}`;
}

/** A REST resource path with its `{param}` segments filled from `values` (missing ones stay as written). */
export function fillPathParameters(path: string, values: Readonly<Record<string, string>>): string {
  return path.replace(/\{([^}+]+)\+?\}/g, (whole, name: string) =>
    values[name] !== undefined ? encodeURIComponent(values[name]!) : whole,
  );
}

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

export interface ApiRequest {
  readonly method: string;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface ApiResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
  /** True when the body was cut at the size limit. */
  readonly truncated: boolean;
  readonly elapsedMs: number;
}
