// Every custom message between the extension (client) and the language server, declared once with its direction.
// Plain data with phantom types: the extension imports this file without pulling the protocol library into its
// activation bundle.

/** A request method with its parameter and result types (`P`/`R` exist for the type checker only). */
export interface Request<P, R> {
  readonly method: string;
  readonly __types?: (params: P) => R;
}
const request = <P, R>(method: string): Request<P, R> => ({ method });

/** A notification method with its parameter type (`P` exists for the type checker only). */
export interface Notification<P> {
  readonly method: string;
  readonly __types?: (params: P) => void;
}
const notification = <P>(method: string): Notification<P> => ({ method });

/** Sent by the client at start-up in `initializationOptions`. */
export interface InitializationOptions {
  /** Base URI of the rule docs (docs/rules/<ID>.md inside the installed extension). */
  readonly docsBaseUri?: string;
}

/** Client → server: the actions of one IAM service grouped by access level, for the "pick the actions" quick fix. */
export interface ServiceActionsParams {
  readonly service: string;
}
export interface ServiceActionsResult {
  readonly service: string;
  readonly groups: readonly { readonly accessLevel: string; readonly actions: readonly string[] }[];
}
export const serviceActionsRequest = request<ServiceActionsParams, ServiceActionsResult>(
  'localCloudLab/serviceActions',
);

/** Client → server: rule metadata (id, title, default severity) for settings UIs and the rule picker. */
export interface RuleInfo {
  readonly id: string;
  readonly title: string;
  readonly defaultSeverity: string;
  readonly domain: string;
}
export const listRulesRequest = request<void, readonly RuleInfo[]>('localCloudLab/listRules');

/** Commands the server's code actions ask the client to run (the client registers them). */
export const clientCommands = {
  /** args: [{ ruleId, uri }] — turns a rule off for one file through `localCloudLab.analysis.overrides`. */
  disableRuleForFile: 'localCloudLab.analysis.disableRuleForFile',
  /** args: [{ uri, range, service, format }] — lets the user pick explicit actions to replace `service:*`. */
  pickServiceActions: 'localCloudLab.iam.pickServiceActions',
} as const;

export interface DisableRuleForFileArgs {
  readonly ruleId: string;
  readonly uri: string;
}
export interface PickServiceActionsArgs {
  readonly uri: string;
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
  readonly service: string;
}

/**
 * Client → server: the committed (git `HEAD`) text of an open document, the base the server checks the document
 * against (CheckNoNewAccess); `null` when the file has no committed version (not in a repository, or new). Sent when
 * the document opens and after each save; the server forgets it when the document closes.
 */
export interface BaseTextParams {
  readonly uri: string;
  readonly text: string | null;
}
export const baseTextNotification = notification<BaseTextParams>('localCloudLab/baseText');
