// Queries over the IAM catalogue (IamData): find services, actions, resource types and condition keys the way IAM
// itself matches them (case-insensitive names, `*`/`?` wildcards, `${Var}` ARN templates). Pure functions; the data
// object is passed in by the caller. Nothing here caches: the rules of one analysis share answers through IamFacts
// (facts.ts), which calls these.
import { compileGlob, tokensOf } from './evaluate/glob';
import type {
  AccessLevel,
  ActionInfo,
  ConditionKeyInfo,
  IamData,
  ResourceTypeInfo,
  RetiredService,
  ServiceInfo,
} from './data';

/** An action resolved in the catalogue. `fullName` is canonical, e.g. 's3:GetObject'. */
export interface ActionRef {
  readonly service: ServiceInfo;
  readonly action: ActionInfo;
  readonly fullName: string;
}

/** Access levels from least to most powerful (the order hovers and fixes present them in). */
export const ACCESS_LEVELS: readonly AccessLevel[] = ['List', 'Read', 'Tagging', 'Write', 'Permissions management'];

// ---------------------------------------------------------------------------------------------------------------
// Services and actions

export function findService(data: IamData, prefix: string): ServiceInfo | undefined {
  return data.services.get(prefix.toLowerCase());
}

/** Splits 'svc:Action' at its first colon; undefined when there is no colon. */
export function splitAction(text: string): { readonly service: string; readonly action: string } | undefined {
  const i = text.indexOf(':');
  return i < 0 ? undefined : { service: text.slice(0, i), action: text.slice(i + 1) };
}

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/** Makes the reference to a catalogue action (CatalogMemo passes one that hands out a single object per action). */
export type RefOf = (service: ServiceInfo, action: ActionInfo) => ActionRef;

function ref(service: ServiceInfo, action: ActionInfo): ActionRef {
  return { service, action, fullName: `${service.prefix}:${action.name}` };
}

/** Looks up one exact action ('S3:getobject' finds s3:GetObject). */
export function findAction(data: IamData, fullName: string, refOf: RefOf = ref): ActionRef | undefined {
  const parts = splitAction(fullName);
  if (!parts) return undefined;
  const service = findService(data, parts.service);
  const action = service?.actions.get(parts.action.toLowerCase());
  return service && action ? refOf(service, action) : undefined;
}

/** What a compiled IAM glob offers: a RegExp for ordinary patterns, a plain matcher for huge or many-star ones. */
export interface GlobMatcher {
  test(text: string): boolean;
}

/** Longest glob compiled to a RegExp; V8 refuses very large ones ("Regular expression too large"). */
const MAX_REGEXP_GLOB = 2000;

/** A case-insensitive matcher for an IAM glob (`*` any run, `?` one character). */
export function globToRegExp(glob: string): GlobMatcher {
  // Huge patterns, and patterns with several stars (`a*a*a*…b` makes a backtracking RegExp take exponential time).
  if (glob.length > MAX_REGEXP_GLOB || glob.indexOf('*', glob.indexOf('*', glob.indexOf('*') + 1) + 1) >= 0) {
    return hugeGlob(glob);
  }
  // One pass over the text: wildcards become their regex, other special characters are escaped.
  const src = glob.replace(/[\\^$.|+()[\]{}*?]/g, (ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : `\\${ch}`));
  return new RegExp(`^${src}$`, 'i');
}

/** The same match without a RegExp, for patterns too large to compile or with many stars (the evaluator's glob). */
function hugeGlob(glob: string): GlobMatcher {
  return { test: compileGlob(tokensOf(glob), { ignoreCase: true }) };
}

/**
 * Every catalogue action an action pattern grants: 's3:Get*', 'iam:?etRole', 's*:List*', or '*'.
 * An exact name gives at most one action. Unknown services or malformed patterns give none.
 */
