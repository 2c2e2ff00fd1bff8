import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../e2e/harness';
import { figure, inOrder, percentile, repeat } from './figures';

// lookup.*: a content script's lookup round trip with 10 and with 10,000 teammates.

const LOOKUPS_PER_RUN = 100;

/** The content script's isolated world in `page`, reached through CDP (Playwright itself only evaluates in the main world). */
async function contentWorld(page: Page, extensionName: string): Promise<{ cdp: CDPSession; id: number }> {
  const cdp = await page.context().newCDPSession(page);
  const worlds: { id: number; name: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await cdp.send('Runtime.enable');
  for (let waited = 0; waited < 10_000; waited += 50) {
    const world = worlds.find((w) => w.name === extensionName);
    if (world) return { cdp, id: world.id };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no content script world "${extensionName}" in ${page.url()}`);
}

/** Round-trip times (ms) of `lookup` messages sent from the content script's world, each from that profile's page. */
async function lookups(world: { cdp: CDPSession; id: number }, handles: string[]): Promise<number[]> {
  const { result, exceptionDetails } = await world.cdp.send('Runtime.evaluate', {
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
    expression: `(async (handles) => {
      const times = [];
      for (const handle of handles) {
        // The background answers only for the profile the sending page shows: go there first (a same-document
        // navigation, as X's own links do), and let the content script's own lookup of it pass.
        history.pushState(null, '', '/' + handle);
        await new Promise((resolve) => setTimeout(resolve, 40));
        const start = performance.now();
        const answer = await chrome.runtime.sendMessage({ type: 'lookup', site: 'x', handle });
        times.push(performance.now() - start);
        if (!answer?.ok || !answer.member) throw new Error('lookup of ' + handle + ': ' + JSON.stringify(answer));
      }
      return times;
    })(${JSON.stringify(handles)})`,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as number[];
}

/** Measures the lookup.* figures: `big` has 10,000 teammates, `small` 10. */
export async function benchLookup(
  big: ExtensionBrowser,
  small: ExtensionBrowser,
  name: string,
): Promise<void> {
  const sides = [
    { ext: small, members: 10, label: '10' },
    { ext: big, members: 10_000, label: '10k' },
  ] as const;
  const worlds = new Map<string, { cdp: CDPSession; id: number }>();
  const p50 = new Map<string, number[]>();
  const p95 = new Map<string, number[]>();
  const handles = (members: number, run: number) =>
    Array.from({ length: LOOKUPS_PER_RUN }, (_, i) => `user${1 + ((i * 7919 + run * 104_729) % members)}`);
  const pages: Page[] = [];
  for (const side of sides) {
    const page = await side.ext.context.newPage();
    pages.push(page);
    await page.goto('https://x.com/home');
    const world = await contentWorld(page, name);
    await lookups(world, handles(side.members, 99).slice(0, 20)); // warm-up
    worlds.set(side.label, world);
  }
  const ratios: number[] = [];
  await repeat('lookup', async (run, flip) => {
    for (const side of inOrder(sides, flip)) {
      const world = worlds.get(side.label);
      if (!world) throw new Error('no world');
      const times = await lookups(world, handles(side.members, run));
      p50.set(side.label, [...(p50.get(side.label) ?? []), percentile(times, 50)]);
      p95.set(side.label, [...(p95.get(side.label) ?? []), percentile(times, 95)]);
    }
    ratios.push((p50.get('10k')?.at(-1) ?? 0) / (p50.get('10')?.at(-1) ?? 1));
  });
  for (const { label } of sides) {
    figure(`lookup.${label}.p50`, p50.get(label), 'ms', 2);
    figure(`lookup.${label}.p95`, p95.get(label), 'ms', 2);
  }
  figure('lookup.ratio.p50.10k/10', ratios, 'x', 2);
  await Promise.all(pages.map((page) => page.close()));
}
