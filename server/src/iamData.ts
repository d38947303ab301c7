// Loads the IAM catalogue generated at build time (scripts/gen-iam-data.mjs → dist/iam-data.json) and builds the
// `IamData` maps the analysis core consults. Outside the core because it reads a file; called once, lazily, by the
// language server and the CLI. Each service's maps are built on first use, so start-up pays only for JSON.parse.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  AccessLevel,
  ActionInfo,
  ConditionKeyInfo,
  IamData,
  ResourceTypeInfo,
  ServiceInfo,
} from './core/iam/data';

const FORMAT = 1;

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
  readonly n: string;
  readonly a: ActionTuple[];
  readonly r: ResourceTuple[];
  readonly k: KeyTuple[];
}
interface IamDataJson {
  readonly format: number;
  readonly version: string;
  readonly updatedAt: string;
  readonly levels: AccessLevel[];
  readonly global: KeyTuple[];
  readonly services: Record<string, ServiceJson>;
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

function service(prefix: string, json: ServiceJson, levels: readonly AccessLevel[]): ServiceInfo {
  let actions: ReadonlyMap<string, ActionInfo> | undefined;
  let resourceTypes: ReadonlyMap<string, ResourceTypeInfo> | undefined;
  let conditionKeys: ReadonlyMap<string, ConditionKeyInfo> | undefined;
  return {
    prefix,
    name: json.n,
    get actions() {
      actions ??= byLowerName(
        json.a.map((a): ActionInfo => ({
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
        json.r.map((r): ResourceTypeInfo => ({ name: r[0], arn: r[1] ?? '', conditionKeys: r[2] ?? EMPTY })),
      );
      return resourceTypes;
    },
    get conditionKeys() {
      conditionKeys ??= byLowerName(json.k.map(keyInfo));
      return conditionKeys;
    },
  };
}

/** Builds the catalogue from the generated JSON text (exported for tests that generate to a temporary path). */
export function iamDataFromJson(text: string): IamData {
  const json = JSON.parse(text) as IamDataJson;
  if (json.format !== FORMAT) {
    throw new Error(`IAM data format ${String(json.format)} is not supported (expected ${FORMAT}); rebuild`);
  }
  const services = new Map<string, ServiceInfo>();
  for (const [prefix, s] of Object.entries(json.services)) {
    services.set(prefix.toLowerCase(), service(prefix, s, json.levels));
  }
  return {
    updatedAt: json.updatedAt,
    version: json.version,
    services,
    globalConditionKeys: byLowerName(json.global.map(keyInfo)),
  };
}

/** Reads and builds the catalogue. Throws "Loading IAM data failed: <reason>" when the file is missing or bad. */
export function loadIamData(file: string = defaultIamDataPath()): IamData {
  try {
    return iamDataFromJson(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`Loading IAM data failed: ${e instanceof Error ? e.message : String(e)} (${file})`);
  }
}
