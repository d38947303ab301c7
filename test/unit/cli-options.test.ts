// The one command-line reader every CLI command uses (server/src/cli/options.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOptions, single, UsageError } from '../../server/src/cli/options';

const spec = { valued: ['format', 'context'], flags: ['allow-remote'] };

describe('parseOptions', () => {
  it('reads --name value, --name=value, flags and positionals in order; `--` ends the options', () => {
    const p = parseOptions(
      ['a.json', '--format', 'json', '--context=k=v', '--allow-remote', '--context', 'x=y', '--', '--b'],
      spec,
    );
    assert.deepEqual(
      [...p.values],
      [
        ['format', ['json']],
        ['context', ['k=v', 'x=y']],
      ],
    );
    assert.deepEqual([...p.flags], ['allow-remote']);
    assert.deepEqual(p.positional, ['a.json', '--b']);
  });

  it('refuses an unknown option, a missing value, and another option taken for a value', () => {
    for (const [argv, message] of [
      [['--colour', 'red'], 'Unknown option "--colour"'],
      [['--allow-remote=yes'], 'Unknown option "--allow-remote=yes"'],
      [['--format'], 'Option --format needs a value'],
      [['--format='], 'Option --format needs a value'],
      [['--format', '--allow-remote'], 'Option --format needs a value'],
    ] as const) {
      assert.throws(
        () => parseOptions(argv, spec),
        (e: unknown) => e instanceof UsageError && e.message === message,
      );
    }
  });

  it('single: one value, or a usage error naming the option given twice', () => {
    const p = parseOptions(['--format', 'json', '--context', 'a=1', '--context', 'b=2'], spec);
    assert.equal(single(p, 'format'), 'json');
    assert.equal(single(p, 'missing'), undefined);
    assert.throws(() => single(p, 'context'), /Only one --context may be given/);
  });
});