export function expandActionPattern(data: IamData, pattern: string, refOf: RefOf = ref): ActionRef[] {
  if (pattern === '*') {
    const all: ActionRef[] = [];
    for (const service of data.services.values()) for (const a of service.actions.values()) all.push(refOf(service, a));
    return all;
  }
  const parts = splitAction(pattern);
  if (!parts) return [];
  if (!hasWildcard(pattern)) {
    const one = findAction(data, pattern, refOf);
    return one ? [one] : [];
  }
  const serviceRe = hasWildcard(parts.service) ? globToRegExp(parts.service) : undefined;
  const services = serviceRe
    ? [...data.services.values()].filter((s) => serviceRe.test(s.prefix))
    : [findService(data, parts.service)].filter((s): s is ServiceInfo => s !== undefined);
  // The literal start of the action part ('describe' of Describe*) rules most names out without the expression;
  // only an ASCII start, whose lower case agrees with the expression's case folding (catalogue names are ASCII).
  const wild = parts.action.search(/[*?]/);
  const start = (wild < 0 ? parts.action : parts.action.slice(0, wild)).toLowerCase();
  const filter = start.length > 0 && /^[\x20-\x7e]*$/.test(start);
  // A pattern that is its literal start and then only `*` (`s3:*`, `ec2:Describe*`, the usual ones) matches exactly
  // the names with that start: no expression to run per name.
  const prefixOnly = (filter || start.length === 0) && wild >= 0 && /^\**$/.test(parts.action.slice(wild));
  const re = prefixOnly ? undefined : globToRegExp(parts.action);
  const out: ActionRef[] = [];
  for (const service of services) {
    for (const [lower, a] of service.actions) {
      if (filter && !lower.startsWith(start)) continue;
      if (!re || re.test(a.name)) out.push(refOf(service, a));
    }
  }
  return out;
}

/** Does an action pattern (possibly with wildcards) match a concrete action name? Case-insensitive. */
export function actionMatches(pattern: string, fullName: string): boolean {
  return pattern === '*' || globToRegExp(pattern).test(fullName);
}

export function accessLevelOf(data: IamData, fullName: string): AccessLevel | undefined {
  return findAction(data, fullName)?.action.accessLevel;
}

/** The resource types an action can be scoped to, resolved to their ARN templates ('*'-only actions: none). */
export function resourceTypesOf(data: IamData, fullName: string): ResourceTypeInfo[] {
  const r = findAction(data, fullName);
  return r ? resourceTypesOfRef(r) : [];
}

export function resourceTypesOfRef(r: ActionRef): ResourceTypeInfo[] {
  const out: ResourceTypeInfo[] = [];
  for (const rt of r.action.resourceTypes) {
    const info = r.service.resourceTypes.get(rt.name.toLowerCase());
    if (info) out.push(info);
  }
  return out;
}

/** The resource type to suggest for an action: the shortest ARN template of the action's own service. */
export function preferredResourceType(r: ActionRef): ResourceTypeInfo | undefined {
  const types = resourceTypesOfRef(r);
  const own = types.filter((t) => t.arn.split(':')[2] === r.service.prefix);
  return [...(own.length > 0 ? own : types)].sort((a, b) => a.arn.length - b.arn.length)[0];
}

/** True when the action accepts only `"*"` as its resource (no resource types in the catalogue). */
export function isWildcardOnly(r: ActionRef): boolean {
  return r.action.resourceTypes.length === 0;
}

