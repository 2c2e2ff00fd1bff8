import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../e2e/harness';
import { type Attributed, startProfile, stopProfile, YARDSTICK_PATH } from './attribution';
import { figure, inOrder, repeat } from './figures';
import { NON_PROFILE_PAGES, TEAMMATE } from './pages';

// cpu.*: the CPU time of TeamFollow's content script, by attribution (the page's own profile), per page load and per
// 1,000 DOM mutations. cost.* and memory.page.*: the wall-clock cost to a busy page against browsers without the
// extension, reported only (see bench/README.md for why).

const LOAD_CHANGES = 500; // 50 a second for 10 s
const LOAD_RATE = 50;
const SETTLE_MS = 1_000;
// The other sites' pages run a shorter load: the content script attaches nothing there, so this is a check.
const FEED_CHANGES = 100;
const FEED_RATE = 100;
const FEED_SETTLE_MS = 700;
// Loads of the extension's side per run; the run's load figure is their median.
const LOADS = 3;
// The yardstick's thread time that counts as this machine's speed (its median here on 2026-12-03): a figure is the
// extension's thread time times this over the yardstick's in the same trace, i.e. ms at that one speed.
const YARDSTICK_REFERENCE_MS = 3;
// Yardstick runs in each trace; their median is the trace's speed.
const YARDSTICKS = 3;
let yardsticks = 0;

/** Runs the yardstick in the page's main world, each time from a new URL so that V8 compiles it afresh. */
async function runYardstick(page: Page): Promise<void> {
  for (let i = 0; i < YARDSTICKS; i++) await page.addScriptTag({ url: `${YARDSTICK_PATH}?${yardsticks++}` });
}

const mid = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
/** The extension's thread time in `attributed` at the reference speed (YARDSTICK_REFERENCE_MS). */
const scaled = (attributed: Attributed) => {
  const speed = mid(attributed.yardstick);
  if (!(speed > 0)) throw new Error('no yardstick in the trace');
  return (attributed.extension * YARDSTICK_REFERENCE_MS) / speed;
};

interface Loaded {
  page: Page;
  cdp: CDPSession;
  /** Script time while the page loaded and settled. */
  load: Attributed;
}

interface Run {
  script: number;
  task: number;
  heap: number;
  /** Script time while the page made its changes, and how many mutation records they were. */
  busy: Attributed;
  mutations: number;
}

/** Opens `url` in a new tab, profiled from before navigation until it settled (the flag drawn on a teammate's profile). */
async function openLoaded(
  context: BrowserContext,
  url: string,
  origin: string,
  settle: number,
): Promise<Loaded> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await startProfile(cdp);
  await page.goto(url);
  await page.waitForTimeout(settle);
  await runYardstick(page);
  return { page, cdp, load: await stopProfile(cdp, origin) };
}

/** The page's changes (`total` at `rate` a second), profiled; main-thread script and task time; JS heap after GC. */
async function measureLoad({ page, cdp }: Loaded, origin: string, total: number, rate: number): Promise<Run> {
  const metrics = async () =>
    new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  await startProfile(cdp);
  const { mutations } = await page.evaluate(
    ({ total, rate }) =>
      (
        window as unknown as { __bench: { run(t: number, r: number): Promise<{ mutations: number }> } }
      ).__bench.run(total, rate),
    { total, rate },
  );
  await runYardstick(page);
  const busy = await stopProfile(cdp, origin);
  const after = await metrics();
  const delta = (name: string) => ((after.get(name) ?? 0) - (before.get(name) ?? 0)) * 1000;
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return { script: delta('ScriptDuration'), task: delta('TaskDuration'), heap: usedSize, busy, mutations };
}

/** Collects the runs of each figure by name. */
class Series {
  readonly seen = new Map<string, number[]>();
  add(key: string, value: number): void {
    this.seen.set(key, [...(this.seen.get(key) ?? []), value]);
  }
  get(key: string): number[] | undefined {
    return this.seen.get(key);
  }
}

