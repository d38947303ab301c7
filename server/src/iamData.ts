// Loads the IAM catalogue generated at build time (scripts/gen-iam-data.mjs → dist/iam-data.json) and builds the
// `IamData` maps the analysis core consults. Outside the core because it reads a file; called once, lazily, by the
// language server and the CLI. Start-up parses only a small header; each service's JSON is parsed, and its maps
// built, the first time a rule or hover asks for that service.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogMemo } from './core/iam/catalogMemo';
import type {
  AccessLevel,
  ActionInfo,
  ConditionKeyInfo,
  IamData,
  RetiredService,
  ResourceTypeInfo,
  ServiceInfo,
} from './core/iam/data';

const FORMAT = 3;

type KeyTuple = [name: string, description?: string, type?: string];
type ResourceRefTuple = [name: string, required?: 0 | 1, conditionKeys?: string[]];
type ActionTuple = [
  name: string,
  description?: string,
  level?: number,
  resourceTypes?: ResourceRefTuple[],
  conditionKeys?: string[],
  dependentActions?: string[],
];
type ResourceTuple = [name: string, arn?: string, conditionKeys?: string[]];
interface ServiceJson {
  readonly a: ActionTuple[];
  readonly r: ResourceTuple[];
  readonly k: KeyTuple[];
}
interface IamDataHeader {
  readonly format: number;
  readonly version: string;
  readonly updatedAt: string;
  readonly levels: AccessLevel[];
  readonly global: KeyTuple[];
  readonly retired?: Record<string, { name: string; retired?: string }>;
  readonly former?: string[];
  readonly keyOwners?: Record<string, string[]>;
  /** Prefix → [service name, start, end]: where the service's JSON lies in the file text. */
  readonly services: Record<string, [name: string, start: string, end: string]>;
}

const EMPTY: readonly never[] = [];

/**
 * Where the generated file is: next to the bundle (dist/server.js, dist/cli.js), or in dist/ when running from
 * source (tests under tsx).
 */
export function defaultIamDataPath(): string {
  const candidates = [join(__dirname, 'iam-data.json'), join(__dirname, '..', '..', 'dist', 'iam-data.json')];
  return candidates.find((c) => existsSync(c)) ?? candidates[0]!;
}

function keyInfo(t: KeyTuple): ConditionKeyInfo {
  return { name: t[0], description: t[1] ?? '', type: t[2] ?? 'String' };
}

function byLowerName<T extends { readonly name: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  const m = new Map<string, T>();
  for (const i of items) m.set(i.name.toLowerCase(), i);
  return m;
}

function service(prefix: string, name: string, body: () => ServiceJson, levels: readonly AccessLevel[]): ServiceInfo {
  let json: ServiceJson | undefined;
  const load = (): ServiceJson => (json ??= body());
  let actions: ReadonlyMap<string, ActionInfo> | undefined;
  let resourceTypes: ReadonlyMap<string, ResourceTypeInfo> | undefined;
  let conditionKeys: ReadonlyMap<string, ConditionKeyInfo> | undefined;
  return {
    prefix,
    name,
    get actions() {
      actions ??= byLowerName(
        load().a.map((a): ActionInfo => ({
          name: a[0],
          description: a[1] ?? '',
          accessLevel: levels[a[2] ?? 0] ?? 'List',
          resourceTypes: (a[3] ?? EMPTY).map((r) => ({
            name: r[0],
            required: r[1] === 1,
            conditionKeys: r[2] ?? EMPTY,
          })),
          conditionKeys: a[4] ?? EMPTY,
          dependentActions: a[5] ?? EMPTY,
        })),
      );
      return actions;
    },
    get resourceTypes() {
      resourceTypes ??= byLowerName(
        load().r.map((r): ResourceTypeInfo => ({ name: r[0], arn: r[1] ?? '', conditionKeys: r[2] ?? EMPTY })),
      );
      return resourceTypes;
    },
    get conditionKeys() {
      conditionKeys ??= byLowerName(load().k.map(keyInfo));
      return conditionKeys;
    },
  };
}

/** The supplement's lists as the maps IamData carries (the generator merged them into the header). */
export function supplementMaps(extra: {
  readonly retired?: Record<string, { name: string; retired?: string }>;
  readonly former?: readonly string[];
  readonly keyOwners?: Record<string, string[]>;
}): Pick<IamData, 'retiredServices' | 'formerActions' | 'keyOwners'> {
  const retiredServices = new Map<string, RetiredService>();
  for (const [prefix, s] of Object.entries(extra.retired ?? {})) {
    retiredServices.set(prefix.toLowerCase(), { prefix, ...s });
  }
  const keyOwners = new Map<string, readonly string[]>();
  for (const [prefix, owners] of Object.entries(extra.keyOwners ?? {})) keyOwners.set(prefix.toLowerCase(), owners);
  return {
    retiredServices,
    formerActions: new Set((extra.former ?? []).map((a) => a.toLowerCase())),
    keyOwners,
  };
}

/** Builds the catalogue from the generated file's text (exported for tests that generate to a temporary path). */
export function iamDataFromText(text: string): IamData {
  const newline = text.indexOf('\n');
  const header = JSON.parse(newline < 0 ? text : text.slice(0, newline)) as IamDataHeader;
  if (header.format !== FORMAT) {
    throw new Error(`IAM data format ${String(header.format)} is not supported (expected ${FORMAT}); rebuild`);
  }
  const services = new Map<string, ServiceInfo>();
  for (const [prefix, [name, start, end]] of Object.entries(header.services)) {
    const body = (): ServiceJson => JSON.parse(text.slice(Number(start), Number(end))) as ServiceJson;
    services.set(prefix.toLowerCase(), service(prefix, name, body, header.levels));
  }
  const data: IamData = {
    updatedAt: header.updatedAt,
    version: header.version,
    services,
    globalConditionKeys: byLowerName(header.global.map(keyInfo)),
    ...supplementMaps(header),
  };
  // One table of worked-out answers for every document analysed against this catalogue (the server, the CLI).
  return { ...data, memo: new CatalogMemo(data) };
}

/** Reads and builds the catalogue. Throws "Loading IAM data failed: <reason>" when the file is missing or bad. */
export function loadIamData(file: string = defaultIamDataPath()): IamData {
  try {
    return iamDataFromText(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`Loading IAM data failed: ${e instanceof Error ? e.message : String(e)} (${file})`);
  }
}
