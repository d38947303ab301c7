// The walkthrough compiler (scripts/walkthroughs.mjs): the real curriculum compiles cleanly and is up to date, and
// broken sources (missing media, unknown commands and keys, wrong ids, too few verified steps) are reported.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as registry from '../../src/walkthrough/registry';

const root = resolve(__dirname, '..', '..');

interface CompileResult {
  walkthroughs: {
    id: string;
    steps: { id: string; description: string; media: Record<string, string>; completionEvents: string[] }[];
  }[];
  curriculum: { weeks: { id: string; steps: { id: string; kind: string }[]; interview: unknown[] }[] };
  interviews: Map<string, string>;
  errors: string[];
  stats: { steps: number; verified: number; share: number };
}
type Compiler = {
  compile(opts: { root?: string; registry?: unknown }): Promise<CompileResult>;
  commandUri(id: string, args?: unknown): string;
  interviewMarkdown(title: string, qa: { q: string; a: string }[]): string;
};

// The compiler is an ES module; load it the way node would.
const load = (): Promise<Compiler> =>
  import(pathToFileURL(join(root, 'scripts', 'walkthroughs.mjs')).href) as Promise<Compiler>;

describe('walkthrough compiler on the real curriculum', () => {
  test('compiles without errors, every permanent id (twelve weeks and the labs), at least 80 % verified', async () => {
    const { compile } = await load();
    const r = await compile({ root, registry });
    assert.deepEqual(r.errors, []);
    assert.deepEqual(
      r.walkthroughs.map((w) => w.id),
      [...registry.WEEK_IDS],
    );
    assert.ok(r.stats.share >= 0.8, `verified share ${r.stats.share}`);
    for (const w of r.walkthroughs) {
      assert.ok(w.steps.length >= 4 && w.steps.length <= 8, `${w.id} has ${w.steps.length} steps`);
      for (const s of w.steps) {
        assert.equal(s.completionEvents.length, 1, `${w.id}.${s.id}`);
        assert.match(s.completionEvents[0]!, /^onContext:localCloudLab\.(ex|done)\./);
        assert.match(s.description, /\]\(command:/, `${w.id}.${s.id} offers no button`);
        assert.doesNotMatch(
          s.description,
          /\]\((term|snippet|explorer|drill|done|check|tables):/,
          'unexpanded shorthand',
        );
      }
    }
  });

  test('package.json, curriculum.json and the drill pages are what the compiler generates', async () => {
    const { compile } = await load();
    const r = await compile({ root, registry });
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      contributes: { walkthroughs: unknown };
    };
    assert.deepEqual(pkg.contributes.walkthroughs, r.walkthroughs, 'run node scripts/walkthroughs.mjs');
    const written = JSON.parse(readFileSync(join(root, 'walkthroughs', 'curriculum.json'), 'utf8')) as unknown;
    assert.deepEqual(written, JSON.parse(JSON.stringify(r.curriculum)));
    for (const [rel, text] of r.interviews) assert.equal(readFileSync(join(root, rel), 'utf8'), text, rel);
  });

  test('every check in the registry is a step, and every checked step has a check', async () => {
    const { compile } = await load();
    const r = await compile({ root, registry });
    for (const w of r.curriculum.weeks) {
      const checked = w.steps
        .filter((s) => s.kind === 'check')
        .map((s) => s.id)
        .sort();
      assert.deepEqual(checked, Object.keys(registry.CHECKS[w.id as registry.WeekId]).sort(), w.id);
    }
  });

  test('command links carry URL-encoded JSON arguments', async () => {
    const { commandUri } = await load();
    const uri = commandUri('localCloudLab.walkthrough.typeCommand', ['week01', 'make-bucket']);
    assert.equal(uri, 'command:localCloudLab.walkthrough.typeCommand?%5B%22week01%22%2C%22make-bucket%22%5D');
    assert.deepEqual(JSON.parse(decodeURIComponent(uri.split('?')[1]!)), ['week01', 'make-bucket']);
  });

  test('the drill page folds each answer away and escapes markup', async () => {
    const { interviewMarkdown } = await load();
    const md = interviewMarkdown('Week 1 · S3', [
      { q: 'Why?', a: 'Because <b>bold</b> & safe.' },
      { q: 'How?', a: 'Like this.' },
    ]);
    assert.equal(md.match(/<details>/g)?.length, 2);
    assert.match(md, /Because &lt;b&gt;bold&lt;\/b&gt; &amp; safe\./);
  });
});

