// API Gateway in the explorer: REST APIs and HTTP APIs, each API's stages (with the local invoke URL), under a stage
// its resources (REST: path → methods → integration) or routes (HTTP: route → integration).
import {
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
  type ApiKind,
  type IntegrationRecord,
} from '../../aws/apiGateway';
import { describeError } from '../../aws/errors';
import { mapLimit } from '../../aws/concurrency';
import { infoNode, type ExplorerNode, type ListRequest, type Page, type ServiceExplorer } from '../model';

declare module '../model/refs' {
  interface ResourceRefMap {
    'apigateway.folder': { readonly apiKind: ApiKind };
    'apigateway.api': { readonly apiKind: ApiKind; readonly apiId: string; readonly name: string };
    'apigateway.stage': { readonly apiKind: ApiKind; readonly apiId: string; readonly stage: string };
    'apigateway.resource': {
      readonly apiId: string;
      readonly stage: string;
      readonly resourceId: string;
      readonly path: string;
      readonly methods: readonly string[];
    };
    'apigateway.method': {
      readonly apiId: string;
      readonly stage: string;
      readonly resourceId: string;
      readonly path: string;
      readonly httpMethod: string;
      readonly integration?: IntegrationRecord;
    };
    'apigateway.route': {
      readonly apiId: string;
      readonly stage: string;
      readonly routeKey: string;
      readonly integrationId?: string;
    };
    'apigateway.integration': { readonly integration: IntegrationRecord };
  }
}

export const SEND_REQUEST = 'localCloudLab.apigateway.sendRequest';

/** "MOCK", "HTTP → POST http://…", "AWS_PROXY → lambda:orders". */
export function integrationText(i: IntegrationRecord): string {
  const lambda = /:function:([^/:]+)/.exec(i.uri ?? '');
  const target = lambda ? `lambda:${lambda[1]}` : i.uri;
  return target ? `${i.type} → ${i.httpMethod && !lambda ? `${i.httpMethod} ` : ''}${target}` : i.type;
}

