import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, UNTRUSTED_RECORDER } from '../harness';
import { type FirefoxExtension, launchFirefoxExtension, servePages } from './harness';
import { FirefoxFlag, FirefoxOptions, FirefoxPopup } from './pages';

// The Firefox build (MV2) in Debian's firefox-esr, used as a lead would: import the roster on the options page,
// meet the flag on X and GitHub profiles, read the gaps in the popup, and follow with their own click.

const SITES = [
  {
    site: 'x',
    token: /alice_dev/gi,
    alice: 'alice_dev',
    bob: 'bob_dev',
    stranger: 'carol_dev',
    url: (h: string) => `https://x.com/${h}`,
    home: 'https://x.com/home',
  },
  {
    site: 'github',
    token: /octo-cat/gi,
    alice: 'octo-cat',
    bob: 'hub-ot',
    stranger: 'carol-cat',
    url: (h: string) => `https://github.com/${h}`,
    home: 'https://github.com/',
  },
];

const ROSTER = [
  'name,x,github',
  'Alice Example,alice_dev,octo-cat',
  'Bob Example,@bob_dev,hub-ot',
  // A cell that is no handle is left out, with its reason; the rest of the row lands.
  'Mallory Example,javascript:alert(1),mallory',
].join('\n');

let ff: FirefoxExtension;
let popup: FirefoxPopup;

beforeAll(async () => {
  ff = await launchFirefoxExtension();
});
afterAll(async () => {
  await ff?.close();
});

/** A tab showing `html` at `url`, served offline; `beforeLoad` runs first (e.g. a recorder). */
async function visit(
  url: string,
  html: string | (() => Promise<string>),
  beforeLoad?: (page: Page) => unknown,
) {
  const page = await ff.browser.newPage();
  await servePages(page, { [url]: html });
  await beforeLoad?.(page);
  await page.goto(url);
  return page;
}

describe('Firefox ESR', () => {
  it('imports a roster through the options page file input', async () => {
    const options = await FirefoxOptions.open(ff);
    expect(await options.importFile('team.csv', ROSTER)).toEqual({ imported: 3, rejected: 1 });
    await expect
      .poll(() => options.rosterNames())
      .toEqual(['Alice Example', 'Bob Example', 'Mallory Example']);
    await options.close();
  });

  describe.each(SITES)('$site', (c) => {
    const as = (who: string, file: string) => async () =>
      (await fixture(`${c.site}/${file}`)).replace(c.token, who);

    it('flags a teammate you do not follow, with a Follow button', async () => {
      const page = await visit(c.url(c.alice), `${c.site}/not-following.html`);
      const flag = new FirefoxFlag(page);
      await expect.poll(() => flag.state()).toBe('not-following');
      expect(await flag.words()).toContain('Alice Example');
      expect(await page.$$(flag.showButton)).toHaveLength(1);
      expect(await flag.count()).toBe(1);
      await page.close();
    });

    it('shows a quiet check for a teammate you follow', async () => {
      const page = await visit(c.url(c.bob), as(c.bob, 'following.html'));
      const flag = new FirefoxFlag(page);
      await expect.poll(() => flag.state()).toBe('following');
      expect(await flag.words()).toContain('Bob Example');
      expect(await page.$$(flag.showButton)).toHaveLength(0);
      await page.close();
    });

    it('shows nothing on the profile of someone not on the roster', async () => {
      const page = await visit(c.url(c.stranger), as(c.stranger, 'not-following.html'));
      // Time for the content script to read the page (the teammates' pages show their flag well within it).
      await new Promise((done) => setTimeout(done, 1000));
      expect(await new FirefoxFlag(page).count()).toBe(0);
      await page.close();
    });

    it('loads the page reader on the first profile navigated to from a page that is not one', async () => {
      // The site's own head (GitHub's says who is signed in) over a feed.
      const home = async () =>
        (await as(c.alice, 'not-following.html')()).replace(
          /<body[\s\S]*<\/body>/i,
          '<body><main>Home</main></body>',
        );
      const page = await visit(c.home, home);
      const flag = new FirefoxFlag(page);
      await new Promise((done) => setTimeout(done, 500));
      expect(await flag.count()).toBe(0);
      await page.evaluate(
        (to, body) => {
          document.body.innerHTML = new DOMParser().parseFromString(body, 'text/html').body.innerHTML;
          history.pushState({}, '', to);
        },
        c.url(c.alice),
        await as(c.alice, 'not-following.html')(),
      );
      await expect.poll(() => flag.state()).toBe('not-following');
      await page.close();
    });

    it('follows client-side navigation: another teammate gets their flag, a stranger none', async () => {
      const page = await visit(c.url(c.alice), `${c.site}/not-following.html`);
      const flag = new FirefoxFlag(page);
      await expect.poll(() => flag.state()).toBe('not-following');
      // The site's own script swaps the page and pushes the URL, as X and GitHub do between profiles.
      const navigate = async (url: string, html: string) =>
        page.evaluate(
          (to, body) => {
            document.body.innerHTML = new DOMParser().parseFromString(body, 'text/html').body.innerHTML;
            history.pushState({}, '', to);
          },
          url,
          html,
        );
      await navigate(c.url(c.bob), await as(c.bob, 'following.html')());
      await expect.poll(() => flag.state()).toBe('following');
      expect(await flag.words()).toContain('Bob Example');
      await navigate(c.url(c.stranger), await as(c.stranger, 'not-following.html')());
      await expect.poll(() => flag.count()).toBe(0);
      await page.close();
    });
  });

  it('lists in the popup the gaps recorded on the pages visited, not the followed teammate', async () => {
    popup = await FirefoxPopup.open(ff);
    await expect
      .poll(() => popup.gaps())
      .toEqual(['github:octo-cat not-following', 'x:alice_dev not-following']);
    expect(await popup.gapCount()).toBe('2');
    // Mallory's GitHub account was never checked: listed apart, not as a gap.
    expect(await popup.unknownCount()).toBe(1);
  });

  it.each(SITES)(
    "$site: points at the site's own Follow and presses nothing; the user's click follows, and the popup's gap leaves",
    async (c) => {
      const page = await visit(c.url(c.alice), `${c.site}/not-following.html`, (p) =>
        p.evaluateOnNewDocument(UNTRUSTED_RECORDER),
      );
      const flag = new FirefoxFlag(page);
      await expect.poll(() => flag.state()).toBe('not-following');
      await page.click(flag.showButton);
      await page.waitForSelector(flag.ring);
      const control = await flag.focusedControl();
      expect(await control.evaluate((el) => el !== document.body && !el.closest('teamfollow-flag'))).toBe(
        true,
      );
      expect(await flag.state()).toBe('not-following');
      const untrusted = () => page.evaluate(() => (window as unknown as { untrusted: string[] }).untrusted);
      expect(await untrusted()).toEqual([]);
      // The user's own (trusted) click on the site's control.
      await control.click();
      await expect.poll(() => flag.state()).toBe('following');
      expect(await untrusted()).toEqual([]);
      await page.close();
      // The popup, open all along in its tab, drops the gap.
      await expect.poll(() => popup.gaps()).not.toContain(`${c.site}:${c.alice} not-following`);
    },
  );
});
