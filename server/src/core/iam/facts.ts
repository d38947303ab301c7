// What one analysis learns once and every rule reuses: the ARN checks of each resource value, the actions an action
// pattern expands to, and which resource patterns fit or cover which ARN templates. Built by runIamRules for one
// document (all of its policies) and dropped with it, so nothing outlives the analysis and nothing is shared between
// documents; every answer is computed lazily, on the first rule that asks.
import {
  type ActionRef,
  type TemplateToken,
  arnCoversTokens,
  arnMatchesTokens,
  expandActionPattern,
  findAction,
  findConditionKey,
  resourceTypesOfRef,
  templateAlternatives,
  tokenizeTemplate,
} from './catalog';
import type { ActionInfo, ConditionKeyInfo, IamData, ResourceTypeInfo } from './data';
import type { Statement } from './model';
import { type ArnFinding, type TemplateShape, arnProblems, serviceTemplateShapes } from './arn';
import { isStar, resourcePatterns } from './values';
import type { StringNode } from '../syntax/tree';

/** A two-level memo (pattern → template → answer): lookups allocate no joined key. */
type PairMemo = Map<string, Map<string, boolean>>;

function pairGet(memo: PairMemo, a: string, b: string): boolean | undefined {
  return memo.get(a)?.get(b);
}
function pairSet(memo: PairMemo, a: string, b: string, value: boolean): boolean {
  let inner = memo.get(a);
  if (!inner) memo.set(a, (inner = new Map()));
  inner.set(b, value);
  return value;
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

export class IamFacts {
  private readonly arnFindings = new Map<StringNode, readonly ArnFinding[]>();
  private readonly shapes = new Map<string, readonly TemplateShape[]>();
  private readonly expansions = new Map<string, readonly ActionRef[]>();
  private readonly actions = new Map<string, ActionRef | undefined>();
  private readonly tokens = new Map<string, readonly (readonly TemplateToken[])[]>();
  private readonly fits: PairMemo = new Map();
  private readonly covered: PairMemo = new Map();
  private readonly typeLists = new Map<ActionInfo, readonly ResourceTypeInfo[]>();
  private readonly patternLists = new Map<Statement, readonly string[]>();
  private readonly reach = new Map<Statement, Map<ActionInfo, boolean>>();
  private readonly keys = new Map<string, ConditionKeyInfo | undefined>();

  constructor(readonly data: IamData) {}

  /** Problems of one Resource/NotResource value (arn.ts arnProblems), computed once per value. */
  arnProblems(node: StringNode): readonly ArnFinding[] {
    let found = this.arnFindings.get(node);
    if (found === undefined) {
      found = arnProblems(this.data, node, (service) => this.templateShapes(service));
      this.arnFindings.set(node, found);
    }
    return found;
  }

  /** The parsed ARN templates of a service (lower-case prefix). */
  templateShapes(service: string): readonly TemplateShape[] {
    let shapes = this.shapes.get(service);
    if (shapes === undefined) {
      shapes = serviceTemplateShapes(this.data, service);
      this.shapes.set(service, shapes);
    }
    return shapes;
  }

  /** expandActionPattern, once per pattern. Callers must not modify the array. */
  expand(pattern: string): readonly ActionRef[] {
    let refs = this.expansions.get(pattern);
    if (refs === undefined) {
      refs = expandActionPattern(this.data, pattern);
      this.expansions.set(pattern, refs);
    }
    return refs;
  }

  /** findConditionKey (global keys first, then the key's service), once per key as written. */
  conditionKey(key: string): ConditionKeyInfo | undefined {
    if (this.keys.has(key)) return this.keys.get(key);
    const info = findConditionKey(this.data, key);
    this.keys.set(key, info);
    return info;
  }

  /** findAction, once per name. */
  action(fullName: string): ActionRef | undefined {
    if (this.actions.has(fullName)) return this.actions.get(fullName);
    const r = findAction(this.data, fullName);
    this.actions.set(fullName, r);
    return r;
  }

  /** The tokens of each alternative a resource type's template stands for (usually one). */
  private templateTokens(template: string): readonly (readonly TemplateToken[])[] {
    let t = this.tokens.get(template);
    if (t === undefined) {
      t = templateAlternatives(template).map(tokenizeTemplate);
      this.tokens.set(template, t);
    }
    return t;
  }

  /** arnMatchesTemplate: can some ARN match both the resource pattern and the template? */
  matches(pattern: string, template: string): boolean {
    if (pattern === '*') return true;
    const known = pairGet(this.fits, pattern, template);
    if (known !== undefined) return known;
    // Most pairs that fail name different services: refuse those without running the matcher.
    const service = literalService(pattern, false);
    const templateService = service === undefined ? undefined : literalService(template, true);
    const fits =
      templateService !== undefined && service !== templateService
        ? false
        : this.templateTokens(template).some((t) => arnMatchesTokens(pattern, t));
    return pairSet(this.fits, pattern, template, fits);
  }

  /**
   * Does the pattern match every resource of the template (arnCoversResourceType)? Cheap refusals first: a pattern
   * without `*` never covers a type, and a pattern naming another service cannot cover the template at all.
   */
  covers(pattern: string, template: string): boolean {
    if (isStar(pattern)) return true;
    // A literal ARN names one resource, even of a one-per-account type (…:root): never "every resource".
    if (!pattern.includes('*')) return false;
    const known = pairGet(this.covered, pattern, template);
    if (known !== undefined) return known;
    const service = pattern.split(':', 3)[2];
    const templateService = template.split(':', 3)[2];
    if (service !== undefined && templateService !== undefined && !/[*?]/.test(service)) {
      if (service.toLowerCase() !== templateService.toLowerCase())
        return pairSet(this.covered, pattern, template, false);
    }
    const all = this.templateTokens(template).every((t) => arnCoversTokens(pattern, t));
    return pairSet(this.covered, pattern, template, all);
  }

  /** resourceTypesOfRef, once per action. */
  types(r: ActionRef): readonly ResourceTypeInfo[] {
    let types = this.typeLists.get(r.action);
    if (types === undefined) {
      types = resourceTypesOfRef(r);
      this.typeLists.set(r.action, types);
    }
    return types;
  }

  /** resourcePatterns (values.ts), once per statement. */
  patterns(s: Statement): readonly string[] {
    let patterns = this.patternLists.get(s);
    if (patterns === undefined) {
      patterns = resourcePatterns(s);
      this.patternLists.set(s, patterns);
    }
    return patterns;
  }

  /**
   * Does the statement reach every resource of the action? Yes for `Resource: "*"`, for a pattern covering every
   * resource of one of the action's resource types (`arn:aws:iam::123456789012:role/*` for iam:PassRole), and for
   * an Allow with NotResource (everything but a list). A '*'-only action is reached only by `*` itself. Once per
   * statement and action: the risk rules all ask it.
   */
  reachesAll(r: ActionRef, s: Statement): boolean {
    if (s.notResource) return true;
    let byStatement = this.reach.get(s);
    if (!byStatement) this.reach.set(s, (byStatement = new Map()));
    let known = byStatement.get(r.action);
    if (known === undefined) {
      const patterns = this.patterns(s);
      if (patterns.some(isStar)) known = true;
      else if (r.action.resourceTypes.length === 0) known = false;
      else {
        const types = this.types(r);
        known = patterns.some((p) => types.some((t) => this.covers(p, t.arn)));
      }
      byStatement.set(r.action, known);
    }
    return known;
  }
}
