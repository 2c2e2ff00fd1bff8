import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../e2e/harness';
import { figure, inOrder, repeat } from './figures';
import { COLD_TEAMMATE } from './pages';

// coldstart.*: a teammate's profile opened while the extension's service worker is stopped (as after 30 s idle), and
// the same with the worker running. Time from navigation start to the flag saying "not following", in the page.

const PER_RUN = 2; // 10 of each at the default 5 runs

/** The service worker's versions as the ServiceWorker domain reports them, to stop and watch one. */
class WorkerControl {
  private readonly versions = new Map<string, { scriptURL: string; runningStatus: string }>();
  private readonly changed = new Set<() => void>();

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) this.versions.set(v.versionId, v);
      for (const wake of this.changed) wake();
    });
  }

  /** Watches the workers of the extension's profile through a tab of it (a page session sees its storage partition). */
  static async open(ext: ExtensionBrowser, tab: Page): Promise<WorkerControl> {
    const control = new WorkerControl(await ext.context.newCDPSession(tab));
    await control.cdp.send('ServiceWorker.enable');
    return control;
  }

  private async until(test: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!test()) {
      if (Date.now() > deadline) throw new Error(`service worker: ${what} within 10 s`);
      await new Promise<void>((wake) => {
        const done = () => {
          this.changed.delete(done);
          wake();
        };
        this.changed.add(done);
        setTimeout(done, 100);
      });
    }
  }

  /**
   * Stops the worker whose script is `scriptURL` and waits until it reports stopped. ServiceWorker.stopWorker stops it
   * even with Playwright attached (ServiceWorker.stopAllWorkers and Target.closeTarget did not).
   */
  async stop(scriptURL: string): Promise<void> {
    const running = () =>
      [...this.versions].find(([, v]) => v.scriptURL === scriptURL && v.runningStatus === 'running');
    await this.until(() => running() !== undefined, 'no running version');
    const [versionId] = running() ?? [];
    await this.cdp.send('ServiceWorker.stopWorker', { versionId: versionId ?? '' });
    await this.until(
      () =>
        [...this.versions.values()].some((v) => v.scriptURL === scriptURL && v.runningStatus === 'stopped'),
      'not stopped',
    );
  }
}

/**
 * Milliseconds from navigation start to the flag showing "not following" on the teammate's profile, and from the
 * page's first byte (what comes before is the network: here Playwright serving the page from Node).
 */
async function timeFlag(ext: ExtensionBrowser): Promise<{ fromStart: number; fromResponse: number }> {
  const page = await ext.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __flagShown?: number };
    new MutationObserver(() => {
      if (
        w.__flagShown === undefined &&
        document.querySelector('[data-testid="teamfollow-flag"][data-state="not-following"]')
      )
        w.__flagShown = performance.now();
    }).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state'],
    });
  });
  await page.goto(`https://x.com/${COLD_TEAMMATE}`);
  const fromStart = await page
    .waitForFunction(() => (window as unknown as { __flagShown?: number }).__flagShown, null, {
      timeout: 15_000,
    })
    .then((handle) => handle.jsonValue() as Promise<number>);
  const responseStart = await page.evaluate(
    () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseStart,
  );
  await page.close();
  return { fromStart, fromResponse: fromStart - responseStart };
}

/** A global in the worker that lives only as long as the worker does. */
const setMarker = (ext: ExtensionBrowser) =>
  ext.worker.evaluate(() => {
    (globalThis as { __benchAlive?: boolean }).__benchAlive = true;
  });
const hasMarker = (ext: ExtensionBrowser) =>
  ext.worker.evaluate(() => (globalThis as { __benchAlive?: boolean }).__benchAlive === true);

/** Measures coldstart.flag and warmstart.flag (the roster must hold TEAMMATE). */
export async function benchColdStart(ext: ExtensionBrowser): Promise<void> {
  const tab = await ext.context.newPage();
  const control = await WorkerControl.open(ext, tab);
  const script = ext.extensionUrl('background.js');
  const times = { cold: [] as number[], warm: [] as number[] };
  const fromResponse = { cold: [] as number[], warm: [] as number[] };
  await timeFlag(ext); // warm-up: the first open compiles the code
  await repeat('cold start', async (_run, flip) => {
    for (let i = 0; i < PER_RUN; i++) {
      for (const kind of inOrder(['cold', 'warm'] as const, flip !== (i === 1))) {
        // A restarted worker catches up (badge, snapshot) for a moment: let the previous run's work end first.
        await tab.waitForTimeout(1_000);
        await setMarker(ext);
        if (kind === 'cold') await control.stop(script);
        const flag = await timeFlag(ext);
        times[kind].push(flag.fromStart);
        fromResponse[kind].push(flag.fromResponse);
        // The proof that the worker was stopped: a cold start comes back without the global, a warm one keeps it.
        if ((await hasMarker(ext)) !== (kind === 'warm'))
          throw new Error(`${kind} start: the worker was ${kind === 'cold' ? 'not stopped' : 'restarted'}`);
      }
    }
  });
  await tab.close();
  figure('coldstart.flag', times.cold, 'ms');
  figure('warmstart.flag', times.warm, 'ms');
  figure('coldstart.flag.from-response', fromResponse.cold, 'ms');
  figure('warmstart.flag.from-response', fromResponse.warm, 'ms');
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  figure('coldstart.extra', median(times.cold) - median(times.warm), 'ms');
}
