import type { ExtensionBrowser } from '../e2e/harness';
import { figure, inOrder, repeat } from './figures';
import { LATE_TEAMMATE } from './pages';
import { seed } from './roster';

// What a person waits for: the flag once a profile's Follow button shows, and the popup's first gap row.

/** Measures flag.latency.p50. */
export async function benchFlag(ext: ExtensionBrowser): Promise<void> {
  const page = await ext.context.newPage();
  const latencies: number[] = [];
  await repeat('flag', async () => {
    await page.goto(`https://x.com/${LATE_TEAMMATE}`);
    const ms = await page
      .waitForFunction(
        () => {
          const w = window as unknown as { __headerAt?: number; __flagAt: number | null };
          return w.__headerAt !== undefined && w.__flagAt !== null && w.__flagAt - w.__headerAt;
        },
        null,
        { timeout: 15_000 },
      )
      .then((handle) => handle.jsonValue() as Promise<number>);
    latencies.push(ms);
  });
  await page.close();
  figure('flag.latency.p50', latencies, 'ms', 2);
}

/** Milliseconds from the popup's navigation start to its first visible gap row (with reasons and notices seeded). */
async function timePopup(ext: ExtensionBrowser, members: number): Promise<number> {
  await seed(ext, members);
  const page = await ext.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { firstRow?: number };
    new MutationObserver(() => {
      if (w.firstRow === undefined && document.querySelector('[data-testid="gap-row"]')?.checkVisibility())
        w.firstRow = performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await page.goto(ext.extensionUrl('popup.html'));
  const ms = await page
    .waitForFunction(() => (window as unknown as { firstRow?: number }).firstRow, null, { timeout: 30_000 })
    .then((handle) => handle.jsonValue() as Promise<number>);
  const count = (await page.locator('[data-testid="gap-count"]').textContent())?.replace(/\D/g, '');
  // The notices of the seed's unreadable pages are drawn with the list.
  if ((await page.locator('[data-testid="unreadable-notice"]').count()) === 0)
    throw new Error(`popup with ${members} gaps shows no unreadable-page notice`);
  if (count !== String(members)) throw new Error(`popup with ${members} gaps shows gap-count ${count}`);
  await page.close();
  return ms;
}

/** Measures the popup.*.first-row figures. */
export async function benchPopup(ext: ExtensionBrowser): Promise<void> {
  const times = new Map<number, number[]>([
    [1_000, []],
    [10_000, []],
  ]);
  await timePopup(ext, 10); // warm-up: the first open compiles the code
  await repeat('popup', async (_run, flip) => {
    for (const n of inOrder([1_000, 10_000], flip)) times.get(n)?.push(await timePopup(ext, n));
  });
  figure('popup.1k.first-row', times.get(1_000), 'ms');
  figure('popup.10k.first-row', times.get(10_000), 'ms');
}
