import type { ExtensionBrowser } from '../e2e/harness';
import { figure, inOrder, repeat } from './figures';
import { seed } from './roster';

// The team view's first paint: from navigation start to the first visible row of the coverage matrix.

/** Milliseconds from team.html's navigation start to its first visible matrix row, timed in the page. */
async function timeTeamView(ext: ExtensionBrowser, members: number): Promise<number> {
  await seed(ext, members);
  const page = await ext.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { firstRow?: number };
    new MutationObserver(() => {
      if (w.firstRow === undefined && document.querySelector('[data-testid="matrix-row"]')?.checkVisibility())
        w.firstRow = performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await page.goto(ext.extensionUrl('team.html'));
  const ms = await page
    .waitForFunction(() => (window as unknown as { firstRow?: number }).firstRow, null, { timeout: 30_000 })
    .then((handle) => handle.jsonValue() as Promise<number>);
  const rows = await page.locator('[data-testid="coverage-matrix"]').getAttribute('aria-rowcount');
  if (rows !== String(members + 2)) throw new Error(`team view of ${members} shows aria-rowcount ${rows}`);
  await page.close();
  return ms;
}

/** Measures the team.*.first-row figures. */
export async function benchTeam(ext: ExtensionBrowser): Promise<void> {
  const times = new Map<number, number[]>([
    [1_000, []],
    [10_000, []],
  ]);
  await timeTeamView(ext, 10); // warm-up: the first open compiles the code
  await repeat('team', async (_run, flip) => {
    for (const n of inOrder([1_000, 10_000], flip)) times.get(n)?.push(await timeTeamView(ext, n));
  });
  figure('team.1k.first-row', times.get(1_000), 'ms');
  figure('team.10k.first-row', times.get(10_000), 'ms');
}
