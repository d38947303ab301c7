// The pure parts of scripts/test.mjs: flags, TAP counters, per-layer verdicts and the summary.
export const STEPS = ['typecheck', 'lint'];
export const LAYERS = ['unit', 'lsp', 'integration', 'vscode', 'e2e'];
const ALL = [...STEPS, ...LAYERS];

/** The layers that talk to an emulator: the ones run a second time against LocalStack. */
export const EMULATOR_LAYERS = ['integration', 'vscode', 'e2e'];
export const BACKENDS = ['moto', 'localstack', 'both'];

/**
 * `--layer a,b` (or `--layer=a,b`), `--no-lint`, `--no-typecheck`, `--backend moto|localstack|both` → the steps and
 * layers to run, in order, and the backends for the emulator layers. `--backend localstack` alone runs just the
 * emulator layers (on LocalStack); the default (`both`) runs everything on moto and the emulator layers on LocalStack too.
 */
export function parseFlags(argv) {
  let selected;
  let backend = 'both';
  const skip = new Set();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--backend') backend = argv[++i] ?? '';
    else if (a.startsWith('--backend=')) backend = a.slice('--backend='.length);
    else if (a === '--layer' || a === '--layers') selected = (argv[++i] ?? '').split(',');
    else if (a.startsWith('--layer=') || a.startsWith('--layers=')) selected = a.slice(a.indexOf('=') + 1).split(',');
    else if (a === '--no-lint') skip.add('lint');
    else if (a === '--no-typecheck') skip.add('typecheck');
    else if (a === '-h' || a === '--help') return { help: true, selected: [] };
    else throw new Error(`unknown flag: ${a}`);
  }
  if (!BACKENDS.includes(backend)) throw new Error(`unknown backend: ${backend} (known: ${BACKENDS.join(', ')})`);
  selected ??= backend === 'localstack' ? EMULATOR_LAYERS : ALL;
  const wanted = selected.map((s) => s.trim()).filter(Boolean);
  const unknown = wanted.filter((s) => !ALL.includes(s));
  if (unknown.length) throw new Error(`unknown layer(s): ${unknown.join(', ')} (known: ${ALL.join(', ')})`);
  if (wanted.length === 0) throw new Error(`--layer needs a list (known: ${ALL.join(', ')})`);
  return { help: false, backend, selected: ALL.filter((s) => wanted.includes(s) && !skip.has(s)) };
}

/** The skipped tests in a node:test TAP file, with their reasons (`ok 3 - name # SKIP reason`). */
export function parseTapSkips(text) {
  const out = [];
  for (const m of text.matchAll(/^\s*ok \d+ - (.*?) # SKIP ?(.*)$/gm)) {
    out.push({ test: m[1].replace(/\\#/g, '#'), reason: m[2].trim() });
  }
  return out;
}

/** The summary counters node:test's TAP reporter writes last; undefined when the run never got that far. */
export function parseTap(text) {
  if (!/^# tests \d+$/m.test(text)) return undefined;
  const num = (name) => Number(text.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  return {
    passed: num('pass'),
    failed: num('fail') + num('cancelled'),
    skipped: num('skipped') + num('todo'),
  };
}

/** A layer passes when nothing failed, something ran, and (in CI) nothing was skipped. */
export function verdict(counts, { ci = false, exitCode = 0, note, skipsAllowed = false } = {}) {
  const notes = note ? [note] : [];
  let failed = counts.failed;
  if (exitCode !== 0 && failed === 0) {
    failed = 1;
    if (!note) notes.push(`exited with ${exitCode}`);
  }
  const ran = counts.passed + failed;
  if (ran === 0) notes.push('ran 0 tests');
  const badSkips = ci && counts.skipped > 0 && !skipsAllowed;
  if (badSkips) notes.push('skipped tests in CI');
  return {
    counts: { ...counts, failed },
    ok: failed === 0 && ran > 0 && !badSkips,
    note: notes.join('; '),
  };
}

export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

export function formatTime(ms) {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** rows: { name, ok, ms, counts?, note? } → the table printed at the end. */
export function formatTable(rows) {
  const line = (cells) =>
    `${cells[0].padEnd(15)} ${cells[1].padEnd(6)} ${cells[2].padStart(6)} ${cells[3].padStart(6)} ${cells[4].padStart(7)} ${cells[5].padStart(8)}${cells[6] ? `  ${cells[6]}` : ''}`;
  const out = [line(['layer', 'result', 'passed', 'failed', 'skipped', 'time', ''])];
  for (const r of rows) {
    const c = r.counts;
    out.push(
      line([
        r.name,
        r.ok ? 'ok' : 'FAIL',
        String(c?.passed ?? ''),
        String(c?.failed ?? ''),
        String(c?.skipped ?? ''),
        formatTime(r.ms),
        r.note ?? '',
      ]),
    );
  }
  return out.join('\n');
}