/** Groups actions by access level, in ACCESS_LEVELS order, each group sorted by name. */
export function groupByAccessLevel(refs: readonly ActionRef[]): Map<AccessLevel, ActionRef[]> {
  const groups = new Map<AccessLevel, ActionRef[]>();
  for (const level of ACCESS_LEVELS) groups.set(level, []);
  for (const r of refs) groups.get(r.action.accessLevel)?.push(r);
  for (const [level, list] of groups) {
    if (list.length === 0) groups.delete(level);
    else list.sort((a, b) => a.fullName.localeCompare(b.fullName));
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------------------------
// ARNs and resource types

/**
 * The ARN templates one resource type stands for: the service reference joins alternatives with ", " (an API Gateway
 * authorizer is `…::/apis/${ApiId}/authorizers/${AuthorizerId}, …::/restapis/${RestApiId}/authorizers/…`).
 */
export function templateAlternatives(arn: string): string[] {
  return arn.includes(', ') ? arn.split(/,\s+(?=arn:)/) : [arn];
}

/** Policy variables and environment parts of a template that any concrete value of the user's stands for. */
const ENVIRONMENT_VARS = new Set(['partition', 'region', 'account']);

export type TemplateToken = string | { readonly variable: string; readonly slash: boolean; readonly colon: boolean };

/**
 * Splits an ARN template into literal characters and variables. Which variables may contain '/' or ':' is a
 * judgement the catalogue does not record: path-like names and the last variable may, unless that variable is the
 * whole resource part (a bucket or queue name never contains '/').
 */
export function tokenizeTemplate(template: string): TemplateToken[] {
  const tokens: TemplateToken[] = [];
  const re = /\$\{([^}]+)\}/g;
  let last = 0;
  const matches = [...template.matchAll(re)];
  // Start of the resource part: after the fifth colon.
  let colons = 0;
  let resourceStart = template.length;
  for (let i = 0; i < template.length; i++) {
    if (template[i] === ':' && ++colons === 5) {
      resourceStart = i + 1;
      break;
    }
  }
  matches.forEach((m, idx) => {
    const at = m.index ?? 0;
    for (const ch of template.slice(last, at)) tokens.push(ch);
    const name = m[1] ?? '';
    const end = at + m[0].length;
    const isLast = idx === matches.length - 1 && end === template.length;
    const wholeResource = isLast && at === resourceStart;
    const pathLike = /path|objectname|^keyname$|loggroupname|parametername|prefix|pattern/i.test(name);
    tokens.push({
      variable: name,
      slash: pathLike || (isLast && !wholeResource),
      colon: isLast && !wholeResource && !ENVIRONMENT_VARS.has(name.toLowerCase()),
    });
    last = end;
  });
  for (const ch of template.slice(last)) tokens.push(ch);
  return tokens;
}

/**
 * Can some ARN match both the policy's resource pattern (with `*`/`?`) and the resource type's ARN template?
 * This is the "does this resource fit this resource type" test (`arn:aws:s3:::b` fits a bucket, not an object).
 */
export function arnMatchesTemplate(pattern: string, template: string): boolean {
  return pattern === '*' || templateAlternatives(template).some((t) => arnMatchesTokens(pattern, tokenizeTemplate(t)));
}

/** arnMatchesTemplate over an already tokenized template. */
export function arnMatchesTokens(pattern: string, t: readonly TemplateToken[]): boolean {
  if (pattern === '*') return true;
  const p = [...pattern];
  // States (i, j) as one number i * width + j; a flat bit set (a bit per state: a 100 KB pattern against a long
  // template takes under a megabyte) for all but absurd inputs, which get a set of the states visited.
  const width = t.length + 1;
  const states = (p.length + 1) * width;
  const bitmap = states <= 1 << 27 ? new Uint32Array((states >>> 5) + 1) : undefined;
  const seenSet = bitmap ? undefined : new Set<number>();
  const stack: number[] = [0];
  while (stack.length > 0) {
    const key = stack.pop()!;
    if (bitmap) {
      const bit = 1 << (key & 31);
      if (bitmap[key >>> 5]! & bit) continue;
      bitmap[key >>> 5]! |= bit;
    } else {
      if (seenSet!.has(key)) continue;
      seenSet!.add(key);
    }
    const i = Math.floor(key / width);
    const j = key - i * width;
    if (i === p.length && j === t.length) return true;
    const pc = p[i];
    const tc = t[j];
    if (pc === '*') {
      stack.push(key + width); // (i + 1, j)
      if (tc !== undefined) stack.push(key + 1); // (i, j + 1)
      continue;
    }
    if (tc !== undefined && typeof tc !== 'string') {
      stack.push(key + 1); // empty variable (lenient)
      if (pc === '?') stack.push(key + width);
      else if (pc !== undefined && (pc !== '/' || tc.slash) && (pc !== ':' || tc.colon)) stack.push(key + width);
      continue;
    }
    if (pc === undefined || tc === undefined) continue;
    if (pc === '?' || pc === tc || pc.toLowerCase() === tc.toLowerCase()) stack.push(key + width + 1);
  }
  return false;
}

/**
 * Does the pattern match every resource of the type, within one account and Region? `*`, `arn:aws:s3:::*` and
 * `arn:aws:iam::123456789012:role/*` do; `arn:aws:iam::123456789012:role/app-*` does not. Risk rules treat such a
 * pattern like `*`.
 */
export function arnCoversResourceType(pattern: string, template: string): boolean {
  return pattern === '*' || templateAlternatives(template).every((t) => arnCoversTokens(pattern, tokenizeTemplate(t)));
}

/** arnCoversResourceType over an already tokenized template. */
export function arnCoversTokens(pattern: string, t: readonly TemplateToken[]): boolean {
  if (pattern === '*') return true;
  const p = [...pattern];
  const width = t.length + 1;
  // Each state (i, j) as one number, its answer in two flat bit sets (visited: known false or being worked out;
  // true: known true); a map for inputs too large for them.
  const states = (p.length + 1) * width;
  const words = states <= 1 << 27 ? (states >>> 5) + 1 : 0;
  const visited = words ? new Uint32Array(words) : undefined;
  const holds = words ? new Uint32Array(words) : undefined;
  const memo = visited ? undefined : new Map<number, number>();
  const onlyStars = (i: number): boolean => {
    for (let k = i; k < p.length; k++) if (p[k] !== '*') return false;
    return true;
  };
  const cover = (i: number, j: number): boolean => {
    const key = i * width + j;
    const word = key >>> 5;
    const bit = 1 << (key & 31);
    const known = visited ? (holds![word]! & bit ? 2 : visited[word]! & bit ? 1 : 0) : (memo!.get(key) ?? 0);
    if (known !== 0) return known === 2;
    if (visited) visited[word]! |= bit;
    else memo!.set(key, 1);
    let result = false;
    const pc = p[i];
    const tc = t[j];
    if (tc === undefined) result = onlyStars(i);
    else if (pc === '*') result = cover(i + 1, j) || cover(i, j + 1);
    else if (pc === undefined) result = false;
    else if (typeof tc !== 'string') {
      // A concrete partition, Region or account stands for the template's variable; other variables need a `*`.
      if (ENVIRONMENT_VARS.has(tc.variable.toLowerCase()) && pc !== ':') {
        let k = i;
        while (k < p.length && p[k] !== ':' && p[k] !== '*') k++;
        result = p[k] !== '*' && cover(k, j + 1);
      }
    } else result = pc.toLowerCase() === tc.toLowerCase() && cover(i + 1, j + 1);
    if (holds) {
      if (result) holds[word]! |= bit;
    } else memo!.set(key, result ? 2 : 1);
    return result;
  };
  return cover(0, 0);
}

/** The resource types of the action that a resource pattern fits (empty: the resource serves none). */
export function matchingResourceTypes(r: ActionRef, pattern: string): ResourceTypeInfo[] {
  return resourceTypesOfRef(r).filter((rt) => arnMatchesTemplate(pattern, rt.arn));
}

/** Parsed ARN: the five fixed fields and the resource part (which may itself contain ':'). */
export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}
export function parseArn(arn: string): ArnParts | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return {
    partition: parts[1] ?? '',
    service: parts[2] ?? '',
    region: parts[3] ?? '',
    account: parts[4] ?? '',
    resource: parts.slice(5).join(':'),
  };
}

