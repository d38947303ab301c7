// The manifest and the docs are checked against the rule registry: every rule has settings, docs and a test.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { allRules } from '../../server/src/core/analyze';
import { rulesSetting } from '../../scripts/rules-manifest';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

test('rule ids are unique, upper snake case, and sorted registries hold them', () => {
  const ids = allRules().map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[A-Z][A-Z0-9_]+$/);
});

test('package.json lists every rule in localCloudLab.analysis.rules (npm run manifest)', () => {
  assert.deepEqual(manifest.contributes.configuration.properties['localCloudLab.analysis.rules'], rulesSetting());
});

test('every rule has a docs page that names it', () => {
  const missing = allRules().filter((r) => {
    const path = join(root, 'docs', 'rules', `${r.id}.md`);
    return !existsSync(path) || !readFileSync(path, 'utf8').includes(r.id);
  });
  assert.deepEqual(
    missing.map((r) => r.id),
    [],
  );
});

test('every IAM and DynamoDB rule has its own table-driven test file', () => {
  const missing = allRules()
    .filter((r) => r.domain !== 'syntax')
    .filter((r) => !existsSync(join(root, 'test', 'unit', r.domain, 'rules', `${r.id}.test.ts`)));
  assert.deepEqual(
    missing.map((r) => r.id),
    [],
  );
});

test('activation stays lazy', () => {
  const events: string[] = manifest.activationEvents ?? [];
  assert.ok(!events.includes('*') && !events.includes('onStartupFinished'), JSON.stringify(events));
});
