import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import {
  EXTENSION_DIR as BUILT_DIR,
  type ExtensionBrowser,
  fixture,
  importRoster,
  openOptions,
  resetData,
} from '../e2e/harness';
import { TIMELINE_HTML } from './pages/timeline';

// `npm run bench`: the built extension in headless Chromium against served pages (no internet). Every figure is
// the median of RUNS runs; every comparison is a ratio taken within one run, the two sides in alternating order
// (or, for the cost to a page, side by side at the same time). See bench/README.md for what each figure means.

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// BENCH_ONLY=import,cost runs some parts only (while working on one figure); the full run is the one to report.
const ONLY = process.env.BENCH_ONLY?.split(',');
const part = (name: string) => !ONLY || ONLY.includes(name);
const BENCH = import.meta.dirname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LOAD_CHANGES = 500; // 50 a second for 10 s
const LOAD_RATE = 50;
const LOOKUPS_PER_RUN = 100;
// A private copy of the build: teammates rebuild .output/ at any time, which would pull it from under a running browser.
const EXTENSION_DIR = resolve(BENCH, 'out/chrome-mv3');

interface Figure {
  name: string;
  /** The median of `runs`. */
  value: number;
  unit: string;
  budget: number | null;
  pass: boolean | null;
  runs: number[];
}

const budgets: Record<string, number | null> = JSON.parse(
  await readFile(resolve(BENCH, 'budgets.json'), 'utf8'),
);
const figures: Figure[] = [];

/** Records the median of `runs` (one value for a size) against its budget. */
function figure(name: string, runs: number | number[] = [], unit = '', digits = 1): void {
  const all = (Array.isArray(runs) ? runs : [runs]).map((v) => Number(v.toFixed(digits + 1)));
  const value = Number(median(all).toFixed(digits));
  const budget = budgets[name] ?? null;
  figures.push({ name, value, unit, budget, pass: budget === null ? null : value <= budget, runs: all });
}

const median = (xs: number[]) => percentile(xs, 50);
function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
/** Runs `fn(run, flip)` RUNS times; `flip` alternates which side of a comparison goes first. */
async function repeat(label: string, fn: (run: number, flip: boolean) => Promise<void>): Promise<void> {
  for (let run = 0; run < RUNS; run++) {
    process.stderr.write(`\r${label} ${run + 1}/${RUNS}   `);
    await fn(run, run % 2 === 1);
  }
  process.stderr.write('\n');
}
const inOrder = <T>(sides: readonly T[], flip: boolean): T[] => (flip ? [...sides].reverse() : [...sides]);

// ---------- pages ----------

const loadScript = await readFile(resolve(BENCH, 'pages/load.js'), 'utf8');
const withScript = (html: string, script: string, before = '</body>') => {
  if (!html.includes(before)) throw new Error(`bench page has no ${before}`);
  return html.replace(before, `<script>${script}</script>\n${before}`);
};
/** Replaces `find` once, failing loudly if a fixture changed under the bench. */
function patch(html: string, find: string, replace: string): string {
  if (!html.includes(find)) throw new Error(`fixture changed: "${find}" not found`);
  return html.replace(find, replace);
}

const TEAMMATE = 'user4242'; // on the roster: the profile of the cost test
const LATE_TEAMMATE = 'user777'; // on the roster: the profile of the flag latency test

const PAGES: Record<string, string> = {
  // X home timeline: the content script is injected but shows nothing.
  'x.com/home': withScript(TIMELINE_HTML, loadScript),
  // A teammate's X profile whose timeline keeps changing.
  [`x.com/${TEAMMATE}`]: withScript(
    patch(
      (await fixture('x/not-following.html')).replace(/alice_dev/gi, TEAMMATE),
      '<section role="region"',
      `<section role="region" data-author="${TEAMMATE}"`,
    ),
    loadScript,
  ),
  // The header (with Follow) arrives 1 s after load; the main world notes when, and when the flag says so.
  [`x.com/${LATE_TEAMMATE}`]: withScript(
    patch(
      (await fixture('x/not-following-late.html')).replace(/alice_dev/gi, LATE_TEAMMATE),
      ".insertAdjacentHTML('afterbegin', header);",
      ".insertAdjacentHTML('afterbegin', header); window.__headerAt = performance.now();",
    ),
    `window.__flagAt = null;
new MutationObserver(() => {
  if (window.__flagAt === null && document.querySelector('[data-testid="teamfollow-flag"][data-state="not-following"]'))
    window.__flagAt = performance.now();
}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });`,
    '</head>',
  ),
};

