import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The house rules a reader relies on, checked over the source tree: no import cycle, the core never draws,
// the site layer imports nothing from outside its folder, and vitest stays in tests.

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE_DIRS = ['utils', 'components', 'entrypoints'];
const isTest = (file: string) => /\.test\.tsx?$|\.cases\.ts$|(^|\/)recorded\//.test(file);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const IMPORT = /^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm;

/** The repository files `file` imports by relative path (packages and `?inline`/`?raw` assets left out). */
function localImports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)]
    .map((match) => (match[1] ?? match[2]) as string)
    .filter((spec) => spec.startsWith('.') && !spec.includes('?'))
    .map((spec) => {
      const base = join(dirname(file), spec);
      const found = ['', '.ts', '.tsx', '/index.ts', '/index.tsx']
        .map((ext) => base + ext)
        .find((p) => existsSync(join(ROOT, p)) && statSync(join(ROOT, p)).isFile());
      return found ?? base;
    });
}

const files = SOURCE_DIRS.flatMap(sourceFiles).filter((file) => !isTest(file));
const graph = new Map(files.map((file) => [file, localImports(file)]));

describe('layers', () => {
  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('keeps the core from drawing: utils/ never imports components/', () => {
    const offenders = files
      .filter((f) => f.startsWith('utils/'))
      .filter((f) => graph.get(f)?.some((i) => i.startsWith('components/')));
    expect(offenders).toEqual([]);
  });

  it('keeps the site layer self-contained: utils/sites/ imports only from its own folder', () => {
    const offenders = files
      .filter((f) => f.startsWith('utils/sites/'))
      .flatMap((f) =>
        (graph.get(f) ?? []).filter((i) => !i.startsWith('utils/sites/')).map((i) => `${f} → ${i}`),
      );
    expect(offenders).toEqual([]);
  });

  it('imports vitest only in tests and test helpers', () => {
    const offenders = files.filter((f) => /from 'vitest'/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders.map((f) => relative(ROOT, join(ROOT, f)))).toEqual([]);
  });
});