/** Turns an ARN template into text a learner edits: `arn:aws:s3:::BUCKET_NAME/*`, `…:role/ROLE_NAME`. */
export function concreteArnExample(arnTemplate: string): string {
  // A resource type that joins two ARN forms: the first is the example.
  const template = templateAlternatives(arnTemplate)[0] ?? arnTemplate;
  return template.replace(/\$\{([^}]+)\}/g, (_m, name: string, offset: number) => {
    const lower = name.toLowerCase();
    if (lower === 'partition') return 'aws';
    if (lower === 'region') return 'us-east-1';
    if (lower === 'account') return '123456789012';
    // The last variable of a path-like resource is a good place for `*` (all objects of the bucket).
    if (offset + name.length + 3 === template.length && /objectname|keyname/i.test(name)) return '*';
    return name
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/WithPath$/i, '')
      .toUpperCase()
      .replace(/_WITH_PATH$/, '');
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Condition keys and operators

/** Matches a key written in a policy ('aws:ResourceTag/team') against a catalogue key with a template part. */
export function conditionKeyMatches(key: string, catalogueKey: string): boolean {
  return conditionKeyMatcher(catalogueKey)(key.toLowerCase());
}

/** conditionKeyMatches against one catalogue key, compiled once: the returned test takes a lower-case key. */
export function conditionKeyMatcher(catalogueKey: string): (lowerKey: string) => boolean {
  const lc = catalogueKey.toLowerCase();
  if (!/\$\{|\/tag-key$|<[^>]+>/.test(lc)) return (lk) => lk === lc;
  let src = '';
  for (const piece of lc.split(/(\$\{[^}]+\}|\/tag-key$|<[^>]+>)/)) {
    if (piece === '/tag-key') src += '/.+';
    else if (/^\$\{[^}]+\}$|^<[^>]+>$/.test(piece)) src += '.+';
    else src += piece.replace(/[\\^$.|*+?()[\]{}]/g, '\\$&');
  }
  const re = new RegExp(`^${src}$`);
  return (lk) => lk === lc || re.test(lk);
}

