// Answers that depend only on the IAM catalogue and a piece of text — an action name or pattern, an ARN pattern and
// a resource type's template, a condition key — so they hold for every document analysed against the same catalogue.
// The loader of the catalogue (the language server's and the CLI's composition roots, through iamData.ts) attaches
// one to the IamData it builds: the CLI over a folder and the server while the user types then work each answer out
// once, not once per document. Each analysis reaches it through IamFacts (facts.ts); an IamData built without one
// (tests) gets a fresh one per analysis. Bounded: a table that reaches its limit starts over.
//
// Actions come back as one ActionRef object per catalogue action, so expansions share them rather than allocating
// a fresh reference per action each time.
import {
  type ActionRef,
  type GlobMatcher,
  type TemplateToken,
  arnCoversTokens,
  arnMatchesTokens,
  conditionKeyMatcher,
  expandActionPattern,
  findAction,
  findConditionKey,
  findGlobalConditionKey,
  globToRegExp,
  resourceTypesOfRef,
  templateAlternatives,
  tokenizeTemplate,
} from './catalog';
import type { ActionInfo, ConditionKeyInfo, IamData, ResourceTypeInfo, ServiceInfo } from './data';
import { type TemplateShape, serviceTemplateShapes } from './arn';
import { isStar } from './values';

/** Entries a table may hold before it starts over (each answer is small; the catalogue has ~18,000 actions). */
const DEFAULT_LIMIT = 20_000;

/**
 * Actions the kept expansions (and the picks and summaries derived from them) may hold in all before they start
 * over: `*` alone expands to every action of the catalogue, and a user may type many wide patterns.
 */
const MAX_EXPANDED = 250_000;

/** Longer texts are answered but not kept: a table must not hold on to a 100 KB string someone pasted. */
const MAX_KEY = 1024;

/** Stands for an answer that is undefined, so one lookup tells a known undefined from an unknown answer. */
const NOTHING = Symbol('nothing');

/** A two-level table (pattern → template → answer): lookups allocate no joined key. */
class PairTable {
  private readonly outer = new Map<string, Map<string, boolean>>();
  private size = 0;
  constructor(private readonly limit: number) {}
  get(a: string, b: string): boolean | undefined {
    return this.outer.get(a)?.get(b);
  }
  set(a: string, b: string, value: boolean): boolean {
    if (a.length > MAX_KEY || b.length > MAX_KEY) return value;
    if (this.size >= this.limit) {
      this.outer.clear();
      this.size = 0;
    }
    let inner = this.outer.get(a);
    if (!inner) this.outer.set(a, (inner = new Map()));
    inner.set(b, value);
    this.size++;
    return value;
  }
}

/**
 * The lower-case service field of an ARN pattern or template when it is fixed text, so two ARNs whose fixed service
 * fields differ cannot match: `arn:<partition>:<service>:` with no wildcard (pattern) or variable other than the
 * partition (template) before the third colon. Undefined when something there could stretch.
 */
function literalService(arn: string, template: boolean): string | undefined {
  const a = arn.indexOf(':');
  const b = a < 0 ? -1 : arn.indexOf(':', a + 1);
  const c = b < 0 ? -1 : arn.indexOf(':', b + 1);
  if (c < 0 || arn.slice(0, a).toLowerCase() !== 'arn') return undefined;
  const partition = arn.slice(a + 1, b);
  const service = arn.slice(b + 1, c);
  if (template) {
    if (service.includes('$') || (partition.includes('$') && partition.toLowerCase() !== '${partition}'))
      return undefined;
  } else if (/[*?$]/.test(partition) || /[*?$]/.test(service)) return undefined;
  return service.toLowerCase();
}

