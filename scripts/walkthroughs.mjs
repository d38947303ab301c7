#!/usr/bin/env node
// Compiles the curriculum in walkthroughs/week-NN-<slug>/week.yaml into
//   - package.json `contributes.walkthroughs` (what VS Code shows),
//   - walkthroughs/curriculum.json (what the extension and the dashboard read at run time),
//   - walkthroughs/week-NN-<slug>/interview.md (the drill as a markdown step, one <details> per question).
// `--check` writes nothing: it proves the sources are consistent and the generated files are up to date.
//
// Link shorthands in step descriptions (expanded here, so the YAML stays readable):
//   term:<id>       a button that types the week's terminal command <id> (never runs it)
//   snippet:<name>  a button that opens one of our snippets in a new editor
//   explorer:       focus the Local Cloud Lab explorer          check:  check this week's exercises now
//   drill:          open this week's interview drill             done:<step>  mark a manual step as done
//   dashboard:      open the progress dashboard
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const COMMANDS = {
  typeCommand: 'localCloudLab.walkthrough.typeCommand',
  insertSnippet: 'localCloudLab.walkthrough.insertSnippet',
  checkNow: 'localCloudLab.walkthrough.checkNow',
  openDrill: 'localCloudLab.walkthrough.openDrill',
  markDone: 'localCloudLab.walkthrough.markDone',
  openDashboard: 'localCloudLab.walkthrough.openDashboard',
  resetWeek: 'localCloudLab.walkthrough.resetWeek',
  showTableDesigns: 'localCloudLab.walkthrough.showTableDesigns',
};
export const EXPLORER_FOCUS = 'localCloudLab.explorer.focus';
/** Share of steps that must complete on a real check, not a click. */
export const MIN_VERIFIED = 0.8;
const MIN_STEPS = 4;
const MAX_STEPS = 8;
const MIN_QUESTIONS = 4;
const MEDIA_KINDS = { '.md': 'markdown', '.svg': 'svg', '.png': 'image' };

