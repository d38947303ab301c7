// The shape check of an SNS filter policy, run by the SNS panel before it sends one and by src/aws/sns.ts before
// it sets one. Shared with the browser side, so this file imports nothing.

/** Checks a filter policy: empty (no filter) or a JSON object whose leaves are lists of allowed values. */
export function checkFilterPolicy(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return `The filter policy is not valid JSON: ${(err as Error).message}`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return 'A filter policy is a JSON object, e.g. { "eventType": ["order_placed"] }.';
  }
  const walk = (node: Record<string, unknown>, path: string): string | undefined => {
    for (const [k, v] of Object.entries(node)) {
      if (Array.isArray(v)) continue;
      if (typeof v === 'object' && v !== null) {
        const inner = walk(v as Record<string, unknown>, `${path}${k}.`);
        if (inner) return inner;
        continue;
      }
      return `"${path}${k}" must be a list of allowed values, e.g. ["a", "b"].`;
    }
    return undefined;
  };
  return walk(parsed as Record<string, unknown>, '');
}
