import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { fixture } from '../harness';

// Debian's firefox-esr with the built Firefox extension (MV2), driven over WebDriver BiDi by puppeteer-core.

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
const ADDON_ID = 'teamfollow@teamfollow.app';
// Pinned so the extension's pages have an origin the tests know before the add-on is installed.
const ADDON_UUID = '7e4a2c1d-5b3f-4e6a-9c8d-0f1e2d3c4b5a';

export interface FirefoxExtension {
  browser: Browser;
  extensionUrl(path: string): string;
  /** Opens one of the extension's own pages in a new tab and waits for `ready` in it. */
  openExtensionPage(path: string, ready: string): Promise<Page>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  /**
   * A local proxy that tunnels the names a test serves to its local HTTPS server (whose self-signed certificate is
   * then accepted). Without one, everything not intercepted in a page goes to a port nobody listens on.
   */
  proxyPort?: number;
}

/** Starts headless firefox-esr with the built extension installed. Fails loudly (never skips) when something is missing. */
export async function launchFirefoxExtension(options: FirefoxLaunchOptions = {}): Promise<FirefoxExtension> {
  const proxyPort = options.proxyPort ?? 1;
  if (!existsSync(FIREFOX)) {
    throw new Error(
      `Firefox not found at ${FIREFOX}. Install it with "apt-get install firefox-esr" or set FIREFOX_PATH.`,
    );
  }
  if (!existsSync(resolve(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${FIREFOX_EXTENSION_DIR}. Run "npm run build" first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Without it WebDriver BiDi refuses to navigate a tab to a moz-extension:// page ("not allowed in this context").
    args: ['--remote-allow-system-access'],
    acceptInsecureCerts: options.proxyPort !== undefined,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // No test touches the internet: what a test does not serve goes to a proxy port nobody listens on. Puppeteer's
      // default prefs already quiet Firefox; in 20 s idle only Remote Settings still called out
      // (firefox.settings.services.mozilla.com, a server release builds do not let a pref change).
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
    },
  });
  const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (installed !== ADDON_ID) throw new Error(`Installed ${installed}, expected ${ADDON_ID}`);
  const extensionUrl = (path: string) => `moz-extension://${ADDON_UUID}/${path.replace(/^\//, '')}`;
  return {
    browser,
    extensionUrl,
    async openExtensionPage(path, ready) {
      const page = await browser.newPage();
      // page.goto() never settles on a moz-extension:// page (puppeteer 24.43, firefox-esr 153: it sees no navigation,
      // page.url() stays about:blank): navigate the tab's BiDi context directly and wait for the page's own content.
      await (page.mainFrame() as unknown as BidiFrame).browsingContext.navigate(
        extensionUrl(path),
        'complete',
      );
      await page.waitForSelector(ready);
      return page;
    },
    close: () => browser.close(),
  };
}

/** The part of puppeteer's BiDi frame used above (not in its public types). */
interface BidiFrame {
  browsingContext: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<void> };
}

/**
 * Serves saved pages at their real https URLs in `page` (`{ 'https://github.com/octo-cat': 'github/following.html' }`,
 * or a function making the HTML); every other request of the page fails as if offline.
 */
export async function servePages(
  page: Page,
  pages: Record<string, string | (() => Promise<string>)>,
): Promise<void> {
  // Puppeteer's request interception works over BiDi in firefox-esr 153 (network.addIntercept), and the
  // extension's content scripts run on the answered https pages, so no DNS mapping or local server is needed.
  const table = new Map(Object.entries(pages).map(([url, source]) => [pageKey(url), source]));
  await page.setRequestInterception(true);
  page.on('request', async (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const source = table.get(pageKey(request.url()));
    if (!source) return request.abort('internetdisconnected');
    const body = typeof source === 'string' ? await fixture(source) : await source();
    await request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
}

function pageKey(url: string): string {
  const { protocol, host, pathname, search } = new URL(url);
  return `${protocol}//${host}${pathname.replace(/\/$/, '')}${search}`;
}
