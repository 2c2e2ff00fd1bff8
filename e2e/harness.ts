import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { IMPORT_SUMMARY, ROSTER_FILE } from './hooks';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(import.meta.dirname, '../.output/chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  extensionUrl(path: string): string;
  /** The first-run page the install opened, when the browser was started with `keepWelcome`. */
  welcome: Page | null;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Leave the first-run page that the install opens (closed by default, so tests start with no tab of ours). */
  keepWelcome?: boolean;
}

/** Starts headless Chromium with the built extension. Fails loudly (never skips) when something is missing. */
export async function launchExtension(
  extraArgs: string[] = [],
  options: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  return extensionBrowser(await launchChromium(EXTENSION_DIR, extraArgs), options);
}

/**
 * Starts headless Chromium with the flags of every test: offline but for what a test routes, with the extension
 * built in `extensionDir`, or with none (null). Fails loudly when Chromium or the build is missing.
 */
export async function launchChromium(
  extensionDir: string | null,
  extraArgs: string[] = [],
): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with "apt-get install chromium" or set CHROMIUM_PATH.`,
    );
  }
  if (extensionDir !== null && !existsSync(resolve(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}. Run "npm run build" first.`);
  }
  return chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    args: [
      ...(extensionDir === null
        ? []
        : [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]),
      // No test touches the internet: every name fails to resolve unless a test routes or maps it.
      ...(extraArgs.some((arg) => arg.startsWith('--host-resolver-rules='))
        ? []
        : ['--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1']),
      '--disable-gpu',
      '--no-first-run',
      '--disable-domain-reliability',
      '--disable-client-side-phishing-detection',
      '--no-pings',
      '--disable-quic',
      ...extraArgs,
    ],
  });
}

/** The extension in a browser started with one: its service worker, id and page URLs. */
export async function extensionBrowser(
  context: BrowserContext,
  { keepWelcome = false }: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  // Every launch is a fresh profile, so an install: its first-run tab opens right after the worker starts.
  const welcome = await firstRunPage(context);
  if (welcome && !keepWelcome) await welcome.close();
  return {
    context,
    worker,
    extensionId,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    welcome: keepWelcome ? welcome : null,
    close: () => context.close(),
  };
}

/** The first-run tab once it shows welcome.html (polled: a tab the extension opens starts as about:blank). */
async function firstRunPage(context: BrowserContext, timeoutMs = 10_000): Promise<Page | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const page = context.pages().find((candidate) => candidate.url().endsWith('/welcome.html'));
    if (page) return page;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}

/** Deletes the extension's database (open connections step aside) so a test starts from an empty roster. */
export async function resetData(ext: ExtensionBrowser): Promise<void> {
  await ext.worker.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('teamfollow');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
  );
}

/** The follow record of `key` (`site:handle`) as the worker's database holds it, or undefined. */
export async function followRecord(
  ext: ExtensionBrowser,
  key: string,
): Promise<{ state?: string; source?: string } | undefined> {
  return ext.worker.evaluate(
    (k) =>
      new Promise<{ state?: string; source?: string } | undefined>((resolve, reject) => {
        const open = indexedDB.open('teamfollow');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('follows').objectStore('follows').get(k);
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result);
          };
        };
      }),
    key,
  );
}

/** Opens the options page and waits until its app has rendered. */
export async function openOptions(ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('options.html'));
  await page.locator(ROSTER_FILE).waitFor({ state: 'attached' });
  return page;
}

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

/** The saved page `fixtures/<path>` as HTML. */
export function fixture(path: string): Promise<string> {
  return readFile(resolve(FIXTURES, path), 'utf8');
}

function pageKey(url: string): string {
  const { host, pathname, search } = new URL(url);
  return `${host}${pathname.replace(/\/$/, '')}${search}`;
}

/**
 * Serves saved pages at their real https URLs (`{ 'https://github.com/octo-cat': 'github/following.html' }`);
 * every other request fails as if offline, so no test touches the internet. Call again to change the pages.
 */
export async function servePages(
  ext: ExtensionBrowser,
  pages: Record<string, string | PageSource>,
): Promise<void> {
  const table = new Map(Object.entries(pages).map(([url, page]) => [pageKey(url), page]));
  await ext.context.unroute(/^https?:\/\//);
  await ext.context.route(/^https?:\/\//, async (route) => {
    const page = table.get(pageKey(route.request().url()));
    if (!page) return route.abort('internetdisconnected');
    const body = typeof page === 'string' ? await fixture(page) : await page();
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
}

/** A page made at request time (e.g. a fixture with another person's handle in it). */
type PageSource = () => Promise<string>;

/** Chooses a roster file in the options page's file input, as a user would; resolves to the import summary. */
export async function chooseRosterFile(page: Page, name: string, content: string | Buffer) {
  await page.locator(ROSTER_FILE).setInputFiles({
    name,
    mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv',
    buffer: typeof content === 'string' ? Buffer.from(content) : content,
  });
  const summary = page.locator(IMPORT_SUMMARY);
  await summary.waitFor();
  return summary;
}

/** Imports roster text through a fresh options page; resolves to the summary numbers. */
export async function importRoster(ext: ExtensionBrowser, name: string, content: string | Buffer) {
  const page = await openOptions(ext);
  const summary = await chooseRosterFile(page, name, content);
  const result = {
    imported: Number(await summary.getAttribute('data-imported')),
    rejected: Number(await summary.getAttribute('data-rejected')),
  };
  await page.close();
  return result;
}

/**
 * An init script that records, from the page's own side, every input event a script dispatched (`isTrusted`
 * false) on the page's elements: TeamFollow must never send one. Read back as `window.untrusted`.
 */
export const UNTRUSTED_RECORDER = `(() => {
  const seen = [];
  window.untrusted = seen;
  const types = ['click', 'dblclick', 'auxclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown',
    'keyup', 'keypress', 'submit', 'input', 'change', 'beforeinput', 'touchstart', 'touchend'];
  for (const type of types)
    window.addEventListener(type, (event) => {
      if (!event.isTrusted) seen.push(type + ' on ' + (event.target && event.target.nodeName));
    }, true);
})();`;