export class CatalogMemo {
  private readonly refs = new Map<ActionInfo, ActionRef>();
  private readonly actions = new Map<string, ActionRef | null>();
  private readonly expansions = new Map<string, readonly ActionRef[]>();
  /** Actions held by `expansions` in all. */
  private expanded = 0;
  private readonly keys = new Map<string, ConditionKeyInfo | null>();
  private readonly globalKeys = new Map<string, ConditionKeyInfo | null>();
  private readonly shapes = new Map<string, readonly TemplateShape[]>();
  private readonly tokens = new Map<string, readonly (readonly TemplateToken[])[]>();
  private readonly typeLists = new Map<ActionInfo, readonly ResourceTypeInfo[]>();
  private readonly globs = new Map<string, GlobMatcher>();
  private readonly keyMatchers = new Map<string, (key: string) => boolean>();
  private readonly derivations = new Map<object, Map<string, unknown>>();
  private readonly expanders = new Map<object, (pattern: string) => unknown>();
  private readonly pickers = new Map<(ref: ActionRef) => boolean, (refs: readonly ActionRef[]) => ActionRef[]>();
  private readonly keySupport: PairTable;
  private readonly fits: PairTable;
  private readonly covered: PairTable;
  /** The catalogue action's one reference (the catalogue bounds this table). */
  private readonly refOf = (service: ServiceInfo, action: ActionInfo): ActionRef => {
    let r = this.refs.get(action);
    if (!r) this.refs.set(action, (r = { service, action, fullName: `${service.prefix}:${action.name}` }));
    return r;
  };

  constructor(
    readonly data: IamData,
    private readonly limit = DEFAULT_LIMIT,
  ) {
    this.keySupport = new PairTable(limit);
    this.fits = new PairTable(limit);
    this.covered = new PairTable(limit);
  }

  private remember<K, V>(map: Map<K, V>, key: K, value: V): V {
    if (typeof key === 'string' && key.length > MAX_KEY) return value;
    if (map.size >= this.limit) map.clear();
    map.set(key, value);
    return value;
  }

  /** findAction: one exact action, by its name as written. */
  action(fullName: string): ActionRef | undefined {
    const known = this.actions.get(fullName);
    if (known !== undefined) return known ?? undefined;
    return this.remember(this.actions, fullName, findAction(this.data, fullName, this.refOf) ?? null) ?? undefined;
  }

  /** expandActionPattern. Callers must not modify the array. */
  expand(pattern: string): readonly ActionRef[] {
    const known = this.expansions.get(pattern);
    if (known) return known;
    const refs = expandActionPattern(this.data, pattern, this.refOf);
    if (this.expanded + refs.length > MAX_EXPANDED) {
      this.expansions.clear();
      this.derivations.clear();
      this.expanded = 0;
    }
    this.expanded += refs.length;
    return this.remember(this.expansions, pattern, refs);
  }

  /**
   * A value derived from an action pattern's expansion (a grouping, a summary), worked out once per pattern. `derive`
   * must be a constant of the caller's module and depend on nothing but the actions it is given: its identity keys
   * the table.
   */
  derived<T>(pattern: string, derive: (refs: readonly ActionRef[]) => T): T {
    let expand = this.expanders.get(derive);
    if (!expand) expand = this.remember(this.expanders, derive, (p: string) => derive(this.expand(p)));
    return this.answer(pattern, expand as (p: string) => T);
  }

  /**
   * Any answer that depends only on the catalogue and one text (a rule's verdict on an action name, say), worked out
   * once per text. `work` must be a constant of the caller's module and use nothing but the text and this memo (its
   * catalogue, its other answers): its identity keys the table.
   */
  answer<T>(text: string, work: (text: string, memo: CatalogMemo) => T): T {
    let table = this.derivations.get(work);
    if (!table) table = this.remember(this.derivations, work, new Map<string, unknown>());
    const known = table.get(text);
    if (known !== undefined) return (known === NOTHING ? undefined : known) as T;
    const value = work(text, this);
    this.remember(table, text, value === undefined ? NOTHING : value);
    return value;
  }

  /**
   * The actions of a pattern's expansion that `pick` selects, in catalogue order, once per pattern: a rule that
   * only weighs some actions (permissions management, say) walks those rather than the whole expansion. `pick`
   * must be a constant of the caller's module, as for `derived`.
   */
  picked(pattern: string, pick: (ref: ActionRef) => boolean): readonly ActionRef[] {
    let derive = this.pickers.get(pick);
    if (!derive) derive = this.remember(this.pickers, pick, (refs: readonly ActionRef[]) => refs.filter(pick));
    return this.derived(pattern, derive);
  }

