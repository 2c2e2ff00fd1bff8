import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../e2e/harness';
import { figure, inOrder, repeat } from './figures';
import { TEAMMATE } from './pages';

// cost.* and memory.page.*: what the content script costs a busy page, against browsers without the extension.

const LOAD_CHANGES = 500; // 50 a second for 10 s
const LOAD_RATE = 50;

interface Loaded {
  page: Page;
  cdp: CDPSession;
}

/** Opens `url` in a new tab and lets it settle: the content script has looked up the profile and drawn its flag. */
async function openLoaded(context: BrowserContext, url: string): Promise<Loaded> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  await page.waitForTimeout(1_000);
  return { page, cdp };
}

/** Main-thread script and task time (ms) while the page makes 500 DOM changes in 10 s; then its JS heap after GC. */
async function measureLoad({ page, cdp }: Loaded): Promise<{ script: number; task: number; heap: number }> {
  const metrics = async () =>
    new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  await page.evaluate(
    ({ total, rate }) =>
      (window as unknown as { __bench: { run(t: number, r: number): Promise<unknown> } }).__bench.run(
        total,
        rate,
      ),
    { total: LOAD_CHANGES, rate: LOAD_RATE },
  );
  const after = await metrics();
  const delta = (name: string) => ((after.get(name) ?? 0) - (before.get(name) ?? 0)) * 1000;
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return { script: delta('ScriptDuration'), task: delta('TaskDuration'), heap: usedSize };
}

/**
 * The same page with and without the extension, in two browsers, under the same load at the same time: the
 * other processes on this shared machine then weigh on both sides alike. `flip` alternates which side starts first.
 * A third browser, also without the extension, gives the control ratio (without/without): the method's own noise.
 */
export async function benchCost(
  ext: ExtensionBrowser,
  plain: BrowserContext,
  control: BrowserContext,
): Promise<void> {
  const kinds = [
    { label: 'timeline', url: 'https://x.com/home', flags: 0 },
    { label: 'profile', url: `https://x.com/${TEAMMATE}`, flags: 1 },
  ];
  const seen = new Map<string, number[]>();
  const add = (key: string, value: number) => seen.set(key, [...(seen.get(key) ?? []), value]);
  await repeat('cost (2 x 12 s a run)', async (_run, flip) => {
    for (const kind of kinds) {
      const sides = await Promise.all(
        [ext.context, plain, control].map((context) => openLoaded(context, kind.url)),
      );
      const costs = new Map<Loaded, Awaited<ReturnType<typeof measureLoad>>>();
      await Promise.all(inOrder(sides, flip).map(async (side) => costs.set(side, await measureLoad(side))));
      const [withExt, without, again] = sides.map((side) => costs.get(side));
      if (!withExt || !without || !again) throw new Error('missing side');
      const flags = await sides[0]?.page.locator('[data-testid="teamfollow-flag"]').count();
      if (flags !== kind.flags) throw new Error(`${kind.url}: ${flags} flags with the extension`);
      await Promise.all(sides.map((side) => side.page.close()));
      for (const metric of ['script', 'task'] as const) {
        add(`${kind.label}.${metric}.ratio`, withExt[metric] / without[metric]);
        add(`${kind.label}.${metric}.control`, again[metric] / without[metric]);
        add(`${kind.label}.${metric}.with`, withExt[metric]);
        add(`${kind.label}.${metric}.without`, without[metric]);
      }
      if (kind.label === 'profile') {
        add('heap.with', withExt.heap / 2 ** 20);
        add('heap.without', without.heap / 2 ** 20);
        add('heap.extension', (withExt.heap - without.heap) / 2 ** 20);
      }
    }
  });
  for (const kind of kinds) {
    for (const metric of ['script', 'task'] as const) {
      const key = `${kind.label}.${metric}`;
      figure(`cost.${key}.ratio`, seen.get(`${key}.ratio`), 'x', 3);
      figure(`cost.${key}.control`, seen.get(`${key}.control`), 'x', 3);
      figure(`cost.${key}.with`, seen.get(`${key}.with`), 'ms');
      figure(`cost.${key}.without`, seen.get(`${key}.without`), 'ms');
    }
  }
  figure('memory.page.with', seen.get('heap.with'), 'MB', 2);
  figure('memory.page.without', seen.get('heap.without'), 'MB', 2);
  figure('memory.page.extension', seen.get('heap.extension'), 'MB', 2);
}