/** `command:<id>?<args>` with the arguments URL-encoded as VS Code expects. */
export function commandUri(id, args) {
  return args === undefined ? `command:${id}` : `command:${id}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** Every `command:` id a markdown text links to. */
export function commandLinks(markdown) {
  return [...markdown.matchAll(/\]\(command:(?:toSide:)?([\w.-]+)(?:\?[^)\s]*)?\)/g)].map((m) => m[1]);
}

/** Reads the snippet files listed in package.json (ours live in snippets/) into name → { language, file, body }. */
export function loadSnippets(root, pkg) {
  const out = new Map();
  for (const entry of pkg.contributes?.snippets ?? []) {
    const file = join(root, entry.path);
    if (!existsSync(file)) continue;
    const data = JSON.parse(readFileSync(file, 'utf8'));
    for (const [name, def] of Object.entries(data)) {
      // A file registered for several languages (compose: yaml and dockercompose) keeps its first language.
      if (out.has(name)) continue;
      out.set(name, {
        language: entry.language,
        file: entry.path.replace(/^\.\//, ''),
        prefix: def.prefix,
        body: def.body,
      });
    }
  }
  return out;
}

async function loadRegistry(root) {
  const { tsImport } = await import('tsx/esm/api');
  const url = pathToFileURL(join(root, 'src/walkthrough/registry.ts')).href;
  const mod = await tsImport(url, import.meta.url);
  return mod.default?.WEEK_IDS ? mod.default : mod;
}

/**
 * Compiles every week. Returns the generated artefacts, statistics and a list of errors (empty when all is well).
 * Pure apart from reading files: writing is left to the caller.
 */
export async function compile({ root = ROOT, registry } = {}) {
  const reg = registry ?? (await loadRegistry(root));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const errors = [];
  const declared = new Set((pkg.contributes?.commands ?? []).map((c) => c.command));
  for (const views of Object.values(pkg.contributes?.views ?? {})) for (const v of views) declared.add(`${v.id}.focus`);
  const contextKeys = new Set(reg.contextKeys());
  const snippets = loadSnippets(root, pkg);

  // Weeks live in walkthroughs/week-NN-<slug>/week.yaml (id weekNN); labs in labs/<slug>/walkthrough.yaml (id
  // lab-<slug>), next to the lab's README.md, scripts and expected.json.
  const sources = [];
  const dir = join(root, 'walkthroughs');
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    const m = /^week-(\d\d)-[a-z0-9-]+$/.exec(d.name);
    if (!m) errors.push(`walkthroughs/${d.name}: folder name must be week-NN-<slug>`);
    else sources.push({ kind: 'week', rel: `walkthroughs/${d.name}`, file: 'week.yaml', id: `week${m[1]}` });
  }
  const labsDir = join(root, 'labs');
  const labFolders = existsSync(labsDir) ? readdirSync(labsDir, { withFileTypes: true }) : [];
  for (const d of labFolders) {
    // A lab without walkthrough.yaml is checked by its own script only (labs/README.md).
    if (!d.isDirectory() || !existsSync(join(labsDir, d.name, 'walkthrough.yaml'))) continue;
    if (!/^[a-z0-9-]+$/.test(d.name)) errors.push(`labs/${d.name}: a lab folder name is lower-case words and dashes`);
    else
      sources.push({ kind: 'lab', rel: `labs/${d.name}`, file: 'walkthrough.yaml', id: `lab-${d.name}`, slug: d.name });
  }
  // Weeks by number, then labs in the order of the registry's ids (the seed's order of projects).
  const rank = (src) => (src.kind === 'week' ? 0 : 1 + (reg.WEEK_IDS.indexOf(src.id) + 1 || reg.WEEK_IDS.length + 1));
  sources.sort((a, b) => rank(a) - rank(b) || a.rel.localeCompare(b.rel));

  const walkthroughs = [];
  const weeks = [];
  const interviews = new Map();
  const diagrams = new Map();
  let total = 0;
  let verified = 0;
  const bySource = {};
  const seenIds = new Set();

  for (const source of sources) {
    const where = `${source.rel}/${source.file}`;
    const file = join(root, where);
    if (!existsSync(file)) {
      errors.push(`${where} is missing`);
      continue;
    }
    let week;
    try {
      week = parseYaml(readFileSync(file, 'utf8'));
    } catch (err) {
      errors.push(`${where}: ${err.message}`);
      continue;
    }
    const id = week?.id;
    const err = (msg) => errors.push(`${where}: ${msg}`);
    if (id !== source.id) err(`id must be ${source.id} (it is ${JSON.stringify(id)})`);
    if (seenIds.has(id)) err(`duplicate walkthrough id ${id}`);
    seenIds.add(id);
    if (!reg.isWeekId(id)) {
      err(`${id} is not one of the permanent ids ${reg.WEEK_IDS.join(', ')}`);
      continue;
    }
    for (const key of ['title', 'description'])
      if (typeof week[key] !== 'string' || !week[key].trim()) err(`${key} is required`);
    const terminal = week.terminal ?? {};
    const usedTerminal = new Set();
    const steps = Array.isArray(week.steps) ? week.steps : [];
    if (steps.length < MIN_STEPS || steps.length > MAX_STEPS)
      err(`has ${steps.length} steps; a week has ${MIN_STEPS}–${MAX_STEPS}`);

    const expand = (text, stepId) =>
      text.replace(/\]\(([a-z]+):([^)\s]*)\)/g, (whole, scheme, arg) => {
        switch (scheme) {
          case 'term':
            usedTerminal.add(arg);
            if (typeof terminal[arg] !== 'string') err(`step ${stepId}: term:${arg} is not in the terminal list`);
            return `](${commandUri(COMMANDS.typeCommand, [id, arg])})`;
          case 'snippet':
            if (!snippets.has(arg)) err(`step ${stepId}: snippet:${arg} is not a snippet in snippets/`);
            return `](${commandUri(COMMANDS.insertSnippet, [arg])})`;
          case 'explorer':
            return `](${commandUri(EXPLORER_FOCUS)})`;
          case 'check':
            return `](${commandUri(COMMANDS.checkNow, [id])})`;
          case 'drill':
            return `](${commandUri(COMMANDS.openDrill, [id])})`;
          case 'done':
            return `](${commandUri(COMMANDS.markDone, [id, arg || stepId])})`;
          case 'dashboard':
            return `](${commandUri(COMMANDS.openDashboard)})`;
          case 'tables':
            return `](${commandUri(COMMANDS.showTableDesigns, [id])})`;
          case 'command':
          case 'https':
          case 'http':
            return whole;
          default:
            err(`step ${stepId}: unknown link scheme ${scheme}:`);
            return whole;
        }
      });

    const outSteps = [];
    const runtimeSteps = [];
    const stepIds = new Set();
    for (const step of steps) {
      const sid = step?.id;
      if (typeof sid !== 'string' || !/^[a-z0-9-]+$/.test(sid)) {
        err(`a step id must be lower-case words joined by dashes (got ${JSON.stringify(sid)})`);
        continue;
      }
      if (stepIds.has(sid)) err(`duplicate step id ${sid}`);
      stepIds.add(sid);
      total++;
      if (typeof step.title !== 'string' || !step.title.trim()) err(`step ${sid}: title is required`);
      const description = expand(String(step.description ?? ''), sid);
      if (!/\]\(command:/.test(description))
        err(`step ${sid}: gives no command link (a button or an extension command)`);

      let completionEvents;
      let kind;
      if (step.check === true && step.manual === true) err(`step ${sid}: is both checked and manual`);
      if (step.check === true) {
        kind = 'check';
        if (!reg.CHECKS[id]?.[sid]) err(`step ${sid}: check: true but src/walkthrough/checks has no ${id}.${sid}`);
        completionEvents = [`onContext:${reg.exerciseKey(id, sid)}`];
        verified++;
        const source = reg.checkSource(id, sid);
        bySource[source] = (bySource[source] ?? 0) + 1;
      } else if (step.manual === true) {
        kind = 'manual';
        if (!reg.MANUAL_STEPS[id]?.includes(sid)) err(`step ${sid}: manual but not listed in MANUAL_STEPS.${id}`);
        completionEvents = [`onContext:${reg.manualKey(id, sid)}`];
      } else {
        err(`step ${sid}: needs check: true (verified) or manual: true (completes on a command)`);
        continue;
      }
      for (const ev of completionEvents) {
        const [type, ...rest] = ev.split(':');
        const value = rest.join(':');
        if (type === 'onContext' && !contextKeys.has(value))
          err(`step ${sid}: ${value} is not a context key the extension sets`);
        if (type === 'onCommand' && !declared.has(value)) err(`step ${sid}: ${value} is not a declared command`);
      }

      const mediaFile = step.media === 'interview.md' ? 'interview.md' : step.media;
      const ext = typeof mediaFile === 'string' ? mediaFile.slice(mediaFile.lastIndexOf('.')) : '';
      const mediaKind = MEDIA_KINDS[ext];
      let media;
      if (!mediaKind) err(`step ${sid}: media must be a .md, .svg or .png file`);
      else {
        const rel = `${source.rel}/${mediaFile}`;
        if (mediaFile !== 'interview.md' && !existsSync(join(root, rel)))
          err(`step ${sid}: media ${rel} does not exist`);
        if (mediaKind === 'markdown') media = { markdown: rel };
        else {
          if (typeof step.alt !== 'string' || !step.alt.trim()) err(`step ${sid}: ${ext} media needs alt text (alt:)`);
          media = mediaKind === 'svg' ? { svg: rel, altText: step.alt } : { image: rel, altText: step.alt };
        }
        if (mediaKind === 'markdown' && mediaFile !== 'interview.md' && existsSync(join(root, rel))) {
          for (const cmd of commandLinks(readFileSync(join(root, rel), 'utf8'))) {
            if (!declared.has(cmd)) err(`step ${sid}: ${rel} links to undeclared command ${cmd}`);
          }
        }
      }
      for (const cmd of commandLinks(description)) {
        if (!declared.has(cmd)) err(`step ${sid}: links to undeclared command ${cmd}`);
      }
      outSteps.push({ id: sid, title: step.title, description, media, completionEvents });
      runtimeSteps.push({
        id: sid,
        title: step.title,
        kind,
        ...(kind === 'check' ? { source: reg.checkSource(id, sid) } : {}),
      });
    }

    for (const name of Object.keys(terminal))
      if (!usedTerminal.has(name)) err(`terminal command ${name} is never linked`);
    for (const sid of Object.keys(reg.CHECKS[id] ?? {})) if (!stepIds.has(sid)) err(`check ${id}.${sid} has no step`);
    for (const sid of reg.MANUAL_STEPS[id] ?? []) if (!stepIds.has(sid)) err(`manual step ${id}.${sid} has no step`);

    const interview = Array.isArray(week.interview) ? week.interview : [];
    // A lab is practice, not a lesson: its drill is optional.
    if (source.kind === 'week' && interview.length < MIN_QUESTIONS)
      err(`has ${interview.length} interview questions; at least ${MIN_QUESTIONS}`);
    for (const [i, qa] of interview.entries()) {
      if (typeof qa?.q !== 'string' || typeof qa?.a !== 'string' || !qa.q.trim() || !qa.a.trim()) {
        err(`interview question ${i + 1} needs q and a`);
      }
    }
    if (steps.some((s) => s?.media === 'interview.md')) {
      interviews.set(`${source.rel}/interview.md`, interviewMarkdown(week.title, interview));
    }
    if (source.kind === 'lab') {
      const diagram = await labDiagram(root, source, reg, err);
      if (diagram) diagrams.set(diagram.rel, diagram.text);
    }

    walkthroughs.push({ id, title: week.title, description: week.description, steps: outSteps });
    weeks.push({
      id,
      folder: source.rel,
      title: week.title,
      description: week.description,
      steps: runtimeSteps,
      terminal,
      interview: interview.map((qa) => ({ q: qa.q, a: qa.a })),
    });
  }

  const present = weeks.map((w) => w.id);
  for (const wid of reg.WEEK_IDS)
    if (!present.includes(wid)) errors.push(`walkthroughs: week ${wid} is missing (ids are permanent)`);
  const share = total === 0 ? 0 : verified / total;
  if (share < MIN_VERIFIED) {
    errors.push(
      `only ${verified} of ${total} steps (${(share * 100).toFixed(1)} %) are verified; at least ${MIN_VERIFIED * 100} % must be`,
    );
  }
  const usedSnippets = Object.fromEntries(
    [...snippets].map(([name, s]) => [name, { language: s.language, file: s.file, prefix: s.prefix }]),
  );
  const stats = { weeks: weeks.length, steps: total, verified, manual: total - verified, share, bySource };
  const curriculum = { generatedBy: 'scripts/walkthroughs.mjs', weeks, snippets: usedSnippets, stats };
  return { walkthroughs, curriculum, interviews, diagrams, errors, stats, pkg };
}

const DIAGRAM_START = '<!-- target-diagram: generated by scripts/walkthroughs.mjs from expected.json -->';
const DIAGRAM_END = '<!-- /target-diagram -->';

/**
 * The lab's README with its target diagram redrawn from expected.json by the graph's own Mermaid export, so the
 * picture and the checks cannot disagree; also proves every step of the walkthrough has expected edges.
 */
async function labDiagram(root, source, reg, err) {
  const { tsImport } = await import('tsx/esm/api');
  const load = async (path) => {
    const mod = await tsImport(pathToFileURL(join(root, path)).href, import.meta.url);
    return mod.default?.toMermaid || mod.default?.parseExpectedWiring ? mod.default : mod;
  };
  const { parseExpectedWiring, expectedGraph, expectedSteps } = await load('src/graph/expected.ts');
  const { toMermaid } = await load('src/graph/exports.ts');
  let expected;
  try {
    expected = parseExpectedWiring(JSON.parse(readFileSync(join(root, source.rel, 'expected.json'), 'utf8')));
  } catch (e) {
    err(`expected.json: ${e.message}`);
    return undefined;
  }
  if (expected.lab !== source.slug) err(`expected.json: lab must be ${source.slug}`);
  for (const step of expectedSteps(expected)) {
    if (!reg.CHECKS[source.id]?.[step]) err(`expected.json: step ${step} has no check ${source.id}.${step}`);
  }
  const rel = `${source.rel}/README.md`;
  const readme = existsSync(join(root, rel)) ? readFileSync(join(root, rel), 'utf8') : '';
  const start = readme.indexOf(DIAGRAM_START);
  const end = readme.indexOf(DIAGRAM_END);
  if (start < 0 || end < start) {
    err(`${rel} needs the target diagram markers ${DIAGRAM_START} … ${DIAGRAM_END}`);
    return undefined;
  }
  const block = `${DIAGRAM_START}\n\n\`\`\`mermaid\n${toMermaid(expectedGraph(expected))}\`\`\`\n\n`;
  return { rel, text: readme.slice(0, start) + block + readme.slice(end) };
}

