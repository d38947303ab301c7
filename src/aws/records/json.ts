// The JSON checks of the inputs users type for Step Functions and EventBridge. Shared with views, so no imports.

/** Undefined when `text` is a JSON object (what an execution input must be), else why not. Empty means `{}`. */
export function checkJsonObject(text: string, what: string): string | undefined {
  if (text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return `${what} is not valid JSON: ${(err as Error).message}`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return `${what} must be a JSON object, e.g. { "orderId": "42" }.`;
  }
  return undefined;
}
