// Format-aware text edits for the quick fixes: add a property to a mapping, add or remove a list element,
// remove a property, in JSON, YAML (block or flow style) and HCL. Values are plain data, rendered per format.
import type { Format, Node, ObjectNode } from '../syntax/tree';
import type { Span, TextEdit } from '../types';

export type Plain = string | number | boolean | readonly Plain[] | { readonly [k: string]: Plain };

export interface EditDoc {
  readonly text: string;
  readonly format: Format;
}

/** Column of an offset (characters since the line start). */
export function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start, offset))?.[0] ?? '';
}

const BARE = /^[A-Za-z_][\w.\-/]*$/;
const YAML_RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

export function renderJson(v: Plain): string {
  if (Array.isArray(v)) return `[${v.map(renderJson).join(', ')}]`;
  if (typeof v === 'object' && v !== null) {
    return `{${Object.entries(v as Record<string, Plain>)
      .map(([k, x]) => `${JSON.stringify(k)}: ${renderJson(x)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(v);
}

export function renderYamlFlow(v: Plain): string {
  if (Array.isArray(v)) return `[${v.map(renderYamlFlow).join(', ')}]`;
  if (typeof v === 'object' && v !== null) {
    return `{${Object.entries(v as Record<string, Plain>)
      .map(([k, x]) => `${k}: ${renderYamlFlow(x)}`)
      .join(', ')}}`;
  }
  if (typeof v === 'string') return BARE.test(v) && !YAML_RESERVED.test(v) ? v : JSON.stringify(v);
  return String(v);
}

export function renderHcl(v: Plain): string {
  if (Array.isArray(v)) return `[${v.map(renderHcl).join(', ')}]`;
  if (typeof v === 'object' && v !== null) {
    return `{ ${Object.entries(v as Record<string, Plain>)
      .map(([k, x]) => `${k} = ${renderHcl(x)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(v);
}

function render(format: Format, v: Plain): string {
  return format === 'json' ? renderJson(v) : format === 'yaml' ? renderYamlFlow(v) : renderHcl(v);
}

function isFlow(doc: EditDoc, node: Node): boolean {
  const c = doc.text[node.span.start];
  return c === '{' || c === '[';
}

/** Adds `key: value` as the last property of a mapping / HCL body. */
export function insertProperty(doc: EditDoc, obj: Node, key: string, value: Plain): TextEdit | undefined {
  if (obj.kind !== 'object') return undefined;
  const last = obj.properties[obj.properties.length - 1];
  if (doc.format === 'json') {
    const entry = `${JSON.stringify(key)}: ${renderJson(value)}`;
    if (!last) return { span: { start: obj.span.start + 1, end: obj.span.start + 1 }, newText: entry };
    const multiline = doc.text.slice(obj.span.start, last.span.start).includes('\n');
    const sep = multiline ? `,\n${lineIndent(doc.text, last.span.start)}` : ', ';
    return { span: { start: last.span.end, end: last.span.end }, newText: `${sep}${entry}` };
  }
  if (doc.format === 'yaml') {
    const entry = `${key}: ${renderYamlFlow(value)}`;
    if (isFlow(doc, obj)) {
      if (!last) return { span: { start: obj.span.start + 1, end: obj.span.start + 1 }, newText: entry };
      return { span: { start: last.span.end, end: last.span.end }, newText: `, ${entry}` };
    }
    if (!last) return undefined;
    return {
      span: { start: last.span.end, end: last.span.end },
      newText: `\n${' '.repeat(column(doc.text, last.span.start))}${entry}`,
    };
  }
  // HCL: a nested block for objects of objects is the caller's job; here `key = value` or a block body.
  const entry =
    typeof value === 'object' && !Array.isArray(value)
      ? `${key} ${renderHclBlock(value as Record<string, Plain>)}`
      : `${key} = ${renderHcl(value)}`;
  return hclAppend(doc, obj, entry);
}

function renderHclBlock(v: Record<string, Plain>): string {
  return `{ ${Object.entries(v)
    .map(([k, x]) => `${k} = ${renderHcl(x)}`)
    .join(' ')} }`;
}

/** Adds a line to an HCL body, after its last entry. */
export function hclAppend(doc: EditDoc, body: ObjectNode, line: string): TextEdit {
  const last = body.properties[body.properties.length - 1];
  if (last) {
    const indent = ' '.repeat(column(doc.text, last.span.start));
    return {
      span: { start: last.span.end, end: last.span.end },
      newText: `\n${indent}${line.replace(/\n/g, `\n${indent}`)}`,
    };
  }
  const at = body.span.start + 1;
  return { span: { start: at, end: at }, newText: `\n  ${line}\n` };
}

/** An HCL nested block written over several lines: `attribute {\n  name = "x"\n  type = "S"\n}`. */
export function hclBlock(name: string, fields: Record<string, Plain>): string {
  return `${name} {\n${Object.entries(fields)
    .map(([k, v]) => `  ${k} = ${renderHcl(v)}`)
    .join('\n')}\n}`;
}

/** Appends an element to a list (JSON array, YAML block or flow sequence). */
export function appendItem(doc: EditDoc, list: Node, value: Plain): TextEdit | undefined {
  if (list.kind !== 'array') return undefined;
  const last = list.items[list.items.length - 1];
  if (doc.format === 'yaml' && !isFlow(doc, list)) {
    if (!last) return undefined;
    // Block sequence: a new `- ` entry at the dash column of the last entry.
    const dash = doc.text.lastIndexOf('-', last.span.start);
    const col = column(doc.text, dash >= 0 ? dash : last.span.start);
    return {
      span: { start: last.span.end, end: last.span.end },
      newText: `\n${' '.repeat(col)}- ${renderYamlFlow(value)}`,
    };
  }
  const rendered = render(doc.format, value);
  if (!last) return { span: { start: list.span.start + 1, end: list.span.start + 1 }, newText: rendered };
  const multiline = doc.text.slice(list.span.start, last.span.start).includes('\n');
  const sep = multiline ? `,\n${lineIndent(doc.text, last.span.start)}` : ', ';
  return { span: { start: last.span.end, end: last.span.end }, newText: `${sep}${rendered}` };
}

/** Removes element `index` of a list with its separator. */
export function removeItem(doc: EditDoc, list: Node, index: number): TextEdit | undefined {
  if (list.kind !== 'array') return undefined;
  const item = list.items[index];
  if (!item) return undefined;
  if (doc.format === 'yaml' && !isFlow(doc, list)) {
    // Block sequence: drop the entry's lines, from its dash line to the end of its last line.
    const dash = doc.text.lastIndexOf('-', item.span.start);
    const lineStart = doc.text.lastIndexOf('\n', dash) + 1;
    let end = doc.text.indexOf('\n', Math.max(item.span.end - 1, item.span.start));
    end = end < 0 ? doc.text.length : end + 1;
    const start = lineStart;
    return { span: { start, end }, newText: '' };
  }
  return { span: separatedSpan(doc.text, list.items, index), newText: '' };
}

/** Removes a property of a mapping / body with its separator. */
export function removeProperty(doc: EditDoc, obj: Node, key: string): TextEdit | undefined {
  if (obj.kind !== 'object') return undefined;
  const index = obj.properties.findIndex((p) => p.key === key);
  const p = obj.properties[index];
  if (!p) return undefined;
  if (doc.format === 'json' || isFlow(doc, obj)) {
    return { span: separatedSpan(doc.text, obj.properties, index), newText: '' };
  }
  const lineStart = doc.text.lastIndexOf('\n', p.span.start - 1) + 1;
  let end = doc.text.indexOf('\n', Math.max(p.span.end - 1, p.span.start));
  end = end < 0 ? doc.text.length : end + 1;
  return { span: { start: lineStart, end }, newText: '' };
}

/** The span of element `index` plus the comma that separates it from a neighbour. */
function separatedSpan(text: string, elements: readonly { readonly span: Span }[], index: number): Span {
  const el = elements[index] as { span: Span };
  const prev = elements[index - 1];
  const next = elements[index + 1];
  if (prev) return { start: prev.span.end, end: el.span.end };
  if (next) return { start: el.span.start, end: next.span.start };
  void text;
  return el.span;
}

export function replace(span: Span, newText: string): TextEdit {
  return { span, newText };
}
