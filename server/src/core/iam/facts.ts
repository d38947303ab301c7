// What one analysis learns once and every rule reuses: the ARN checks of each resource value, the resource patterns
// of each statement and whether a statement reaches every resource of an action. Built by runIamRules for one
// document (all of its policies) and dropped with it; every answer is computed lazily, on the first rule that asks.
// Answers that depend only on the catalogue and some text (action expansions, ARN template matches, condition keys)
// come from the catalogue's CatalogMemo (catalogMemo.ts), which outlives the document when the loader attached one.
import type { ActionRef } from './catalog';
import { CatalogMemo } from './catalogMemo';
import type { ActionInfo, ConditionKeyInfo, IamData, ResourceTypeInfo } from './data';
import type { ConditionEntry, Policy, Statement } from './model';
import { type ActionEntry, actionEntries, allowStatements, scopingConditions } from './statements';
import { type ArnFinding, type TemplateShape, arnProblems } from './arn';
import { isStar, resourcePatterns } from './values';
import type { StringNode } from '../syntax/tree';

const NO_KEYS: readonly string[] = Object.freeze([]);

/** IamFacts.reachesAll's answers for a statement on `*`: every action, nothing to look up. */
const ALL = new Map<ActionInfo, boolean>();

export class IamFacts {
  private readonly arnFindings = new Map<StringNode, readonly ArnFinding[]>();
  private readonly patternLists = new Map<Statement, readonly string[]>();
  private readonly reach = new Map<Statement, Map<ActionInfo, boolean>>();
  private readonly allowLists = new Map<Policy, readonly Statement[]>();
  private readonly answers = new Map<object, Map<object, unknown>>();
  private readonly entryLists = new Map<Statement, readonly ActionEntry[]>();
  private readonly scopes = new Map<readonly string[], Map<Statement, readonly ConditionEntry[]>>();
  /** The catalogue's shared answers (a fresh table when the IamData carries none). */
  readonly memo: CatalogMemo;
  private readonly resolve = (name: string): ActionRef | undefined => this.memo.action(name);

  constructor(readonly data: IamData) {
    this.memo = data.memo instanceof CatalogMemo ? data.memo : new CatalogMemo(data);
  }

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
    return this.memo.templateShapes(service);
  }

  /** expandActionPattern, once per pattern. Callers must not modify the array. */
  expand(pattern: string): readonly ActionRef[] {
    return this.memo.expand(pattern);
  }

  /** findConditionKey (global keys first, then the key's service), once per key as written. */
  conditionKey(key: string): ConditionKeyInfo | undefined {
    return this.memo.conditionKey(key);
  }

  /** findAction, once per name. */
  action(fullName: string): ActionRef | undefined {
    return this.memo.action(fullName);
  }

  /** arnMatchesTemplate: can some ARN match both the resource pattern and the template? */
  matches(pattern: string, template: string): boolean {
    return this.memo.matches(pattern, template);
  }

  /** Does the pattern match every resource of the template (arnCoversResourceType)? */
  covers(pattern: string, template: string): boolean {
    return this.memo.covers(pattern, template);
  }

  /** resourceTypesOfRef, once per action. */
  types(r: ActionRef): readonly ResourceTypeInfo[] {
    return this.memo.types(r);
  }

  /**
   * Any answer about one subject of this document (a policy, a statement), worked out once: `work` is a constant of
   * the caller's module (its identity and the subject key the answer) and looks at nothing but the subject and these
   * facts. For answers several rules need (the statements granting iam:CreateServiceLinkedRole on every role).
   */
  once<S extends object, T>(subject: S, work: (subject: S, facts: IamFacts) => T): T {
    let bySubject = this.answers.get(work);
    if (!bySubject) this.answers.set(work, (bySubject = new Map()));
    if (bySubject.has(subject)) return bySubject.get(subject) as T;
    const value = work(subject, this);
    bySubject.set(subject, value);
    return value;
  }

  /** The policy's Allow statements (risk.ts allowStatements), once per policy. Callers must not modify the array. */
  allows(policy: Policy): readonly Statement[] {
    let list = this.allowLists.get(policy);
    if (list === undefined) this.allowLists.set(policy, (list = allowStatements(policy)));
    return list;
  }

  /** The statement's literal Action entries (risk.ts actionEntries), once per statement. */
  entries(s: Statement): readonly ActionEntry[] {
    let list = this.entryLists.get(s);
    if (list === undefined) this.entryLists.set(s, (list = actionEntries(s, this.resolve)));
    return list;
  }

  /**
   * The statement's condition entries that narrow what it grants (risk.ts scopingConditions), once per statement
   * and `ignore` list (pass the same array object each time: it is the key).
   */
  scoping(s: Statement, ignore: readonly string[] = NO_KEYS): readonly ConditionEntry[] {
    if (!s.condition || s.condition.entries.length === 0) return scopingConditions(s);
    let byStatement = this.scopes.get(ignore);
    if (!byStatement) this.scopes.set(ignore, (byStatement = new Map()));
    let list = byStatement.get(s);
    if (list === undefined) byStatement.set(s, (list = scopingConditions(s, ignore)));
    return list;
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
    if (!byStatement) {
      // A statement on `*` reaches every action's resources: no table of actions to keep for it.
      byStatement = this.patterns(s).some(isStar) ? ALL : new Map();
      this.reach.set(s, byStatement);
    }
    if (byStatement === ALL) return true;
    let known = byStatement.get(r.action);
    if (known === undefined) {
      const patterns = this.patterns(s);
      if (r.action.resourceTypes.length === 0) known = false;
      else {
        const types = this.types(r);
        known = patterns.some((p) => types.some((t) => this.covers(p, t.arn)));
      }
      byStatement.set(r.action, known);
    }
    return known;
  }
}
