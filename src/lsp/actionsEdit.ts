// How to write a list of actions in place of one `service:*` entry, in the host format around it.

/**
 * The replacement text for the action entry at [start, end) of `text`: inside a JSON/HCL list it becomes several
 * entries, a lone JSON/HCL value becomes a list, a YAML block-list item becomes several items, a YAML scalar a flow list.
 */
export function replacementForActions(text: string, start: number, end: number, actions: readonly string[]): string {
  const entry = text.slice(start, end);
  const quote = entry.startsWith('"') ? '"' : entry.startsWith("'") ? "'" : '';
  const before = text.slice(0, start).replace(/[ \t]+$/, '');
  const previous = before.charAt(before.length - 1);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const linePrefix = text.slice(lineStart, start);
  const yamlItem = /^(\s*)-\s+$/.exec(linePrefix);
  if (yamlItem) {
    const indent = `${yamlItem[1]}- `;
    return actions.map((a, i) => (i === 0 ? '' : indent) + `${quote}${a}${quote}`).join('\n');
  }
  const quoted = actions.map((a) => `${quote || '"'}${a}${quote || '"'}`);
  if (previous === '[' || previous === ',') return quoted.join(', ');
  if (!quote && previous === ':') return `[${actions.join(', ')}]`;
  return `[${quoted.join(', ')}]`;
}
