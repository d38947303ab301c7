// Every curriculum snippet, with its placeholders filled by their defaults, must be valid in its format and pass the
// analysers (the same analyzeDocument the language server and CLI run) without a warning or an error.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { parse as parseYaml, type Tags } from 'yaml';
import { analyzeDocument, analyzers } from '../../server/src/core/analyze';
import { parseHcl } from '../../server/src/core/syntax/hcl';
import { iamData } from './iam/support/data';

const repoRoot = resolve(__dirname, '..', '..');

interface SnippetEntry {
  readonly language: string;
  readonly path: string;
}
interface Snippet {
  readonly prefix: string;
  readonly description: string;
  readonly body: string | string[];
}

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: { snippets?: SnippetEntry[] };
};
const ours = (pkg.contributes.snippets ?? []).filter((s) => s.path.startsWith('./snippets/'));

/** Replaces snippet syntax by what a user gets on Tab-Tab-Tab: defaults for placeholders, the first choice, "". */
export function fillDefaults(body: string): string {
  let text = body;
  // Innermost first, so nested placeholders collapse from the inside out.
  for (let i = 0; i < 10 && /\$\{\d+[:|][^{}]*\}/.test(text); i++) {
    text = text.replace(/\$\{\d+:([^{}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1');
  }
  return text
    .replace(/(^|[^\\])\$\{?\d+\}?/g, '$1')
    .replace(/\\\$/g, '$')
    .replace(/\\\}/g, '}');
}

/** CloudFormation short-form tags, so SAM templates parse as YAML the way the CLI reads them. */
const cfnTags: Tags = [
  'Ref',
  'Sub',
  'GetAtt',
  'Join',
  'Select',
  'Split',
  'If',
  'Equals',
  'ImportValue',
  'FindInMap',
].flatMap((name) => [
  { tag: `!${name}`, resolve: (v: unknown) => ({ [name]: v }) },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (v: unknown) => ({ [name]: v }) },
]);

const iam = iamData();
const ctx = { iamData: () => iam, options: {} };

const EXT: Record<string, string> = {
  json: 'json',
  yaml: 'yaml',
  dockercompose: 'yaml',
  terraform: 'tf',
  shellscript: 'sh',
};

function validateFormat(language: string, text: string): void {
  switch (language) {
    case 'json':
      JSON.parse(text);
      return;
    case 'yaml':
    case 'dockercompose':
      parseYaml(text, { customTags: cfnTags, strict: true, uniqueKeys: true });
      return;
    case 'terraform': {
      const problems = parseHcl(text).problems;
      assert.deepEqual(
        problems.map((p) => p.message),
        [],
        'HCL parse problems',
      );
      return;
    }
    case 'shellscript': {
      const r = spawnSync('bash', ['-n'], { input: text, encoding: 'utf8' });
      assert.equal(r.status, 0, `bash -n: ${r.stderr}`);
      return;
    }
    default:
      assert.fail(`no validator for language ${language}`);
  }
}

describe('curriculum snippets', () => {
  test('package.json registers our snippet files, and prefixes are unique', () => {
    assert.ok(ours.length >= 6, 'expected the curriculum snippet files to be contributed');
    const prefixes = new Map<string, string>();
    const seen = new Set<string>();
    for (const entry of ours) {
      if (seen.has(entry.path)) continue;
      seen.add(entry.path);
      const file = JSON.parse(readFileSync(join(repoRoot, entry.path), 'utf8')) as Record<string, Snippet>;
      for (const [name, s] of Object.entries(file)) {
        assert.ok(s.prefix.startsWith('lcl-'), `${name}: prefix ${s.prefix} should start with lcl-`);
        assert.ok(!prefixes.has(s.prefix), `${name}: prefix ${s.prefix} also used by ${prefixes.get(s.prefix)}`);
        prefixes.set(s.prefix, name);
        assert.ok(s.description.length > 20, `${name}: describe what the snippet is for`);
      }
    }
  });

  test('control: the analysers do warn about a broad policy, so a clean snippet means something', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
    const { findings } = analyzeDocument({ uri: 'file:///broad.json', text, languageId: 'json' }, ctx);
    assert.ok(findings.some((f) => f.severity === 'warning' || f.severity === 'error'));
  });

  test('fillDefaults handles the snippet syntax we use', () => {
    assert.equal(fillDefaults('a ${1:x} ${2|p,q|} $3 \\$HOME ${4:${5:in}}'), 'a x p  $HOME in');
  });

  for (const entry of ours) {
    const file = JSON.parse(readFileSync(join(repoRoot, entry.path), 'utf8')) as Record<string, Snippet>;
    for (const [name, s] of Object.entries(file)) {
      test(`${entry.language} ${name}: valid and clean`, () => {
        const text = fillDefaults(Array.isArray(s.body) ? s.body.join('\n') : s.body);
        assert.doesNotMatch(text, /\$\{\d/, 'unfilled placeholder');
        validateFormat(entry.language, text);
        if (entry.language === 'shellscript') return;
        const uri = `file:///snippets/${name}.${EXT[entry.language]}`;
        const languageId = entry.language === 'dockercompose' ? 'yaml' : entry.language;
        const { findings, parsed } = analyzeDocument({ uri, text, languageId }, ctx);
        const domains = analyzers.filter((a) => a.applies(parsed)).map((a) => a.domain);
        // The snippets that carry policies must really be seen by the IAM analyser (no vacuous pass).
        if (name.startsWith('iam-') || name === 'tf-serverless-stack' || name === 'sam-api-table') {
          assert.ok(domains.includes('iam'), `the IAM analyser does not look at ${name}`);
        }
        if (name.startsWith('dynamodb-') && analyzers.some((a) => a.domain === 'dynamodb')) {
          assert.ok(domains.includes('dynamodb'), `the DynamoDB analyser does not look at ${name}`);
        }
        const loud = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
        assert.deepEqual(
          loud.map(
            (f) => `${f.ruleId} ${f.severity}: ${f.message} @ ${JSON.stringify(text.slice(f.span.start, f.span.end))}`,
          ),
          [],
        );
      });
    }
  }
});