/** Serves the bench pages at their real URLs; everything else fails as if offline. */
async function serve(context: BrowserContext): Promise<void> {
  await context.route(/^https?:\/\//, async (route) => {
    const { host, pathname } = new URL(route.request().url());
    const body = PAGES[`${host}${pathname}`];
    if (body === undefined) return route.abort('internetdisconnected');
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
}

/** Chromium with the flags of e2e/harness.ts, with the extension at EXTENSION_DIR or without any. */
async function launch(withExtension: boolean): Promise<BrowserContext> {
  return chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...(withExtension
        ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`]
        : []),
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
      '--disable-gpu',
      '--no-first-run',
      '--disable-domain-reliability',
      '--disable-client-side-phishing-detection',
      '--no-pings',
      '--disable-quic',
    ],
  });
}

/** Like e2e/harness.ts launchExtension, but with the private copy of the build. */
async function launchExtension(): Promise<ExtensionBrowser> {
  const context = await launch(true);
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    close: () => context.close(),
  };
}

// ---------- roster data ----------

function rosterCsv(members: number): string {
  const rows = ['name,x,github,bluesky'];
  for (let i = 1; i <= members; i++) rows.push(`User ${i},user${i},user-${i},user${i}.bsky.social`);
  return rows.join('\n');
}

/**
 * Writes `members` teammates, each with 3 accounts and the X one recorded not-following, straight into IndexedDB;
 * then tells the background, as the options page does after an import, so that it redoes the popup's gap snapshot.
 */
async function seed(ext: ExtensionBrowser, members: number): Promise<void> {
  await resetData(ext);
  // The options page creates the database at the schema's current version; the bench never creates stores.
  const options = await openOptions(ext);
  await ext.worker.evaluate(async () => {
    for (let tries = 0; tries < 400; tries++) {
      if ((await indexedDB.databases()).some((db) => db.name === 'teamfollow' && db.version)) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the options page did not create the database');
  });
  await ext.worker.evaluate(async (n) => {
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const request = indexedDB.open('teamfollow');
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(new Error('the teamfollow database does not exist'));
    });
    const tx = db.transaction(['members', 'follows'], 'readwrite');
    const now = Date.now();
    for (let i = 1; i <= n; i++) {
      const accounts = [
        { site: 'x', handle: `user${i}` },
        { site: 'github', handle: `user-${i}` },
        { site: 'bluesky', handle: `user${i}.bsky.social` },
      ];
      const accountKeys = accounts.map((a) => `${a.site}:${a.handle}`);
      tx.objectStore('members').put({ id: `m${i}`, name: `User ${i}`, accounts, accountKeys });
      tx.objectStore('follows').put({
        key: `x:user${i}`,
        state: 'not-following',
        checkedAt: now,
        source: 'page',
      });
    }
    await new Promise((done, fail) => {
      tx.oncomplete = done;
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, members);
  // The background answers once the badge and the snapshot are redone.
  const answer = await options.evaluate(() => {
    const { chrome } = globalThis as unknown as {
      chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean } | undefined> } };
    };
    return chrome.runtime.sendMessage({ type: 'data-changed' });
  });
  if (!answer?.ok) throw new Error(`data-changed: ${JSON.stringify(answer)}`);
  await options.close();
}

// ---------- 1. import ----------

/** Milliseconds from the file input's change event to the summary with data-imported, timed in the page. */
async function timeImport(ext: ExtensionBrowser, csv: string, members: number): Promise<number> {
  await resetData(ext);
  const page = await openOptions(ext);
  await page.evaluate(() => {
    const w = window as unknown as { importStart?: number; importEnd?: number };
    document.addEventListener('change', () => (w.importStart ??= performance.now()), true);
    new MutationObserver(() => {
      if (
        w.importStart !== undefined &&
        document.querySelector('[data-testid="import-summary"][data-imported]')
      )
        w.importEnd ??= performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await page
    .locator('[data-testid="roster-file"]')
    .setInputFiles({ name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const ms = await page
    .waitForFunction(
      () => {
        const w = window as unknown as { importStart?: number; importEnd?: number };
        return w.importEnd !== undefined && w.importStart !== undefined && w.importEnd - w.importStart;
      },
      null,
      { timeout: 60_000 },
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
  const imported = await page.locator('[data-testid="import-summary"]').getAttribute('data-imported');
  if (Number(imported) !== members) throw new Error(`import of ${members} gave data-imported=${imported}`);
  await page.close();
  return ms;
}

/**
 * The floor under any import: milliseconds for IndexedDB alone to store the same 10,000 member records (one
 * readwrite transaction of plain puts, no parsing, no idb wrapper), from the options page.
 */
async function timeRawPuts(ext: ExtensionBrowser, members: number): Promise<number> {
  await resetData(ext);
  const page = await openOptions(ext);
  const ms = await page.evaluate(async (n) => {
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const request = indexedDB.open('teamfollow');
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(request.error);
    });
    const records = Array.from({ length: n }, (_, k) => {
      const accounts = [
        { site: 'x', handle: `user${k + 1}` },
        { site: 'github', handle: `user-${k + 1}` },
        { site: 'bluesky', handle: `user${k + 1}.bsky.social` },
      ];
      const accountKeys = accounts.map((a) => `${a.site}:${a.handle}`);
      return { id: crypto.randomUUID(), name: `User ${k + 1}`, accounts, accountKeys };
    });
    const start = performance.now();
    const tx = db.transaction('members', 'readwrite');
    for (const record of records) tx.objectStore('members').put(record);
    await new Promise((done, fail) => {
      tx.oncomplete = done;
      tx.onerror = () => fail(tx.error);
    });
    db.close();
    return performance.now() - start;
  }, members);
  await page.close();
  return ms;
}

async function benchImport(ext: ExtensionBrowser): Promise<void> {
  const csv = new Map([1_000, 10_000].map((n) => [n, rosterCsv(n)]));
  const sides = ['1k', '10k', 'floor'] as const;
  const measure = {
    '1k': () => timeImport(ext, csv.get(1_000) ?? '', 1_000),
    '10k': () => timeImport(ext, csv.get(10_000) ?? '', 10_000),
    floor: () => timeRawPuts(ext, 10_000),
  };
  const times = new Map<string, number[]>(sides.map((side) => [side, []]));
  const ratios: number[] = [];
  const overFloor: number[] = [];
  await timeImport(ext, rosterCsv(100), 100); // warm-up: the first import compiles the code
  await repeat('import', async (_run, flip) => {
    for (const side of inOrder(sides, flip)) times.get(side)?.push(await measure[side]());
    ratios.push((times.get('10k')?.at(-1) ?? 0) / (times.get('1k')?.at(-1) ?? 1));
    overFloor.push((times.get('10k')?.at(-1) ?? 0) / (times.get('floor')?.at(-1) ?? 1));
  });
  figure('import.1k', times.get('1k'), 'ms');
  figure('import.10k', times.get('10k'), 'ms');
  figure('import.ratio.10k/1k', ratios, 'x', 2);
  figure('import.10k.idb-floor', times.get('floor'), 'ms');
  figure('import.ratio.10k/idb-floor', overFloor, 'x', 2);
}

// ---------- 2. lookup ----------

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

/** Round-trip times (ms) of `lookup` messages sent from the content script's world, one after another. */
async function lookups(world: { cdp: CDPSession; id: number }, handles: string[]): Promise<number[]> {
  const { result, exceptionDetails } = await world.cdp.send('Runtime.evaluate', {
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
    expression: `(async (handles) => {
      const times = [];
      for (const handle of handles) {
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

async function benchLookup(big: ExtensionBrowser, small: ExtensionBrowser, name: string): Promise<void> {
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

// ---------- 3. flag latency ----------

async function benchFlag(ext: ExtensionBrowser): Promise<void> {
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

// ---------- 4. cost to the page, and the page's heap ----------

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
async function benchCost(
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

// ---------- 5. popup ----------

/** Milliseconds from the popup's navigation start to its first visible gap row, timed in the page. */
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
  if (count !== String(members)) throw new Error(`popup with ${members} gaps shows gap-count ${count}`);
  await page.close();
  return ms;
}

async function benchPopup(ext: ExtensionBrowser): Promise<void> {
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

// ---------- 6. size ----------

/** The file and every module it statically imports, relative to the extension root. */
async function withImports(file: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(file)) return seen;
  seen.add(file);
  if (!file.endsWith('.js')) return seen;
  const code = await readFile(resolve(EXTENSION_DIR, file), 'utf8');
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    await withImports(new URL(spec ?? '', `file:///${dir}`).pathname.slice(1), seen);
  }
  return seen;
}

/** An HTML page with the scripts, preloads and styles it loads. */
async function pageFiles(html: string): Promise<Set<string>> {
  const files = new Set([html]);
  const text = await readFile(resolve(EXTENSION_DIR, html), 'utf8');
  for (const [, path] of text.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g))
    await withImports(path ?? '', files);
  return files;
}

/** Bytes of these files as built, and gzip -9, each file compressed on its own. */
async function sizeOf(files: Iterable<string>): Promise<{ raw: number; gzip: number }> {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = await readFile(resolve(EXTENSION_DIR, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

async function benchSize(): Promise<void> {
  const manifest = JSON.parse(await readFile(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  // One content script per site (or one for all): the budget holds for each, so the largest is reported.
  const scripts: { js?: string[]; css?: string[] }[] = manifest.content_scripts ?? [];
  const contentScripts = await Promise.all(
    scripts.map(async (script) => {
      const files = new Set([...(script.js ?? []), ...(script.css ?? [])]);
      return { files, ...(await sizeOf(files)) };
    }),
  );
  contentScripts.sort((a, b) => b.gzip - a.gzip);
  const entries: Record<string, Set<string>> = {
    background: await withImports(manifest.background.service_worker),
    'content-script': contentScripts[0]?.files ?? new Set(),
    popup: await pageFiles(manifest.action.default_popup),
    options: await pageFiles(manifest.options_ui?.page ?? manifest.options_page),
  };
  for (const [entry, files] of Object.entries(entries)) {
    const { raw, gzip } = await sizeOf(files);
    figure(`size.${entry}.raw`, raw / 1024, 'KB');
    figure(`size.${entry}.gzip`, gzip / 1024, 'KB');
    process.stderr.write(`size ${entry}: ${[...files].join(', ')}\n`);
  }
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  process.stderr.write(
    `content scripts, KB gzip: ${contentScripts.map((c) => `${[...c.files].join('+')} ${kb(c.gzip)}`).join(', ')}\n`,
  );
}

// ---------- 7. service worker heap ----------

/** The extension service worker's JS heap after GC, through a browser-level CDP session (workers have no page session). */
async function workerHeap(context: BrowserContext): Promise<number> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser for the context');
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'),
  );
  if (!worker) throw new Error('no extension service worker');
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: worker.targetId,
    flatten: false,
  });
  const answers = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message);
    if (event.sessionId === sessionId) answers.get(message.id)?.(message);
  });
  let lastId = 0;
  const call = <T>(method: string) =>
    new Promise<T>((done, fail) => {
      const id = ++lastId;
      answers.set(id, (m) => (m.error ? fail(new Error(m.error.message)) : done(m.result as T)));
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    });
  await call('HeapProfiler.collectGarbage');
  const { usedSize } = await call<{ usedSize: number }>('Runtime.getHeapUsage');
  await cdp.send('Target.detachFromTarget', { sessionId });
  await cdp.detach();
  return usedSize;
}

// ---------- run ----------

function printTable(): void {
  const spread = (runs: number[]) => (runs.length > 1 ? `${Math.min(...runs)}–${Math.max(...runs)}` : '');
  const rows = figures.map((f) => [
    f.name,
    String(f.value),
    f.unit,
    f.budget === null ? '' : `≤ ${f.budget}`,
    f.pass === null ? '' : f.pass ? 'pass' : 'FAIL',
    spread(f.runs),
  ]);
  const head = ['figure', 'median', 'unit', 'budget', '', 'runs (min–max)'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 1 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row).trimEnd());
}

const started = Date.now();
await rm(EXTENSION_DIR, { recursive: true, force: true });
await cp(BUILT_DIR, EXTENSION_DIR, { recursive: true });
const extensionName: string = JSON.parse(
  await readFile(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8'),
).name;
if (part('size')) await benchSize();
const big = await launchExtension();
const small = await launchExtension();
const plain = await launch(false);
const control = await launch(false);
let version = '';
try {
  version = big.context.browser()?.version() ?? '';
  await Promise.all([serve(big.context), serve(small.context), serve(plain), serve(control)]);
  if (part('import')) await benchImport(big);
  // Lookups compare two browsers side by side: one with 10 teammates, one with 10,000.
  if (part('lookup')) {
    await resetData(big);
    await resetData(small);
    const imported = [
      await importRoster(big, 'team.csv', rosterCsv(10_000)),
      await importRoster(small, 'team.csv', rosterCsv(10)),
    ];
    if (imported[0]?.imported !== 10_000 || imported[1]?.imported !== 10)
      throw new Error('roster import failed');
    await benchLookup(big, small, extensionName);
    figure('memory.worker.10', (await workerHeap(small.context)) / 1024 / 1024, 'MB', 2);
    figure('memory.worker.10k', (await workerHeap(big.context)) / 1024 / 1024, 'MB', 2);
  }
  await small.close();
  if (part('flag')) await benchFlag(big);
  if (part('popup')) await benchPopup(big);
  if (part('cost')) {
    await seed(big, 10_000);
    await benchCost(big, plain, control);
  }
} finally {
  await Promise.allSettled([big.close(), small.close(), plain.close(), control.close()]);
}

printTable();
const missing = Object.keys(budgets).filter((name) => !figures.some((f) => f.name === name));
if (missing.length > 0) console.log(`\nbudgets with no figure: ${missing.join(', ')}`);
const failed = figures.filter((f) => f.pass === false);
console.log(
  `\n${RUNS} runs a figure, Chromium ${version}, ${Math.round((Date.now() - started) / 1000)} s. ` +
    (failed.length ? `Over budget: ${failed.map((f) => f.name).join(', ')}.` : 'All budgets met.'),
);
// A partial run (BENCH_ONLY) keeps its figures out of the reported results.
await writeFile(
  resolve(BENCH, ONLY ? 'out/results.partial.json' : 'results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, chromium: version, figures }, null, 2)}\n`,
);
process.exitCode = failed.length > 0 || missing.length > 0 ? 1 : 0;
