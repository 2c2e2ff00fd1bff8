import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

// Every figure is the median of RUNS runs, recorded against its budget in bench/budgets.json.

export const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// BENCH_ONLY=import,cost runs some parts only (while working on one figure); the full run is the one to report.
export const ONLY = process.env.BENCH_ONLY?.split(',');
/** Whether this run measures the part `name`. */
export const part = (name: string) => !ONLY || ONLY.includes(name);

/** One measured figure, as results.json holds it. */
export interface Figure {
  name: string;
  /** The median of `runs`. */
  value: number;
  unit: string;
  budget: number | null;
  pass: boolean | null;
  runs: number[];
}

export const budgets: Record<string, number | null> = JSON.parse(
  await readFile(resolve(import.meta.dirname, 'budgets.json'), 'utf8'),
);
/** The figures of this run, in the order they were measured. */
export const figures: Figure[] = [];

/** Records the median of `runs` (one value for a size) against its budget. */
export function figure(name: string, runs: number | number[] = [], unit = '', digits = 1): void {
  const all = (Array.isArray(runs) ? runs : [runs]).map((v) => Number(v.toFixed(digits + 1)));
  const value = Number(median(all).toFixed(digits));
  const budget = budgets[name] ?? null;
  figures.push({ name, value, unit, budget, pass: budget === null ? null : value <= budget, runs: all });
}

const median = (xs: number[]) => percentile(xs, 50);
/** The p-th percentile of `xs` (nearest rank). */
export function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
/** Runs `fn(run, flip)` RUNS times; `flip` alternates which side of a comparison goes first. */
export async function repeat(
  label: string,
  fn: (run: number, flip: boolean) => Promise<void>,
): Promise<void> {
  for (let run = 0; run < RUNS; run++) {
    process.stderr.write(`\r${label} ${run + 1}/${RUNS}   `);
    await fn(run, run % 2 === 1);
  }
  process.stderr.write('\n');
}
/** The sides of a comparison, reversed on flipped runs. */
export const inOrder = <T>(sides: readonly T[], flip: boolean): T[] =>
  flip ? [...sides].reverse() : [...sides];