/** HTTP APIs are API Gateway v2, which LocalStack community does not implement: an info row, not an error. */
function notOffered(err: unknown): boolean {
  const text = describeError(err);
  // LocalStack's words for a service it does not run (community edition, or left out of SERVICES).
  const status = (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  return (
    status === 501 ||
    /no handler for operation|is not enabled|not part of the active license|not yet implemented|pro feature|NotImplemented/i.test(
      text,
    )
  );
}

function integrationLeaf(parentId: string, integration: IntegrationRecord): ExplorerNode {
  return {
    id: `${parentId}/integration`,
    label: integrationText(integration),
    description: integration.payloadFormatVersion ? `payload ${integration.payloadFormatVersion}` : undefined,
    tooltip: [
      `Integration type: ${integration.type}`,
      integration.uri ? `URI: ${integration.uri}` : 'No backend: the method answers from its mapping templates.',
      integration.httpMethod ? `Backend method: ${integration.httpMethod}` : undefined,
    ]
      .filter(Boolean)
      .join('\n'),
    icon: integration.type === 'MOCK' ? 'beaker' : integration.type.startsWith('AWS') ? 'symbol-function' : 'link',
    contextValue: 'lcl.apigateway.integration',
    collapsible: 'none',
    ref: { kind: 'apigateway.integration', integration },
  };
}

const apigateway: ServiceExplorer = {
  id: 'apigateway',
  label: 'API Gateway',
  icon: 'globe',
  order: 100,
  healthNames: ['apigateway'],
  listOperation: 'List APIs',

  operationFor(parent) {
    switch (parent.ref.kind) {
      case 'apigateway.folder':
        return parent.ref.apiKind === 'rest' ? 'List REST APIs' : 'List HTTP APIs';
      case 'apigateway.api':
        return 'List stages';
      case 'apigateway.stage':
        return parent.ref.apiKind === 'rest' ? 'List resources' : 'List routes';
      case 'apigateway.resource':
        return 'Read methods';
      default:
        return 'Read integration';
    }
  },

  async children(parent: ExplorerNode | undefined, req: ListRequest): Promise<Page> {
    const limit = Math.min(500, req.pageSize);
    if (!parent) {
      return {
        nodes: (['rest', 'http'] as const).map((apiKind) => ({
          id: `apigateway:${apiKind}`,
          label: apiKind === 'rest' ? 'REST APIs' : 'HTTP APIs',
          description: apiKind === 'rest' ? 'API Gateway v1' : 'API Gateway v2',
          icon: 'folder',
          contextValue: `lcl.apigateway.folder.${apiKind}`,
          collapsible: 'collapsed',
          ref: { kind: 'apigateway.folder', apiKind },
        })),
      };
    }
    const ref = parent.ref;
    switch (ref.kind) {
      case 'apigateway.folder': {
        let page;
        try {
          page =
            ref.apiKind === 'rest'
              ? await listRestApis(req.clients, { token: req.cursor, limit, signal: req.signal })
              : await listHttpApis(req.clients, { token: req.cursor, limit, signal: req.signal });
        } catch (err) {
          if (ref.apiKind === 'http' && notOffered(err)) {
            return {
              nodes: [
                infoNode(parent.id, 'HTTP APIs (API Gateway v2) are not offered by this emulator', 'circle-slash'),
              ],
            };
          }
          throw err;
        }
        return {
          nodes: page.apis.map((a) => ({
            id: `apigateway:api:${a.kind}:${a.id}`,
            label: a.name,
            description: [a.id, a.protocol && a.protocol !== 'HTTP' ? a.protocol : undefined]
              .filter(Boolean)
              .join(' · '),
            tooltip: [
              `${a.kind === 'rest' ? 'REST' : 'HTTP'} API ${a.id}`,
              a.description,
              a.createdDate && `Created ${a.createdDate}`,
            ]
              .filter(Boolean)
              .join('\n'),
            icon: 'globe',
            contextValue: `lcl.apigateway.api.${a.kind}`,
            collapsible: 'collapsed',
            ref: { kind: 'apigateway.api', apiKind: a.kind, apiId: a.id, name: a.name },
          })),
          next: page.next,
        };
      }
      case 'apigateway.api': {
        const page =
          ref.apiKind === 'rest'
            ? { stages: await listRestStages(req.clients, ref.apiId, { signal: req.signal }), next: undefined }
            : await listHttpStages(req.clients, { apiId: ref.apiId, token: req.cursor, limit, signal: req.signal });
        const conn = req.clients.connection;
        return {
          nodes: page.stages.map((st) => {
            const [url] = invokeUrls({
              backend: req.backend?.kind ?? 'generic',
              endpoint: conn.endpoint,
              region: conn.region,
              apiKind: ref.apiKind,
              apiId: ref.apiId,
              stage: st.name,
            });
            return {
              id: `apigateway:stage:${ref.apiId}/${st.name}`,
              label: st.name,
              description: url?.url,
              tooltip: [
                `Stage ${st.name} of ${ref.name}`,
                url ? `Invoke URL: ${url.url}${url.served ? '' : ' (not served by this emulator)'}` : undefined,
                st.deploymentId ? `Deployment: ${st.deploymentId}` : undefined,
                st.lastUpdated ? `Updated: ${st.lastUpdated}` : undefined,
                'Right-click → Send Request.',
              ]
                .filter(Boolean)
                .join('\n'),
              icon: 'rocket',
              contextValue: 'lcl.apigateway.stage',
              collapsible: 'collapsed',
              ref: { kind: 'apigateway.stage', apiKind: ref.apiKind, apiId: ref.apiId, stage: st.name },
            } satisfies ExplorerNode;
          }),
          next: page.next,
        };
      }
      case 'apigateway.stage': {
        if (ref.apiKind === 'rest') {
          const page = await listResources(req.clients, {
            apiId: ref.apiId,
            token: req.cursor,
            limit,
            signal: req.signal,
          });
          return {
            nodes: page.resources.map((r) => ({
              id: `apigateway:resource:${ref.apiId}/${ref.stage}/${r.id}`,
              label: r.path,
              description: r.methods.join(' '),
              tooltip: `Resource ${r.id}\nMethods: ${r.methods.join(', ') || 'none'}\nRight-click → Send Request.`,
              icon: 'symbol-namespace',
              contextValue: 'lcl.apigateway.resource',
              collapsible: r.methods.length ? 'collapsed' : 'none',
              ref: {
                kind: 'apigateway.resource',
                apiId: ref.apiId,
                stage: ref.stage,
                resourceId: r.id,
                path: r.path,
                methods: r.methods,
              },
            })),
            next: page.next,
          };
        }
        const page = await listRoutes(req.clients, { apiId: ref.apiId, token: req.cursor, limit, signal: req.signal });
        return {
          nodes: page.routes.map((r) => {
            const integrationId = integrationIdOfTarget(r.target);
            return {
              id: `apigateway:route:${ref.apiId}/${ref.stage}/${r.id}`,
              label: r.routeKey,
              description: integrationId ? undefined : 'no integration',
              tooltip: `Route ${r.id}${r.authorizationType ? `\nAuthorization: ${r.authorizationType}` : ''}`,
              icon: 'symbol-method',
              contextValue: 'lcl.apigateway.route',
              collapsible: integrationId ? 'collapsed' : 'none',
              ref: {
                kind: 'apigateway.route',
                apiId: ref.apiId,
                stage: ref.stage,
                routeKey: r.routeKey,
                ...(integrationId ? { integrationId } : {}),
              },
            } satisfies ExplorerNode;
          }),
          next: page.next,
        };
      }
      case 'apigateway.resource': {
        const methods = await mapLimit(ref.methods, 4, (httpMethod) =>
          getMethod(req.clients, { apiId: ref.apiId, resourceId: ref.resourceId, httpMethod, signal: req.signal }),
        );
        return {
          nodes: methods.map((m) => ({
            id: `apigateway:method:${ref.apiId}/${ref.stage}/${ref.resourceId}/${m.httpMethod}`,
            label: m.httpMethod,
            description: m.integration ? m.integration.type : 'no integration',
            tooltip: [
              `${m.httpMethod} ${ref.path}`,
              m.authorizationType ? `Authorization: ${m.authorizationType}` : undefined,
              m.apiKeyRequired ? 'API key required' : undefined,
              m.integration ? `Integration: ${integrationText(m.integration)}` : 'No integration yet.',
            ]
              .filter(Boolean)
              .join('\n'),
            icon: 'symbol-method',
            contextValue: 'lcl.apigateway.method',
            collapsible: m.integration ? 'collapsed' : 'none',
            ref: {
              kind: 'apigateway.method',
              apiId: ref.apiId,
              stage: ref.stage,
              resourceId: ref.resourceId,
              path: ref.path,
              httpMethod: m.httpMethod,
              ...(m.integration ? { integration: m.integration } : {}),
            },
          })),
        };
      }
      case 'apigateway.method':
        return { nodes: ref.integration ? [integrationLeaf(parent.id, ref.integration)] : [] };
      case 'apigateway.route': {
        if (!ref.integrationId) return { nodes: [] };
        const integration = await getHttpIntegration(req.clients, {
          apiId: ref.apiId,
          integrationId: ref.integrationId,
          signal: req.signal,
        });
        return { nodes: [integrationLeaf(parent.id, integration)] };
      }
      default:
        return { nodes: [] };
    }
  },
};

export default apigateway;
