import { readFile } from 'node:fs/promises';
import type { Figure } from './figures';

// `vite-node bench/compare.ts first.json second.json`: two full runs side by side, and whether every attributed
// figure (cpu.*) agrees within 20% (the larger over the smaller; two zeros agree). Exits 1 when one does not.

const AGREE = 1.2;
const [first, second] = await Promise.all(
  process.argv.slice(2, 4).map(async (path) => {
    const { figures }: { figures: Figure[] } = JSON.parse(await readFile(path, 'utf8'));
    return new Map(figures.map((f) => [f.name, f]));
  }),
);
if (!first || !second) throw new Error('usage: vite-node bench/compare.ts first.json second.json');

let disagree = 0;
console.log('| figure | run 1 (min / median / max) | run 2 (min / median / max) | budget | 2 / 1 |');
console.log('|---|---|---|---|---|');
const cell = (f: Figure | undefined) =>
  f
    ? f.runs.length > 1
      ? `${Math.min(...f.runs)} / **${f.value}** / ${Math.max(...f.runs)}`
      : `**${f.value}**`
    : '–';
for (const [name, a] of first) {
  const b = second.get(name);
  const ratio = a.value === 0 && b?.value === 0 ? 1 : (b?.value ?? Number.NaN) / a.value;
  const attributed = name.startsWith('cpu.');
  const agrees = ratio <= AGREE && ratio >= 1 / AGREE;
  if (attributed && !agrees) disagree++;
  const mark = attributed ? (agrees ? '' : ' **disagree**') : '';
  const unit = a.unit ? ` ${a.unit}` : '';
  const budget =
    a.budget === null ? '' : `≤ ${a.budget}${unit}${a.pass === false || b?.pass === false ? ' (over)' : ''}`;
  console.log(
    `| ${name} | ${cell(a)}${unit} | ${cell(b)}${unit} | ${budget} | ${Number.isFinite(ratio) ? ratio.toFixed(2) : '–'}${mark} |`,
  );
}
console.log(`\nattributed figures outside ±20%: ${disagree}`);
process.exitCode = disagree > 0 ? 1 : 0;
