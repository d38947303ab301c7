// The VSIX holds what runs and nothing else: bundles, generated IAM data, manifest, media, docs, snippets,
// walkthroughs, labs — no sources, tests, source maps or node_modules.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { packageVsix, repoRoot } from '../support/codeServer';

describe('packaged VSIX', () => {
  let vsix: string;
  let entries: string[];
  before(() => {
    vsix = packageVsix();
    const list = execFileSync(
      'python3',
      ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', vsix],
      { encoding: 'utf8' },
    );
    entries = list.split('\n').filter(Boolean);
  });
  after(() => {
    if (vsix) rmSync(dirname(vsix), { recursive: true, force: true });
  });

  test('contains the manifest, the bundles and the generated data', () => {
    for (const file of ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/server.js']) {
      assert.ok(entries.includes(file), `${file} is packaged`);
    }
    for (const built of readdirSync(join(repoRoot, 'dist')).filter((f) => f.endsWith('.json'))) {
      assert.ok(entries.includes(`extension/dist/${built}`), `dist/${built} is packaged`);
    }
    assert.ok(entries.includes('extension/media/icon.png'));
    // A lab's README is its walkthrough's step page; its scripts are how the learner starts.
    assert.ok(entries.includes('extension/labs/realtime-chat/README.md'), 'lab pages are packaged');
    assert.ok(entries.includes('extension/labs/lib.sh'), 'lab scripts are packaged');
    assert.ok(entries.some((e) => /^extension\/readme\.md$/i.test(e)));
    assert.ok(entries.some((e) => /^extension\/license(\.txt)?$/i.test(e)));
    if (existsSync(join(repoRoot, 'docs', 'rules'))) {
      assert.ok(
        entries.some((e) => e.startsWith('extension/docs/rules/')),
        'rule docs are packaged',
      );
    }
  });

  test('leaves out sources, tests, source maps and dependencies', () => {
    const stray = entries.filter(
      (e) =>
        /^extension\/(src|server|test|bench|scripts|node_modules|webviews|out|\.venv|\.ci|\.vscode)\//.test(e) ||
        e.endsWith('.map') ||
        e.endsWith('.ts'),
    );
    assert.deepEqual(stray, []);
  });
});
