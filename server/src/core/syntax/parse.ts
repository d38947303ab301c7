// Entry point of the syntax layer: pick the format of a document and parse it into the format-neutral tree.
import type { ParsedDocument, SourceDocument } from '../analyzer';
import { parseHcl } from './hcl';
import { normaliseIntrinsics } from './intrinsics';
import { parseJson } from './json';
import { type Format, type ParseResult, roots } from './tree';
import { parseYaml } from './yaml';

const BY_LANGUAGE: Readonly<Record<string, Format>> = {
  json: 'json',
  jsonc: 'json',
  yaml: 'yaml',
  yml: 'yaml',
  cloudformation: 'yaml',
  terraform: 'hcl',
  hcl: 'hcl',
  tf: 'hcl',
};

const BY_EXTENSION: Readonly<Record<string, Format>> = {
  json: 'json',
  jsonc: 'json',
  yaml: 'yaml',
  yml: 'yaml',
  tf: 'hcl',
  hcl: 'hcl',
  tfvars: 'hcl',
};

/** Lower-case extension of a path or URI (query and fragment ignored), '' when none. */
export function extensionOf(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

const HCL_START = /^\s*(resource|data|provider|variable|output|module|locals|terraform)\s*("|\{)/m;

/** Format from the editor language, then the extension, then the content (for `.template` and unknown names). */
export function detectFormat(doc: SourceDocument): Format {
  const lang = doc.languageId?.toLowerCase();
  if (lang && BY_LANGUAGE[lang]) return BY_LANGUAGE[lang]!;
  const ext = BY_EXTENSION[extensionOf(doc.uri)];
  if (ext) return ext;
  const first = /\S/.exec(doc.text)?.[0];
  if (first === '{' || first === '[') return 'json';
  if (HCL_START.test(doc.text.slice(0, 4096))) return 'hcl';
  return 'yaml';
}

/** Whether the tree is a CloudFormation / SAM template (intrinsics then read as dynamic values). */
function isTemplate(parse: ParseResult): boolean {
  return roots(parse).some(
    (r) =>
      r.kind === 'object' &&
      r.properties.some(
        (p) => p.key === 'AWSTemplateFormatVersion' || (p.key === 'Resources' && p.value.kind === 'object'),
      ),
  );
}

/** Syntax problems reported per document at most (plus one line saying how many more there were). */
export const MAX_PROBLEMS = 100;

/** Parses a document; never throws (malformed input becomes `parse.problems`). */
export function parseDocument(doc: SourceDocument): ParsedDocument {
  const format = detectFormat(doc);
  let parse: ParseResult;
  try {
    parse =
      format === 'json'
        ? parseJson(doc.text, { allowComments: doc.languageId === 'jsonc' })
        : format === 'yaml'
          ? parseYaml(doc.text)
          : parseHcl(doc.text);
  } catch (e) {
    const message = `The ${format.toUpperCase()} parser failed: ${e instanceof Error ? e.message : String(e)}`;
    parse = { format, problems: [{ message, span: { start: 0, end: doc.text.length } }] };
  }
  if (parse.problems.length > MAX_PROBLEMS) {
    // A file that is not really this format would drown the editor in errors: the first ones tell the story.
    const rest = parse.problems.length - MAX_PROBLEMS;
    const last = parse.problems[MAX_PROBLEMS - 1]!.span;
    const problems = [
      ...parse.problems.slice(0, MAX_PROBLEMS),
      {
        message: `${rest} more ${format.toUpperCase()} syntax problems not shown`,
        span: { start: last.end, end: last.end },
      },
    ];
    parse = { ...parse, problems };
  }
  if (format !== 'hcl' && isTemplate(parse)) {
    // Long-form intrinsics ({"Fn::Sub": …}) get the same DynamicNode shape as YAML short tags.
    const docs = roots(parse).map((r) => normaliseIntrinsics(r, doc.text));
    parse = docs.length > 1 ? { ...parse, root: docs[0], documents: docs } : { ...parse, root: docs[0] };
  }
  const base: ParsedDocument = { uri: doc.uri, text: doc.text, format, parse };
  return doc.languageId !== undefined ? { ...base, languageId: doc.languageId } : base;
}
