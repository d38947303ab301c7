// Pure helpers behind the language server and its client: rule configuration and the action-list rewrite.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { optionsFor, readConfig } from '../../server/src/core/config';
import { replacementForActions } from '../../src/lsp/actionsEdit';

describe('rule configuration', () => {
  const { config, problems } = readConfig(
    {
      rules: { RESOURCE_STAR: 'off', MISSING_VERSION: 'hint', BAD: 'loud' },
      overrides: [
        { files: 'policies/**/*.json', rules: { RESOURCE_STAR: 'error' } },
        { files: ['legacy.json'], rules: { MISSING_VERSION: 'off' } },
        { files: 3 },
      ],
    },
    new Set(['RESOURCE_STAR', 'MISSING_VERSION', 'BAD']),
  );

  test('reads levels and reports bad entries without losing the good ones', () => {
    assert.deepEqual(config.rules, { RESOURCE_STAR: 'off', MISSING_VERSION: 'hint' });
    assert.equal(config.overrides?.length, 2);
    assert.deepEqual(problems, [
      'rules.BAD: level must be one of off, error, warning, info, hint',
      'overrides[2].files must be a glob or a list of globs',
    ]);
  });

  test('per-file overrides win over global levels for matching paths only', () => {
    assert.deepEqual(optionsFor(config, 'policies/team/a.json').rules, {
      RESOURCE_STAR: 'error',
      MISSING_VERSION: 'hint',
    });
    assert.deepEqual(optionsFor(config, './legacy.json').rules, { RESOURCE_STAR: 'off', MISSING_VERSION: 'off' });
    assert.deepEqual(optionsFor(config, 'other.json').rules, { RESOURCE_STAR: 'off', MISSING_VERSION: 'hint' });
  });

  test('unknown rule ids and non-objects are problems, not exceptions', () => {
    assert.deepEqual(readConfig({ rules: { NOPE: 'off' } }, new Set(['X'])).problems, [
      'rules.NOPE: no rule has this id',
    ]);
    assert.deepEqual(readConfig([]).problems, ['configuration must be an object']);
    assert.deepEqual(readConfig(null).config, {});
  });
});

describe('replacing service:* with picked actions', () => {
  const cases: [string, string, string][] = [
    [
      'JSON list entry',
      '{"Action": ["s3:*", "sqs:SendMessage"]}',
      '{"Action": ["s3:GetObject", "s3:ListBucket", "sqs:SendMessage"]}',
    ],
    ['JSON lone value', '{"Action": "s3:*"}', '{"Action": ["s3:GetObject", "s3:ListBucket"]}'],
    [
      'YAML block item',
      'Action:\n  - s3:*\n  - sqs:SendMessage\n',
      'Action:\n  - s3:GetObject\n  - s3:ListBucket\n  - sqs:SendMessage\n',
    ],
    ['YAML scalar', 'Action: s3:*\n', 'Action: [s3:GetObject, s3:ListBucket]\n'],
    ['YAML quoted item', "Action:\n  - 's3:*'\n", "Action:\n  - 's3:GetObject'\n  - 's3:ListBucket'\n"],
    ['HCL list', 'actions = ["s3:*"]', 'actions = ["s3:GetObject", "s3:ListBucket"]'],
  ];
  for (const [name, text, expected] of cases) {
    test(name, () => {
      const entry = /(["']?)s3:\*\1/.exec(text)!;
      const start = entry.index;
      const end = start + entry[0].length;
      const out =
        text.slice(0, start) +
        replacementForActions(text, start, end, ['s3:GetObject', 's3:ListBucket']) +
        text.slice(end);
      assert.equal(out, expected);
    });
  }
});