function lookupKey(map: ReadonlyMap<string, ConditionKeyInfo>, key: string): ConditionKeyInfo | undefined {
  const exact = map.get(key.toLowerCase());
  if (exact) return exact;
  for (const info of map.values()) if (conditionKeyMatches(key, info.name)) return info;
  return undefined;
}

/** A global condition key (aws:SourceIp, aws:PrincipalTag/team, …). */
export function findGlobalConditionKey(data: IamData, key: string): ConditionKeyInfo | undefined {
  return lookupKey(data.globalConditionKeys, key);
}

/** Any known key: global first, then the service named by the key's prefix. */
export function findConditionKey(data: IamData, key: string): ConditionKeyInfo | undefined {
  const global = findGlobalConditionKey(data, key);
  if (global) return global;
  const prefix = key.split(':')[0] ?? '';
  const service = findService(data, prefix);
  const own = service ? lookupKey(service.conditionKeys, key) : undefined;
  if (own) return own;
  // Some services define keys under another prefix (aws-marketplace defines catalog:ChangeType).
  for (const owner of data.keyOwners?.get(prefix.toLowerCase()) ?? []) {
    const s = findService(data, owner);
    const info = s ? lookupKey(s.conditionKeys, key) : undefined;
    if (info) return info;
  }
  return undefined;
}

/** The retired service a prefix names, if any (deeplens, iot1click, …). */
export function findRetiredService(data: IamData, prefix: string): RetiredService | undefined {
  return data.retiredServices?.get(prefix.toLowerCase());
}

/** Whether an action is missing from this catalogue but listed by another snapshot of it. */
export function isFormerAction(data: IamData, fullName: string): boolean {
  return data.formerActions?.has(fullName.toLowerCase()) ?? false;
}

/** Names of the condition keys an action supports: its resource types' keys and its own (globals excluded). */
export function actionConditionKeyNames(r: ActionRef): string[] {
  const names = new Set<string>();
  for (const rt of r.action.resourceTypes) {
    for (const k of rt.conditionKeys) names.add(k);
    const info = r.service.resourceTypes.get(rt.name.toLowerCase());
    for (const k of info?.conditionKeys ?? []) names.add(k);
  }
  for (const k of r.action.conditionKeys) names.add(k);
  return [...names];
}

/** Resolved keys an action supports; with `includeGlobal`, the global keys too. */
export function conditionKeysForAction(data: IamData, r: ActionRef, includeGlobal = true): ConditionKeyInfo[] {
  const out = new Map<string, ConditionKeyInfo>();
  for (const name of actionConditionKeyNames(r)) {
    const info = findConditionKey(data, name) ?? { name, description: '', type: 'String' };
    out.set(info.name.toLowerCase(), info);
  }
  if (includeGlobal) for (const g of data.globalConditionKeys.values()) out.set(g.name.toLowerCase(), g);
  return [...out.values()];
}