function escapeHtml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The drill as markdown: each answer folded away until the learner opens it. */
export function interviewMarkdown(title, interview) {
  const lines = [
    `<!-- Generated by scripts/walkthroughs.mjs from week.yaml: edit the interview list there. -->`,
    `# Interview drill — ${title.replace(/^Week \d+ · /, '')}`,
    '',
    'Say your answer out loud (or write it down) before opening ours.',
    'Open one answer at a time.',
    '',
  ];
  interview.forEach((qa, i) => {
    lines.push(
      `### ${i + 1}. ${qa.q}`,
      '',
      '<details>',
      '<summary>Show our answer</summary>',
      '',
      escapeHtml(qa.a),
      '',
      '</details>',
      '',
    );
  });
  return lines.join('\n');
}

function stable(value) {
  return JSON.stringify(value);
}

async function main() {
  const check = process.argv.includes('--check');
  const result = await compile();
  const { errors, stats, walkthroughs, curriculum, interviews, diagrams } = result;
  const generated = [...interviews, ...diagrams];
  const curriculumPath = join(ROOT, 'walkthroughs', 'curriculum.json');
  const curriculumText = JSON.stringify(curriculum, null, 2) + '\n';

  if (check) {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    if (stable(pkg.contributes?.walkthroughs) !== stable(walkthroughs)) {
      errors.push('package.json contributes.walkthroughs is out of date: run node scripts/walkthroughs.mjs');
    }
    if (!existsSync(curriculumPath) || readFileSync(curriculumPath, 'utf8') !== curriculumText) {
      errors.push('walkthroughs/curriculum.json is out of date: run node scripts/walkthroughs.mjs');
    }
    for (const [rel, text] of generated) {
      const abs = join(ROOT, rel);
      if (!existsSync(abs) || readFileSync(abs, 'utf8') !== text)
        errors.push(`${rel} is out of date: run node scripts/walkthroughs.mjs`);
    }
  } else if (errors.length === 0) {
    // Re-read package.json right before writing: other parts of the manifest change while we compile.
    const pkgPath = join(ROOT, 'package.json');
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
    pkg.contributes.walkthroughs = walkthroughs;
    writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');
    writeFileSync(curriculumPath, curriculumText);
    for (const [rel, text] of generated) writeFileSync(join(ROOT, rel), text);
  }

  const pct = (stats.share * 100).toFixed(1);
  const sources = Object.entries(stats.bySource)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  console.log(
    `[walkthroughs] ${stats.weeks} weeks, ${stats.steps} steps, ${stats.verified} verified (${pct} %: ${sources}), ${stats.manual} complete on a command`,
  );
  if (errors.length) {
    for (const e of errors) console.error(`  ✗ ${e}`);
    console.error(`[walkthroughs] ${errors.length} problem(s)`);
    process.exit(1);
  }
  console.log(
    check ? '[walkthroughs] check passed' : `[walkthroughs] wrote package.json, ${relative(ROOT, curriculumPath)}`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
