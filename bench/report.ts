import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { budgets, figures, ONLY, RUNS } from './figures';

// The end of a run: the table, the verdict, results.json and the exit code.

/** Prints the figures as a table: each with the min, median and max of its runs and its budget. */
export function printTable(): void {
  const rows = figures.map((f) => [
    f.name,
    f.runs.length > 1 ? String(Math.min(...f.runs)) : '',
    String(f.value),
    f.runs.length > 1 ? String(Math.max(...f.runs)) : '',
    f.unit,
    f.budget === null ? '' : `≤ ${f.budget}`,
    f.pass === null ? '' : f.pass ? 'pass' : 'OVER',
  ]);
  const head = ['figure', 'min', 'median', 'max', 'unit', 'budget', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const numeric = new Set([1, 2, 3]);
  const line = (cells: string[]) =>
    cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row).trimEnd());
}

/** Prints the table and the verdict, writes the results, and sets the exit code: 1 when a budget is missed. */
export async function report(chromium: string, started: number): Promise<void> {
  printTable();
  const missing = Object.keys(budgets).filter((name) => !figures.some((f) => f.name === name));
  if (missing.length > 0) console.log(`\nbudgets with no figure: ${missing.join(', ')}`);
  const failed = figures.filter((f) => f.pass === false);
  console.log(
    `\n${RUNS} runs a figure, Chromium ${chromium}, ${Math.round((Date.now() - started) / 1000)} s. ` +
      (failed.length ? `Over budget: ${failed.map((f) => f.name).join(', ')}.` : 'All budgets met.'),
  );
  // A partial run (BENCH_ONLY) keeps its figures out of the reported results.
  await writeFile(
    resolve(import.meta.dirname, ONLY ? 'out/results.partial.json' : 'results.json'),
    `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, chromium, figures }, null, 2)}\n`,
  );
  process.exitCode = failed.length > 0 || missing.length > 0 ? 1 : 0;
}