// What the extension's functions spent most on, summed over the runs, for BENCH_TOP=1.
const top = new Map<string, number>();
const noteTop = (label: string, attributed: Attributed) => {
  for (const [name, ms] of attributed.top)
    top.set(`${label}: ${name}`, (top.get(`${label}: ${name}`) ?? 0) + ms);
};

/** Opens and closes `url` until there are LOADS load profiles with `first`; their median extension and page time. */
async function moreLoads(
  context: BrowserContext,
  url: string,
  origin: string,
  settle: number,
  first: Attributed,
) {
  const loads = [first];
  while (loads.length < LOADS) {
    const again = await openLoaded(context, url, origin, settle);
    await again.page.close();
    loads.push(again.load);
  }
  return {
    extension: mid(loads.map(scaled)),
    thread: mid(loads.map((l) => l.extension)),
    yardstick: mid(loads.map((l) => mid(l.yardstick))),
  };
}

/** The attributed figures of one kind of page from the extension's side: per load and per 1,000 mutations. */
function addAttributed(
  series: Series,
  label: string,
  loaded: Loaded,
  load: { extension: number; thread: number; yardstick: number },
  run: Run,
): void {
  series.add(`${label}.load`, load.extension);
  series.add(`${label}.per-1k-mutations`, scaled(run.busy) / (run.mutations / 1000));
  series.add(`${label}.thread.load`, load.thread);
  series.add(`${label}.thread.per-1k-mutations`, run.busy.extension / (run.mutations / 1000));
  series.add('yardstick', load.yardstick);
  // The extension's script time over the page's own, loading and changing together.
  series.add(
    `${label}.share`,
    (loaded.load.extension + run.busy.extension) / (loaded.load.page + run.busy.page),
  );
  noteTop(`${label} load`, loaded.load);
  noteTop(`${label} changes`, run.busy);
}

function attributedFigures(series: Series, label: string): void {
  figure(`cpu.${label}.load`, series.get(`${label}.load`), 'ms', 2);
  figure(`cpu.${label}.per-1k-mutations`, series.get(`${label}.per-1k-mutations`), 'ms', 3);
  figure(`cpu.${label}.share`, series.get(`${label}.share`), 'x', 3);
  // The unscaled thread time, reported: what the yardstick corrects.
  figure(`thread.${label}.load`, series.get(`${label}.thread.load`), 'ms', 2);
  figure(`thread.${label}.per-1k-mutations`, series.get(`${label}.thread.per-1k-mutations`), 'ms', 3);
}

/** The yardstick's thread time over the part's loads (against YARDSTICK_REFERENCE_MS). */
function yardstickFigure(series: Series, part: string): void {
  figure(`yardstick.${part}`, series.get('yardstick'), 'ms', 2);
}

/**
 * X's home timeline and a teammate's profile, each in three browsers: with the extension, without, and a control
 * without. Each side loads on its own (so the load profiles do not compete), then all three make the same changes
 * at the same time, so the other processes on this shared machine weigh on the three alike. Every side is profiled,
 * so the profiler's own overhead cancels out of the wall-clock ratios.
 */