describe('walkthrough compiler on broken sources', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** A throwaway tree with one week and a small registry, so each mistake is easy to provoke. */
  function fixture(weekYaml: string, files: Record<string, string> = {}): string {
    const dir = mkdtempSync(join(tmpdir(), 'lcl-wt-'));
    dirs.push(dir);
    const pkg = {
      contributes: {
        commands: [
          'typeCommand',
          'insertSnippet',
          'checkNow',
          'openDrill',
          'markDone',
          'openDashboard',
          'showTableDesigns',
        ].map((c) => ({ command: `localCloudLab.walkthrough.${c}`, title: c })),
        views: { c: [{ id: 'localCloudLab.explorer', name: 'x' }] },
        snippets: [{ language: 'json', path: './snippets/s.json' }],
      },
    };
    writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
    mkdirSync(join(dir, 'snippets'));
    writeFileSync(join(dir, 'snippets', 's.json'), JSON.stringify({ 'a-snippet': { prefix: 'x', body: '{}' } }));
    mkdirSync(join(dir, 'walkthroughs', 'week-01-s3'), { recursive: true });
    writeFileSync(join(dir, 'walkthroughs', 'week-01-s3', 'week.yaml'), weekYaml);
    for (const [name, text] of Object.entries(files))
      writeFileSync(join(dir, 'walkthroughs', 'week-01-s3', name), text);
    return dir;
  }

  const ok = async () => true;
  const fakeRegistry = {
    WEEK_IDS: ['week01'],
    CHECKS: { week01: { a: ok, b: ok, c: ok, d: ok } },
    MANUAL_STEPS: { week01: ['interview'] },
    isWeekId: (w: string) => w === 'week01',
    checkSource: () => 'emulator',
    exerciseKey: (w: string, s: string) => `localCloudLab.ex.${w}.${s}`,
    manualKey: (w: string, s: string) => `localCloudLab.done.${w}.${s}`,
    contextKeys: () => [
      ...['a', 'b', 'c', 'd'].map((s) => `localCloudLab.ex.week01.${s}`),
      'localCloudLab.done.week01.interview',
    ],
  };

  const step = (id: string, extra = 'check: true', media = 'a.md', link = '[Go](term:go)') =>
    `  - id: ${id}\n    title: Step ${id}\n    description: "${link}"\n    media: ${media}\n    ${extra}\n`;
  const interview = 'interview:\n' + [1, 2, 3, 4].map((i) => `  - q: Q${i}\n    a: A${i}\n`).join('');
  const good = (steps: string) =>
    `id: week01\ntitle: Week 1\ndescription: d\nterminal:\n  go: echo {endpoint}\nsteps:\n${steps}${interview}`;
  const fourChecks = ['a', 'b', 'c', 'd'].map((s) => step(s)).join('');

  test('a correct fixture compiles', async () => {
    const { compile } = await load();
    const r = await compile({
      root: fixture(good(fourChecks + step('interview', 'manual: true', 'interview.md', '[Drill](drill:)')), {
        'a.md': '# a',
      }),
      registry: fakeRegistry,
    });
    assert.deepEqual(r.errors, []);
    assert.equal(r.stats.verified, 4);
  });

  const cases: [string, () => [string, Record<string, string>], RegExp][] = [
    [
      'missing media',
      () => [good(fourChecks + step('interview', 'manual: true', 'interview.md', '[D](drill:)')), {}],
      /media .*a\.md does not exist/,
    ],
    [
      'unknown terminal command',
      () => [
        good(
          fourChecks.replace('term:go', 'term:nope') + step('interview', 'manual: true', 'interview.md', '[D](drill:)'),
        ),
        { 'a.md': '' },
      ],
      /term:nope is not in the terminal list/,
    ],
    [
      'unknown snippet',
      () => [
        good(
          fourChecks.replace('term:go', 'snippet:ghost') +
            step('interview', 'manual: true', 'interview.md', '[D](drill:)'),
        ),
        { 'a.md': '' },
      ],
      /snippet:ghost is not a snippet/,
    ],
    [
      'undeclared command in a markdown page',
      () => [
        good(fourChecks + step('interview', 'manual: true', 'interview.md', '[D](drill:)')),
        { 'a.md': '[x](command:some.other.command)' },
      ],
      /links to undeclared command some\.other\.command/,
    ],
    [
      'a checked step without a check',
      () => [
        good(fourChecks + step('e') + step('interview', 'manual: true', 'interview.md', '[D](drill:)')),
        { 'a.md': '' },
      ],
      /check: true but src\/walkthrough\/checks has no week01\.e/,
    ],
    [
      'wrong id for the folder',
      () => [
        good(fourChecks + step('interview', 'manual: true', 'interview.md', '[D](drill:)')).replace(
          'id: week01',
          'id: week02',
        ),
        { 'a.md': '' },
      ],
      /id must be week01/,
    ],
    [
      'too few verified steps',
      () => [
        good(
          step('a') +
            ['x', 'y'].map((s) => step(s, 'manual: true', 'a.md', '[D](done:)')).join('') +
            step('interview', 'manual: true', 'interview.md', '[D](drill:)'),
        ),
        { 'a.md': '' },
      ],
      /are verified; at least 80 %/,
    ],
    [
      'a step with no button',
      () => [
        good(
          fourChecks.replace('[Go](term:go)', 'no link') +
            step('interview', 'manual: true', 'interview.md', '[D](drill:)'),
        ),
        { 'a.md': '' },
      ],
      /gives no command link/,
    ],
  ];
  for (const [name, make, expected] of cases) {
    test(`reports ${name}`, async () => {
      const { compile } = await load();
      const [yaml, files] = make();
      const r = await compile({ root: fixture(yaml, files), registry: fakeRegistry });
      assert.ok(
        r.errors.some((e) => expected.test(e)),
        `expected ${expected} among:\n${r.errors.join('\n')}`,
      );
    });
  }
});
