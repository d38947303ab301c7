// No import cycles in the extension host (src), the language server (server/src) or the webviews. Imports are read
// with the TypeScript compiler's own parser (static imports, `export … from`, `import()` and `import type` alike: a
// cycle through types still ties the modules' designs together), resolved to files of this repository, and every
// strongly connected group of two or more files is reported with one path around it.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, test } from 'node:test';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..', '..');
const TREES = ['src', 'server/src', 'webviews'];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The module specifiers a file names, from the compiler's syntax tree. */
function specifiersOf(fileName: string, text: string): string[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) out.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      out.push(node.arguments[0].text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expr = node.moduleReference.expression;
      if (ts.isStringLiteral(expr)) out.push(expr.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** The repository file a relative specifier names (`./x`, `./x.js`, `./x/index`), or undefined for packages. */
function resolveRelative(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier.replace(/\.(m|c)?js$/, ''));
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Strongly connected components (Tarjan) with more than one file, or one file importing itself. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string): void => {
    indexOf.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indexOf.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
      }
    }
    if (low.get(v) === indexOf.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(group.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indexOf.has(v)) connect(v);
  return found;
}

/** One way around a group: a path from its first file back to itself through files of the group. */
function pathAround(graph: ReadonlyMap<string, readonly string[]>, group: readonly string[]): string[] {
  const members = new Set(group);
  const start = group[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let at: string | undefined = v; at !== undefined && at !== start; at = previous.get(at))
          path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [...group];
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const tree of TREES) {
    for (const file of sourceFiles(join(ROOT, tree))) {
      const targets = specifiersOf(file, readFileSync(file, 'utf8'))
        .map((s) => resolveRelative(file, s))
        .filter((t): t is string => t !== undefined);
      graph.set(file, [...new Set(targets)]);
    }
  }
  return graph;
}

describe('import cycles', () => {
  test('the finder sees a cycle through `import type` and `export … from`, and none in a chain', () => {
    const a = specifiersOf('a.ts', "import type { B } from './b';\nexport { c } from './c';\nconst d = import('./d');");
    assert.deepEqual(a, ['./b', './c', './d']);
    const loop = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
      ['e', ['e']],
    ]);
    assert.deepEqual(cycles(loop), [['a', 'b', 'c'], ['e']]);
    assert.deepEqual(pathAround(loop, ['a', 'b', 'c']), ['a', 'b', 'c', 'a']);
    assert.deepEqual(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
      [],
    );
  });

  const graph = importGraph();

  test('resolves the relative imports of the real tree', () => {
    assert.ok(graph.size > 100, `read ${graph.size} files`);
    const core = join(ROOT, 'server', 'src', 'core');
    const analyze = graph.get(join(core, 'analyze.ts')) ?? [];
    assert.ok(analyze.includes(join(core, 'syntax', 'parse.ts')), JSON.stringify(analyze));
    assert.ok(analyze.includes(join(core, 'iam', 'rules', 'index.ts')), JSON.stringify(analyze));
    const protocol = graph.get(join(ROOT, 'src', 'webviews', 'protocol', 'sqs.ts')) ?? [];
    assert.ok(protocol.includes(join(ROOT, 'src', 'aws', 'records', 'sqs.ts')), JSON.stringify(protocol));
  });

  const groups = cycles(graph);
  for (const tree of TREES) {
    test(`no import cycle runs through ${tree}`, () => {
      const inTree = (f: string): boolean => relative(join(ROOT, tree), f).split(sep)[0] !== '..';
      const found = groups
        .filter((g) => g.some(inTree))
        .map((g) =>
          pathAround(graph, g)
            .map((f) => relative(ROOT, f))
            .join(' → '),
        );
      assert.deepEqual(found, [], `import cycles:\n${found.join('\n')}`);
    });
  }
});