/** Does the action support this key (directly, through a resource type, or because it is global)? */
export function actionSupportsKey(data: IamData, r: ActionRef, key: string): boolean {
  if (findGlobalConditionKey(data, key)) return true;
  return actionConditionKeyNames(r).some((name) => conditionKeyMatches(key, name));
}

export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

/** Base condition operators (without IfExists or a set qualifier), with their family. */
export const CONDITION_OPERATORS: ReadonlyMap<string, OperatorFamily> = new Map<string, OperatorFamily>([
  ['StringEquals', 'String'],
  ['StringNotEquals', 'String'],
  ['StringEqualsIgnoreCase', 'String'],
  ['StringNotEqualsIgnoreCase', 'String'],
  ['StringLike', 'String'],
  ['StringNotLike', 'String'],
  ['NumericEquals', 'Numeric'],
  ['NumericNotEquals', 'Numeric'],
  ['NumericLessThan', 'Numeric'],
  ['NumericLessThanEquals', 'Numeric'],
  ['NumericGreaterThan', 'Numeric'],
  ['NumericGreaterThanEquals', 'Numeric'],
  ['DateEquals', 'Date'],
  ['DateNotEquals', 'Date'],
  ['DateLessThan', 'Date'],
  ['DateLessThanEquals', 'Date'],
  ['DateGreaterThan', 'Date'],
  ['DateGreaterThanEquals', 'Date'],
  ['Bool', 'Bool'],
  ['BinaryEquals', 'Binary'],
  ['IpAddress', 'IpAddress'],
  ['NotIpAddress', 'IpAddress'],
  ['ArnEquals', 'Arn'],
  ['ArnLike', 'Arn'],
  ['ArnNotEquals', 'Arn'],
  ['ArnNotLike', 'Arn'],
  ['Null', 'Null'],
]);

export type SetQualifier = 'ForAnyValue' | 'ForAllValues';

export interface ParsedOperator {
  readonly text: string;
  readonly qualifier?: SetQualifier;
  /** Canonical base name ('StringLike'), or undefined when the base is not an operator. */
  readonly base?: string;
  /** The base as written (without qualifier and IfExists). */
  readonly baseText: string;
  readonly ifExists: boolean;
  readonly family?: OperatorFamily;
  /** Problems with the qualifier part ('forAnyValue' misspelt, unknown qualifier). */
  readonly qualifierError?: string;
}

const OPERATOR_BY_LOWER: ReadonlyMap<string, string> = new Map(
  [...CONDITION_OPERATORS.keys()].map((k) => [k.toLowerCase(), k]),
);

/**
 * Operators seen so far: a policy repeats a handful of operators many times and a dozen rules parse each entry's, so
 * each spelling is parsed once (the answers are read-only). Bounded like the catalogue memo's tables.
 */
const parsedOperators = new Map<string, ParsedOperator>();
const MAX_PARSED_OPERATORS = 1000;

/** Parses 'ForAnyValue:StringLikeIfExists'. Names are matched ignoring case, as policy evaluation does. */
export function parseOperator(text: string): ParsedOperator {
  const known = parsedOperators.get(text);
  if (known) return known;
  const parsed = parseOperatorText(text);
  if (text.length <= 200) {
    if (parsedOperators.size >= MAX_PARSED_OPERATORS) parsedOperators.clear();
    parsedOperators.set(text, parsed);
  }
  return parsed;
}