export async function benchCost(
  ext: ExtensionBrowser,
  plain: BrowserContext,
  control: BrowserContext,
): Promise<void> {
  const origin = ext.extensionUrl('');
  const kinds = [
    { label: 'timeline', url: 'https://x.com/home', flags: 0 },
    { label: 'profile', url: `https://x.com/${TEAMMATE}`, flags: 1 },
  ];
  const series = new Series();
  await repeat('cost (2 x 15 s a run)', async (_run, flip) => {
    for (const kind of kinds) {
      const contexts = [ext.context, plain, control];
      const opened = new Map<BrowserContext, Loaded>();
      for (const context of inOrder(contexts, flip))
        opened.set(context, await openLoaded(context, kind.url, origin, SETTLE_MS));
      const sides = contexts.map((context) => opened.get(context) as Loaded);
      const runs = new Map<Loaded, Run>();
      await Promise.all(
        inOrder(sides, flip).map(async (side) =>
          runs.set(side, await measureLoad(side, origin, LOAD_CHANGES, LOAD_RATE)),
        ),
      );
      const [withExt, without, again] = sides.map((side) => runs.get(side));
      if (!withExt || !without || !again || !sides[0]) throw new Error('missing side');
      const flags = await sides[0].page.locator('[data-testid="teamfollow-flag"]').count();
      if (flags !== kind.flags) throw new Error(`${kind.url}: ${flags} flags with the extension`);
      await Promise.all(sides.map((side) => side.page.close()));
      const load = await moreLoads(ext.context, kind.url, origin, SETTLE_MS, sides[0].load);
      addAttributed(series, kind.label, sides[0], load, withExt);
      for (const metric of ['script', 'task'] as const) {
        series.add(`${kind.label}.${metric}.ratio`, withExt[metric] / without[metric]);
        series.add(`${kind.label}.${metric}.control`, again[metric] / without[metric]);
        series.add(`${kind.label}.${metric}.with`, withExt[metric]);
        series.add(`${kind.label}.${metric}.without`, without[metric]);
      }
      if (kind.label === 'profile') {
        series.add('heap.with', withExt.heap / 2 ** 20);
        series.add('heap.without', without.heap / 2 ** 20);
        series.add('heap.extension', (withExt.heap - without.heap) / 2 ** 20);
      }
    }
  });
  for (const kind of kinds) {
    attributedFigures(series, kind.label);
    for (const metric of ['script', 'task'] as const) {
      const key = `${kind.label}.${metric}`;
      figure(`cost.${key}.ratio`, series.get(`${key}.ratio`), 'x', 3);
      figure(`cost.${key}.control`, series.get(`${key}.control`), 'x', 3);
      figure(`cost.${key}.with`, series.get(`${key}.with`), 'ms');
      figure(`cost.${key}.without`, series.get(`${key}.without`), 'ms');
    }
  }
  figure('memory.page.with', series.get('heap.with'), 'MB', 2);
  figure('memory.page.without', series.get('heap.without'), 'MB', 2);
  figure('memory.page.extension', series.get('heap.extension'), 'MB', 2);
  yardstickFigure(series, 'cost');
}

/** The content script of every other site on a page of that site that is not a profile: attributed figures only. */
export async function benchFeeds(ext: ExtensionBrowser): Promise<void> {
  const origin = ext.extensionUrl('');
  const series = new Series();
  const sites = Object.entries(NON_PROFILE_PAGES);
  await repeat(`cost, other sites (${sites.length} pages a run)`, async (_run, flip) => {
    for (const [site, url] of inOrder(sites, flip)) {
      const loaded = await openLoaded(ext.context, url, origin, FEED_SETTLE_MS);
      const run = await measureLoad(loaded, origin, FEED_CHANGES, FEED_RATE);
      if (run.mutations === 0) throw new Error(`${url}: the page made no changes`);
      await loaded.page.close();
      const load = await moreLoads(ext.context, url, origin, FEED_SETTLE_MS, loaded.load);
      addAttributed(series, `${site}-feed`, loaded, load, run);
    }
  });
  for (const [site] of sites) attributedFigures(series, `${site}-feed`);
  yardstickFigure(series, 'feeds');
}

/** Prints where the extension's attributed time went (BENCH_TOP=1), summed over every run. */
export function printTop(): void {
  if (!process.env.BENCH_TOP) return;
  const lines = [...top].sort((a, b) => b[1] - a[1]).slice(0, 40);
  for (const [name, ms] of lines) process.stderr.write(`${ms.toFixed(2).padStart(8)} ms  ${name}\n`);
}
