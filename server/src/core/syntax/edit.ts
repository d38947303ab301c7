// The edit primitives every quick fix is built from, IAM and DynamoDB alike: replace a value or a key, insert or
// remove a property, append or remove a list element, append to an HCL body. The same construct may sit in JSON, in
// YAML (block or flow style) or in HCL, so every primitive looks at the text around the node to choose commas,
// quotes, separators and indentation instead of assuming JSON. Values are plain data, rendered for the host.
import type { ArrayNode, Node, ObjectNode, Property, StringNode } from './tree';
import type { Span, TextEdit } from '../types';

/** Plain data a fix writes into a document. */
export type Plain = string | number | boolean | readonly Plain[] | { readonly [k: string]: Plain };

/** One replacement. */
export function replace(span: Span, newText: string): TextEdit {
  return { span, newText };
}

/** Flow containers are written with brackets (JSON, YAML flow, HCL); block ones are YAML indentation. */
export function isFlow(text: string, node: Node): boolean {
  const ch = text[node.span.start];
  return ch === '{' || ch === '[';
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndInclusive(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** The lines holding [start, end), line break included: what removing a block-style entry takes out. */
function wholeLines(text: string, start: number, end: number): Span {
  return { start: lineStart(text, start), end: lineEndInclusive(text, Math.max(start, end - 1)) };
}

/** Leading whitespace of the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
}

/** The column of `offset` as a string of spaces (YAML block children align on it). */
function columnPad(text: string, offset: number): string {
  return ' '.repeat(offset - lineStart(text, offset));
}

/** How the object writes its keys: quoted or bare, `:` or `=` (HCL). */
interface KeyStyle {
  readonly quoted: boolean;
  readonly separator: string;
  readonly hcl: boolean;
}
function keyStyle(text: string, obj: ObjectNode): KeyStyle {
  const first = obj.properties[0];
  if (!first) {
    // An empty flow object: guess from what precedes it (`= {` is HCL).
    const before = text.slice(Math.max(0, obj.span.start - 3), obj.span.start);
    const hcl = before.includes('=') || text.slice(0, obj.span.start).includes('jsonencode');
    return { quoted: !hcl, separator: hcl ? ' = ' : ': ', hcl };
  }
  const quoted = text[first.keySpan.start] === '"' || text[first.keySpan.start] === "'";
  const between = text.slice(first.keySpan.end, first.value.span.start);
  const hcl = between.includes('=');
  return { quoted: quoted || (!hcl && isFlow(text, obj)), separator: hcl ? ' = ' : ': ', hcl };
}

/** A string literal for the host: JSON/HCL double quotes, YAML single quotes in block style. */
export function quote(value: string, yamlBlock: boolean): string {
  return yamlBlock ? `'${value.replace(/'/g, "''")}'` : JSON.stringify(value);
}

/** A value rendered as a literal for a flow context, `{"a": 1, "b": [2]}`: valid JSON and valid YAML flow. */
function flowLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flowLiteral).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${flowLiteral(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** Renders a plain value (string, array, object) as YAML block lines at `indent` (for the value of a key). */
function yamlBlock(value: unknown, indent: string): string {
  if (typeof value === 'string') return ` ${quote(value, true)}`;
  if (Array.isArray(value)) return value.map((v) => `\n${indent}-${yamlItem(v, `${indent}  `)}`).join('');
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `\n${indent}${k}:${yamlBlock(v, `${indent}  `)}`)
      .join('');
  }
  return ` ${String(value)}`;
}

/** Replaces a string node's value, keeping or adding quotes as the host format requires. */
export function replaceString(text: string, node: StringNode, value: string): TextEdit {
  const open = text[node.span.start];
  if (open === '"') return { span: node.valueSpan, newText: JSON.stringify(value).slice(1, -1) };
  if (open === "'") return { span: node.valueSpan, newText: value.replace(/'/g, "''") };
  // A plain YAML scalar: keep it plain when that stays a plain string, otherwise quote it.
  const plainOk = /^[A-Za-z0-9_.\-/:${}]+$/.test(value) && !/: |^[-?:]/.test(value);
  return plainOk ? { span: node.span, newText: value } : { span: node.span, newText: quote(value, true) };
}

/** Renames an object key (an element, operator or condition key), keeping its quotes. */
export function replaceKey(text: string, keySpan: Span, newKey: string): TextEdit {
  const raw = text.slice(keySpan.start, keySpan.end);
  const q = raw[0] === '"' || raw[0] === "'" ? raw[0] : '';
  const bare = q === '' && !/^[A-Za-z0-9_.:/-]+$/.test(newKey);
  return { span: keySpan, newText: bare ? JSON.stringify(newKey) : `${q}${newKey}${q}` };
}

/** Removes item `index` of an array with its separator (comma or YAML line). */
export function removeArrayItem(text: string, array: ArrayNode, index: number): TextEdit | undefined {
  const item = array.items[index];
  if (!item) return undefined;
  if (!isFlow(text, array)) {
    // Block sequence: the entry's whole lines, from its dash (which may stand on a line of its own) to its end.
    const dash = text.lastIndexOf('-', item.span.start);
    return { span: wholeLines(text, dash >= 0 ? dash : item.span.start, item.span.end), newText: '' };
  }
  const next = array.items[index + 1];
  if (next) return { span: { start: item.span.start, end: next.span.start }, newText: '' };
  const prev = array.items[index - 1];
  if (prev) return { span: { start: prev.span.end, end: item.span.end }, newText: '' };
  return { span: item.span, newText: '' };
}

/** Removes a property of an object with its separator (comma or YAML lines). */
export function removeProperty(text: string, obj: ObjectNode, property: Property): TextEdit | undefined {
  const index = obj.properties.indexOf(property);
  if (index < 0) return undefined;
  if (!isFlow(text, obj)) {
    const lead = text.slice(lineStart(text, property.keySpan.start), property.keySpan.start);
    const following = obj.properties[index + 1];
    // The first key of a sequence item shares its line with the dash: keep the dash, pull the next key up.
    if (lead.includes('-') && following) {
      return { span: { start: property.keySpan.start, end: following.keySpan.start }, newText: '' };
    }
    return { span: wholeLines(text, property.span.start, property.span.end), newText: '' };
  }
  const next = obj.properties[index + 1];
  if (next) return { span: { start: property.span.start, end: next.span.start }, newText: '' };
  const prev = obj.properties[index - 1];
  if (prev) return { span: { start: prev.span.end, end: property.span.end }, newText: '' };
  return { span: property.span, newText: '' };
}

/**
 * Inserts `key: value` into an object, first or last. `value` is plain data (string, string array or nested
 * objects of those) rendered for the host format.
 */
export function insertProperty(
  text: string,
  obj: ObjectNode,
  key: string,
  value: unknown,
  where: 'first' | 'last' = 'first',
): TextEdit {
  if (!isFlow(text, obj)) {
    const anchor = where === 'first' ? obj.properties[0] : obj.properties[obj.properties.length - 1];
    const pad = anchor ? columnPad(text, anchor.keySpan.start) : columnPad(text, obj.span.start);
    const line = `${pad}${key}:${yamlBlock(value, `${pad}  `)}\n`;
    if (!anchor || where === 'first') {
      const at = anchor ? lineStart(text, anchor.keySpan.start) : lineStart(text, obj.span.start);
      return { span: { start: at, end: at }, newText: line };
    }
    const at = lineEndInclusive(text, anchor.span.end);
    const prefix = at === text.length && !text.endsWith('\n') ? '\n' : '';
    return { span: { start: at, end: at }, newText: prefix + line };
  }
  const style = keyStyle(text, obj);
  const k = style.quoted ? JSON.stringify(key) : key;
  const v = style.hcl ? hclLiteral(value) : flowLiteral(value);
  const entry = `${k}${style.separator}${v}`;
  const props = obj.properties;
  const first = props[0];
  const last = props[props.length - 1];
  if (!first || !last) {
    const at = obj.span.start + 1;
    return { span: { start: at, end: at }, newText: entry };
  }
  const sep = style.hcl ? '' : ',';
  if (where === 'first') {
    const between = text.slice(obj.span.start + 1, first.span.start);
    const multiLine = between.includes('\n');
    return {
      span: { start: first.span.start, end: first.span.start },
      newText: `${entry}${multiLine ? sep : ','}${multiLine ? between.slice(between.lastIndexOf('\n')) : ' '}`,
    };
  }
  const before = text.slice(lineStart(text, last.span.start), last.span.start);
  const multiLine = /^\s*$/.test(before);
  return {
    span: { start: last.span.end, end: last.span.end },
    newText: multiLine ? `${sep}\n${before}${entry}` : `, ${entry}`,
  };
}

/** HCL object/list literal (jsonencode argument): `{ key = "v" }` with quoted keys where needed. */
function hclLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(hclLiteral).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : JSON.stringify(k)} = ${hclLiteral(v)}`,
    );
    return `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}

/**
 * Replaces one value of an Action/Resource list with several. In an array the new values become items next to
 * the others; a single string becomes an array.
 */
export function replaceWithMany(text: string, listNode: Node, target: Node, values: readonly string[]): TextEdit {
  if (listNode.kind === 'array') {
    if (isFlow(text, listNode)) {
      const multiLine = listNode.items.length > 1 && text.slice(listNode.span.start, target.span.start).includes('\n');
      const joiner = multiLine || values.length > 4 ? `,\n${indentAt(text, target.span.start)}` : ', ';
      return { span: target.span, newText: values.map((v) => JSON.stringify(v)).join(joiner) };
    }
    const dash = text.slice(lineStart(text, target.span.start), target.span.start).replace(/-\s*$/, '');
    return {
      span: target.span,
      newText: values.map((v, i) => (i === 0 ? quote(v, true) : `\n${dash}- ${quote(v, true)}`)).join(''),
    };
  }
  // A single value: write an array in its place.
  const blockYaml = text[target.span.start] !== '"' && !isInFlow(text, target);
  if (blockYaml) {
    const indent = `${indentAt(text, target.span.start)}  `;
    return {
      span: spanWithLeadingSpace(text, target.span),
      newText: values.map((v) => `\n${indent}- ${quote(v, true)}`).join(''),
    };
  }
  if (values.length <= 2) return { span: target.span, newText: `[${values.map((v) => JSON.stringify(v)).join(', ')}]` };
  const indent = indentAt(text, target.span.start);
  const inner = `${indent}  `;
  return {
    span: target.span,
    newText: `[\n${values.map((v) => `${inner}${JSON.stringify(v)}`).join(',\n')}\n${indent}]`,
  };
}

/** A YAML value after `key:`: include the space between the colon and the value so block lists start cleanly. */
function spanWithLeadingSpace(text: string, span: Span): Span {
  let start = span.start;
  while (start > 0 && text[start - 1] === ' ') start--;
  return { start, end: span.end };
}

/** Is the node written in a JSON-like (flow) context? A double-quoted value or a bracketed parent. */
function isInFlow(text: string, node: Node): boolean {
  const ch = text[node.span.start];
  if (ch === '"' || ch === '[' || ch === '{') return true;
  // Look back for the nearest unmatched bracket on the way to the start of the line: `Key: value` is block YAML.
  const before = text.slice(lineStart(text, node.span.start), node.span.start);
  return /[[{,]\s*$/.test(before) || /=\s*$/.test(before);
}

/** Appends an item (a plain value: string, array or object of those) to an array, in the array's own style. */
export function appendArrayItem(text: string, array: ArrayNode, value: unknown): TextEdit {
  const last = array.items[array.items.length - 1];
  if (!isFlow(text, array)) {
    const anchor = last ?? array;
    const dashAt = text.lastIndexOf('-', anchor.span.start);
    const pad = columnPad(text, dashAt >= lineStart(text, anchor.span.start) ? dashAt : anchor.span.start);
    const at = lineEndInclusive(text, anchor.span.end);
    const prefix = at === text.length && !text.endsWith('\n') ? '\n' : '';
    return { span: { start: at, end: at }, newText: `${prefix}${pad}-${yamlItem(value, `${pad}  `)}\n` };
  }
  const hcl =
    /=\s*$/.test(text.slice(lineStart(text, array.span.start), array.span.start)) || isHclContext(text, array);
  const literal = hcl ? hclLiteral(value) : flowLiteral(value);
  if (!last) return { span: { start: array.span.start + 1, end: array.span.start + 1 }, newText: literal };
  const before = text.slice(lineStart(text, last.span.start), last.span.start);
  const multiLine = /^\s*$/.test(before);
  const pretty = hcl ? literal : JSON.stringify(value, null, 2).replace(/\n/g, `\n${before}`);
  return {
    span: { start: last.span.end, end: last.span.end },
    newText: multiLine ? `,\n${before}${pretty}` : `, ${literal}`,
  };
}

function isHclContext(text: string, node: Node): boolean {
  return text.lastIndexOf('jsonencode(', node.span.start) >= 0 && /=/.test(text.slice(node.span.start, node.span.end));
}

/** A YAML sequence item after `-`: a scalar, or a mapping whose keys continue at `indent`. */
function yamlItem(value: unknown, indent: string): string {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v], i) => `${i === 0 ? ' ' : `\n${indent}`}${k}:${yamlBlock(v, `${indent}  `)}`)
      .join('');
  }
  return typeof value === 'string' ? ` ${quote(value, true)}` : ` ${String(value)}`;
}

/** Column of an offset (characters since the line start). */
export function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Adds a line to an HCL body after its last entry, at that entry's column (or as the first line of an empty one). */
export function hclAppend(text: string, body: ObjectNode, line: string): TextEdit {
  const last = body.properties[body.properties.length - 1];
  if (last) {
    const indent = columnPad(text, last.span.start);
    return {
      span: { start: last.span.end, end: last.span.end },
      newText: `\n${indent}${line.replace(/\n/g, `\n${indent}`)}`,
    };
  }
  const at = body.span.start + 1;
  return { span: { start: at, end: at }, newText: `\n  ${line}\n` };
}

/** An HCL nested block written over several lines: `attribute {\n  name = "x"\n  type = "S"\n}`. */
export function hclBlock(name: string, fields: Readonly<Record<string, Plain>>): string {
  return `${name} {\n${Object.entries(fields)
    .map(([k, v]) => `  ${k} = ${hclLiteral(v)}`)
    .join('\n')}\n}`;
}