  /** findConditionKey (global keys first, then the key's service), by the key as written. */
  conditionKey(key: string): ConditionKeyInfo | undefined {
    const known = this.keys.get(key);
    if (known !== undefined) return known ?? undefined;
    return this.remember(this.keys, key, findConditionKey(this.data, key) ?? null) ?? undefined;
  }

  /** findGlobalConditionKey, by the key as written. */
  globalConditionKey(key: string): ConditionKeyInfo | undefined {
    const known = this.globalKeys.get(key);
    if (known !== undefined) return known ?? undefined;
    return this.remember(this.globalKeys, key, findGlobalConditionKey(this.data, key) ?? null) ?? undefined;
  }

  /** Does the action support the key through one of its own or its resource types' keys (globals aside)? */
  supportsKey(r: ActionRef, names: () => readonly string[], key: string): boolean {
    const known = this.keySupport.get(r.fullName, key);
    if (known !== undefined) return known;
    const lower = key.toLowerCase();
    return this.keySupport.set(
      r.fullName,
      key,
      names().some((name) => this.keyMatcher(name)(lower)),
    );
  }

  /** conditionKeyMatcher, compiled once per catalogue key. */
  private keyMatcher(catalogueKey: string): (lowerKey: string) => boolean {
    return (
      this.keyMatchers.get(catalogueKey) ??
      this.remember(this.keyMatchers, catalogueKey, conditionKeyMatcher(catalogueKey))
    );
  }

  /** A case-insensitive matcher for an IAM glob, compiled once per pattern. */
  glob(pattern: string): GlobMatcher {
    return this.globs.get(pattern) ?? this.remember(this.globs, pattern, globToRegExp(pattern));
  }

  /** The parsed ARN templates of a service (lower-case prefix). */
  templateShapes(service: string): readonly TemplateShape[] {
    return this.shapes.get(service) ?? this.remember(this.shapes, service, serviceTemplateShapes(this.data, service));
  }

  /** The tokens of each alternative a resource type's template stands for (usually one). */
  private templateTokens(template: string): readonly (readonly TemplateToken[])[] {
    return (
      this.tokens.get(template) ??
      this.remember(this.tokens, template, templateAlternatives(template).map(tokenizeTemplate))
    );
  }

  /** resourceTypesOfRef, once per action. */
  types(r: ActionRef): readonly ResourceTypeInfo[] {
    return this.typeLists.get(r.action) ?? this.remember(this.typeLists, r.action, resourceTypesOfRef(r));
  }

  /** arnMatchesTemplate: can some ARN match both the resource pattern and the template? */
  matches(pattern: string, template: string): boolean {
    if (pattern === '*') return true;
    const known = this.fits.get(pattern, template);
    if (known !== undefined) return known;
    // Most pairs that fail name different services: refuse those without running the matcher.
    const service = literalService(pattern, false);
    const templateService = service === undefined ? undefined : literalService(template, true);
    const fits =
      templateService !== undefined && service !== templateService
        ? false
        : this.templateTokens(template).some((t) => arnMatchesTokens(pattern, t));
    return this.fits.set(pattern, template, fits);
  }

  /**
   * Does the pattern match every resource of the template (arnCoversResourceType)? Cheap refusals first: a pattern
   * without `*` never covers a type, and a pattern naming another service cannot cover the template at all.
   */
  covers(pattern: string, template: string): boolean {
    if (isStar(pattern)) return true;
    // A literal ARN names one resource, even of a one-per-account type (…:root): never "every resource".
    if (!pattern.includes('*')) return false;
    const known = this.covered.get(pattern, template);
    if (known !== undefined) return known;
    const service = pattern.split(':', 3)[2];
    const templateService = template.split(':', 3)[2];
    if (service !== undefined && templateService !== undefined && !/[*?]/.test(service)) {
      if (service.toLowerCase() !== templateService.toLowerCase()) return this.covered.set(pattern, template, false);
    }
    const all = this.templateTokens(template).every((t) => arnCoversTokens(pattern, t));
    return this.covered.set(pattern, template, all);
  }
}
