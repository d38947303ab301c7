// The wiring of API Gateway (routes → integrations), EventBridge (rules → targets) and Step Functions (definitions),
// read with this layer's service modules for src/aws/wiring.ts. Paged and bounded like the rest of the read.
import type { AwsClients } from './clients';
import {
  getMethod,
  integrationIdOfTarget,
  listHttpApis,
  listHttpIntegrations,
  listResources,
  listRestApis,
  listRoutes,
} from './apiGateway';
import { listEventBuses, listRules, listTargets } from './eventBridge';
import type { ApiReading, RuleReading, StateMachineReading } from './records/wiring';
import { mapLimit } from './concurrency';
import { describeStateMachine, listStateMachines } from './stepFunctions';

const PARALLEL = 8;
/** Routes, methods or targets read per API or rule. */
const MAX_PER_RESOURCE = 500;

/** Follows a listing's pages until it ends or `max` items are read. */
export async function readPages<T>(
  max: number,
  page: (token: string | undefined) => Promise<{ items: readonly T[]; next?: string }>,
): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const p = await page(token);
    out.push(...p.items);
    token = p.next;
  } while (token && out.length < max);
  return out.slice(0, max);
}

/** REST APIs with each method's integration URI (the first `max`). */
export async function readRestApiRoutes(clients: AwsClients, max: number, signal?: AbortSignal): Promise<ApiReading[]> {
  const s = signal ? { signal } : {};
  const region = clients.connection.region;
  const rest = await readPages(max, async (token) => {
    const p = await listRestApis(clients, { token, ...s });
    return { items: p.apis, next: p.next };
  });
  return mapLimit(rest, PARALLEL, async (api): Promise<ApiReading> => {
    const resources = await readPages(MAX_PER_RESOURCE, async (token) => {
      const p = await listResources(clients, { apiId: api.id, token, ...s });
      return { items: p.resources, next: p.next };
    });
    const methods = resources.flatMap((r) => r.methods.map((m) => ({ resource: r, method: m })));
    const routes = await mapLimit(methods.slice(0, MAX_PER_RESOURCE), 4, async ({ resource, method }) => {
      const m = await getMethod(clients, { apiId: api.id, resourceId: resource.id, httpMethod: method, ...s });
      return { route: `${method} ${resource.path}`, uri: m.integration?.uri ?? '' };
    });
    return {
      arn: `arn:aws:apigateway:${region}::/restapis/${api.id}`,
      name: api.name,
      kind: 'rest',
      routes: routes.filter((r) => r.uri),
    };
  });
}

/** HTTP APIs with each route's integration URI (the first `max`). */
export async function readHttpApiRoutes(clients: AwsClients, max: number, signal?: AbortSignal): Promise<ApiReading[]> {
  const s = signal ? { signal } : {};
  const region = clients.connection.region;
  const http = await readPages(max, async (token) => {
    const p = await listHttpApis(clients, { token, ...s });
    return { items: p.apis, next: p.next };
  });
  return mapLimit(http, PARALLEL, async (api): Promise<ApiReading> => {
    const integrations = await readPages(MAX_PER_RESOURCE, async (token) => {
      const p = await listHttpIntegrations(clients, { apiId: api.id, token, ...s });
      return { items: p.integrations, next: p.next };
    });
    const uris = new Map(integrations.map((i) => [i.integrationId ?? '', i.uri ?? '']));
    const routes = await readPages(MAX_PER_RESOURCE, async (token) => {
      const p = await listRoutes(clients, { apiId: api.id, token, ...s });
      return { items: p.routes, next: p.next };
    });
    return {
      arn: `arn:aws:apigateway:${region}::/apis/${api.id}`,
      name: api.name,
      kind: 'http',
      routes: routes
        .map((r) => ({ route: r.routeKey, uri: uris.get(integrationIdOfTarget(r.target) ?? '') ?? '' }))
        .filter((r) => r.uri),
    };
  });
}

/** Rules of every event bus with their targets' ARNs. */
export async function readRules(clients: AwsClients, max: number, signal?: AbortSignal): Promise<RuleReading[]> {
  const s = signal ? { signal } : {};
  const buses = await readPages(max, async (token) => {
    const p = await listEventBuses(clients, { token, ...s });
    return { items: p.buses, next: p.next };
  });
  const rules: RuleReading[] = [];
  for (const bus of buses) {
    if (rules.length >= max) break;
    const found = await readPages(max - rules.length, async (token) => {
      const p = await listRules(clients, { bus: bus.name, token, ...s });
      return { items: p.rules, next: p.next };
    });
    rules.push(
      ...(await mapLimit(found, PARALLEL, async (rule): Promise<RuleReading> => {
        const targets = await readPages(MAX_PER_RESOURCE, async (token) => {
          const p = await listTargets(clients, { bus: bus.name, rule: rule.name, token, ...s });
          return { items: p.targets, next: p.next };
        });
        return { arn: rule.arn, name: rule.name, targets: targets.map((t) => t.arn).filter(Boolean) };
      })),
    );
  }
  return rules;
}

/** State machines with their definitions. */
export async function readStateMachines(
  clients: AwsClients,
  max: number,
  signal?: AbortSignal,
): Promise<StateMachineReading[]> {
  const s = signal ? { signal } : {};
  const machines = await readPages(max, async (token) => {
    const p = await listStateMachines(clients, { token, ...s });
    return { items: p.machines, next: p.next };
  });
  return mapLimit(machines, PARALLEL, async (m) => {
    const d = await describeStateMachine(clients, m.arn, s);
    return { arn: m.arn, name: m.name, definition: d.definition };
  });
}