function parseOperatorText(text: string): ParsedOperator {
  let rest = text;
  let qualifier: SetQualifier | undefined;
  let qualifierError: string | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const q = rest.slice(0, colon);
    rest = rest.slice(colon + 1);
    if (q.toLowerCase() === 'foranyvalue') qualifier = 'ForAnyValue';
    else if (q.toLowerCase() === 'forallvalues') qualifier = 'ForAllValues';
    else qualifierError = `unknown set qualifier ${q}`;
  }
  let ifExists = false;
  let baseText = rest;
  if (/.IfExists$/i.test(rest)) {
    ifExists = true;
    baseText = rest.slice(0, -'IfExists'.length);
  }
  const base = OPERATOR_BY_LOWER.get(baseText.toLowerCase());
  const family = base ? CONDITION_OPERATORS.get(base) : undefined;
  return {
    text,
    ...(qualifier ? { qualifier } : {}),
    ...(base ? { base } : {}),
    baseText,
    ifExists,
    ...(family ? { family } : {}),
    ...(qualifierError ? { qualifierError } : {}),
  };
}

/** Every valid operator spelling without a qualifier (base and IfExists forms), for suggestions and completion. */
export function allOperatorNames(): string[] {
  const out: string[] = [];
  for (const base of CONDITION_OPERATORS.keys()) {
    out.push(base);
    if (base !== 'Null') out.push(`${base}IfExists`);
  }
  return out;
}

/** The operator family that suits a condition key type ('ArrayOfARN' → 'Arn'). */
export function familyForKeyType(type: string): OperatorFamily | undefined {
  const t = type.replace(/^ArrayOf/i, '').toLowerCase();
  if (t === 'string') return 'String';
  if (t === 'arn') return 'Arn';
  if (t === 'numeric' || t === 'long' || t === 'integer') return 'Numeric';
  if (t === 'date') return 'Date';
  if (t === 'bool' || t === 'boolean') return 'Bool';
  if (t === 'ipaddress') return 'IpAddress';
  if (t === 'binary') return 'Binary';
  return undefined;
}

export function isMultivaluedType(type: string): boolean {
  return /^ArrayOf/i.test(type);
}

// ---------------------------------------------------------------------------------------------------------------
// Suggestions

/** Levenshtein distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return 0;
  let prev = Array.from({ length: t.length + 1 }, (_v, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[t.length] ?? 0;
}

/**
 * editDistance of two lower-case words when it is at most `max`, else some number above `max` (the search stops
 * once a whole row of the table exceeds it: the distance can only grow). Two rows reused, nothing else allocated.
 */
function boundedDistance(s: string, t: string, max: number): number {
  if (s === t) return 0;
  let prev = new Uint32Array(t.length + 1);
  let cur = new Uint32Array(t.length + 1);
  for (let j = 0; j <= t.length; j++) prev[j] = j;
  for (let i = 1; i <= s.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const sc = s.charCodeAt(i - 1);
    for (let j = 1; j <= t.length; j++) {
      const cost = sc === t.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const done = prev;
    prev = cur;
    cur = done;
  }
  return prev[t.length]!;
}

/**
 * The closest candidates to a misspelt word (at most `limit`, best first). A candidate is kept when its distance is
 * at most max(2, a third of the word's length), so 'GetObjekt' finds 'GetObject' but 'Foo' finds nothing.
 */
export function suggest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const max = Math.max(2, Math.floor(word.length / 3));
  const scored: { name: string; d: number }[] = [];
  const lower = word.toLowerCase();
  for (const c of candidates) {
    if (Math.abs(c.length - word.length) > max) continue;
    const d = boundedDistance(lower, c.toLowerCase(), max);
    if (d <= max) scored.push({ name: c, d });
  }
  scored.sort((x, y) => x.d - y.d || x.name.localeCompare(y.name));
  return scored.slice(0, limit).map((s) => s.name);
}

/** Suggestions for an unknown action: names within its service, or whole names when the service is unknown. */
export function suggestActions(data: IamData, fullName: string, limit = 3): string[] {
  const parts = splitAction(fullName);
  if (!parts) return [];
  const service = findService(data, parts.service);
  if (service) {
    return suggest(
      parts.action,
      [...service.actions.values()].map((a) => a.name),
      limit,
    ).map((n) => `${service.prefix}:${n}`);
  }
  return suggestServices(data, parts.service, limit).map((p) => `${p}:${parts.action}`);
}

export function suggestServices(data: IamData, prefix: string, limit = 3): string[] {
  return suggest(
    prefix,
    [...data.services.values()].map((s) => s.prefix),
    limit,
  );
}
