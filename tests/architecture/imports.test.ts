import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The import structure of src/ (docs/architecture.md): folders in layers, lowest first. A file may
// import its own folder or a folder below it, never one above (type-only imports included), and no
// files may import each other in a cycle. A new top-level folder must be placed here.
export const LAYERS: readonly string[] = [
  'util',
  'i18n',
  'load',
  'numbers',
  'diagnostics',
  'schema',
  'config',
  'data',
  'model',
  'system',
  'catalog',
  'coverage',
  'rules',
  'report',
  'gaps',
  'assess',
  'export',
  'pipeline',
  'serve',
  'authoring',
  'cli',
];

const SRC = path.resolve(__dirname, '../../src');
const SPEC = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every .ts/.cts file of a source tree (declaration files excluded) and the relative imports it makes. */
export function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.c?ts$/.test(e.name) && !e.name.endsWith('.d.ts')) {
        const text = readFileSync(p, 'utf8');
        const deps = new Set<string>();
        for (const m of text.matchAll(SPEC)) {
          deps.add(path.relative(root, path.resolve(path.dirname(p), m[1]!)).replace(/\.js$/, '.ts').replace(/\.cjs$/, '.cts'));
        }
        graph.set(path.relative(root, p), [...deps]);
      }
    }
  };
  walk(root);
  return graph;
}

/** Import cycles (strongly connected components of more than one file, or a file importing itself). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const folderOf = (file: string) => file.split(/[\\/]/)[0]!;

/** Imports from a folder to a folder in a higher layer (or to a folder not in LAYERS), as "from -> to". */
export function upwardImports(graph: Map<string, string[]>, layers: readonly string[]): string[] {
  const rank = new Map(layers.map((f, i) => [f, i]));
  const bad: string[] = [];
  for (const [file, deps] of graph) {
    const from = rank.get(folderOf(file));
    if (from === undefined) {
      bad.push(`${file}: folder ${folderOf(file)}/ is not in LAYERS`);
      continue;
    }
    for (const dep of deps) {
      if (dep.startsWith('..')) {
        bad.push(`${file} -> ${dep} (outside src/)`);
        continue;
      }
      const to = rank.get(folderOf(dep));
      if (to === undefined || to > from) bad.push(`${file} -> ${dep}`);
    }
  }
  return bad.sort();
}

describe('the import structure of src/', () => {
  const graph = importGraph(SRC);

  it('finds the imports it checks (the parser is not blind)', () => {
    expect(graph.get(path.join('cli', 'index.ts'))?.length).toBeGreaterThan(3);
    expect(graph.get(path.join('rules', 'priority.ts'))).toContain(path.join('coverage', 'index-services.ts'));
  });

  it('has no import cycles', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no import from a lower folder to a higher one (nothing below cli/ imports it)', () => {
    expect(upwardImports(graph, LAYERS)).toEqual([]);
  });

  it('would catch a cycle and an upward import', () => {
    const planted = new Map([
      ['load/a.ts', ['load/b.ts']],
      ['load/b.ts', ['load/a.ts']],
      ['rules/x.ts', ['cli/common.ts']],
      ['cli/common.ts', []],
    ]);
    expect(cycles(planted)).toEqual([['load/a.ts', 'load/b.ts']]);
    expect(upwardImports(planted, LAYERS)).toEqual(['rules/x.ts -> cli/common.ts']);
  });
});
