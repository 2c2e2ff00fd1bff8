import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  fixture,
  followRecord,
  importRoster,
  launchExtension,
  resetData,
  servePages,
  UNTRUSTED_RECORDER,
} from './harness';
import { FlagPage } from './pages/flag';

// Each site's saved pages show one person (the fixture's own handle). Bob and the stranger get the same
// pages with the handle swapped, so one fixture set serves a teammate, another teammate and a non-teammate.
interface SiteCase {
  site: string;
  /** The handle text in the fixtures, replaced to make pages of other people. */
  token: RegExp;
  alice: string;
  bob: string;
  stranger: string;
  url(handle: string): string;
  /** A page of the site that is neither a profile nor a following list (a home feed). */
  home: string;
  /** The saved page whose header renders a second late (default not-following-late.html). */
  late?: string;
}

const CASES: SiteCase[] = [
  {
    site: 'x',
    token: /alice_dev/gi,
    alice: 'alice_dev',
    bob: 'bob_dev',
    stranger: 'carol_dev',
    url: (h) => `https://x.com/${h}`,
    home: 'https://x.com/home',
  },
  {
    site: 'github',
    token: /octo-cat/gi,
    alice: 'octo-cat',
    bob: 'hub-ot',
    stranger: 'carol-cat',
    url: (h) => `https://github.com/${h}`,
    home: 'https://github.com/',
  },
  {
    site: 'bluesky',
    token: /alice\.bsky\.social/gi,
    alice: 'alice.bsky.social',
    bob: 'bob.bsky.social',
    stranger: 'carol.bsky.social',
    url: (h) => `https://bsky.app/profile/${h}`,
    home: 'https://bsky.app/',
  },
  {
    site: 'mastodon',
    token: /alice/gi,
    alice: 'alice',
    bob: 'bob',
    stranger: 'carol',
    url: (h) => `https://mastodon.social/@${h}`,
    home: 'https://mastodon.social/home',
  },
  {
    site: 'linkedin',
    token: /alice-example-1a2b/gi,
    alice: 'alice-example-1a2b',
    bob: 'bob-example-3c4d',
    stranger: 'carol-example-5e6f',
    url: (h) => `https://www.linkedin.com/in/${h}/`,
    home: 'https://www.linkedin.com/feed/',
  },
  ...(['threads', 'instagram', 'tiktok'] as const).map((site) => ({
    site,
    token: site === 'tiktok' ? /alice_dev/gi : /alice\.dev/gi,
    alice: site === 'tiktok' ? 'alice_dev' : 'alice.dev',
    bob: site === 'tiktok' ? 'bob_dev' : 'bob.dev',
    stranger: site === 'tiktok' ? 'carol_dev' : 'carol.dev',
    url: (h: string) =>
      site === 'instagram'
        ? `https://www.instagram.com/${h}/`
        : `https://www.${site === 'threads' ? 'threads' : 'tiktok'}.com/@${h}`,
    home: `https://www.${site}.com/`,
    late: 'profile-late.html',
  })),
  {
    site: 'facebook',
    token: /alice\.dev/gi,
    alice: 'alice.dev',
    bob: 'bob.dev',
    stranger: 'carol.dev',
    url: (h) => `https://www.facebook.com/${h}`,
    home: 'https://www.facebook.com/',
    late: 'profile-late.html',
  },
  {
    site: 'youtube',
    token: /alicecreates/gi,
    alice: 'alicecreates',
    bob: 'bobcreates',
    stranger: 'carolcreates',
    url: (h) => `https://www.youtube.com/@${h}`,
    home: 'https://www.youtube.com/',
    late: 'profile-late.html',
  },
];

/** The canonical handle, as the roster stores it. */
const handleOf = (c: SiteCase, who: string) =>
  c.site === 'mastodon' ? `${who}@mastodon.social` : c.site === 'facebook' ? who.replaceAll('.', '') : who;

const ROSTER = [
  `name,${CASES.map((c) => c.site).join(',')},reddit`,
  `Alice Example,${CASES.map((c) => handleOf(c, c.alice)).join(',')},alice_dev`,
  `Bob Example,${CASES.map((c) => handleOf(c, c.bob)).join(',')},`,
].join('\n');

let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchExtension();
  await resetData(ext);
  expect(await importRoster(ext, 'team.csv', ROSTER)).toEqual({ imported: 2, rejected: 0 });
});
afterAll(async () => {
  await ext?.close();
});

const flag = (page: Page) => new FlagPage(page).host;

/** Records, from the page's side, every event a script dispatched (not the user, not the browser). */
const recordUntrusted = (page: Page) => page.addInitScript(UNTRUSTED_RECORDER);
const untrustedEvents = (page: Page) =>
  page.evaluate(() => (window as unknown as { untrusted: string[] }).untrusted ?? []);
const flagState = (page: Page) => new FlagPage(page).state();

describe.each(CASES)('$site', (c) => {
  const as = (who: string) => async (file: string) =>
    (await fixture(`${c.site}/${file}`)).replace(c.token, who);
  const visit = async (
    pages: Record<string, string | (() => Promise<string>)>,
    url: string,
    beforeLoad?: (page: Page) => Promise<unknown>,
  ) => {
    await servePages(ext, pages);
    const page = await ext.context.newPage();
    await beforeLoad?.(page);
    await page.goto(url);
    return page;
  };

  it('flags a teammate you do not follow, with a Follow button', async () => {
    const page = await visit({ [c.url(c.alice)]: `${c.site}/not-following.html` }, c.url(c.alice));
    await expect.poll(() => flagState(page)).toBe('not-following');
    await expect(new FlagPage(page).showButton.count()).resolves.toBe(1);
    expect(await new FlagPage(page).status.textContent()).toContain('Alice Example');
    expect(await flag(page).count()).toBe(1);
    await page.close();
  });

  it('says why it cannot tell on a signed-out page, and offers no button', async () => {
    const page = await visit({ [c.url(c.alice)]: `${c.site}/logged-out.html` }, c.url(c.alice));
    const flag = new FlagPage(page);
    await expect.poll(() => flag.reason()).toBe('signed-out');
    expect(await flag.state()).toBe('unknown');
    expect(await flag.status.textContent()).toMatch(/Sign in to .+ to see whether you follow Alice Example/);
    expect(await flag.showButton.count()).toBe(0);
    await page.close();
  });

  it('shows a quiet check for a teammate you follow', async () => {
    const page = await visit({ [c.url(c.alice)]: `${c.site}/following.html` }, c.url(c.alice));
    await expect.poll(() => flagState(page)).toBe('following');
    expect(await new FlagPage(page).showButton.count()).toBe(0);
    await page.close();
  });

  it('shows nothing on the profile of someone who is not on the roster', async () => {
    const page = await visit(
      { [c.url(c.stranger)]: () => as(c.stranger)('not-following.html') },
      c.url(c.stranger),
    );
    await page.waitForTimeout(1500);
    expect(await flag(page).count()).toBe(0);
    await page.close();
  });

  it('loads only the boot script on a page that is not a profile, and the reader on the first profile', async () => {
    await servePages(ext, {
      // The site's own head (GitHub's says who is signed in) over a feed.
      [c.home]: async () =>
        (await as(c.alice)('not-following.html')).replace(
          /<body[\s\S]*<\/body>/i,
          '<body><main>Home</main></body>',
        ),
      [c.url(c.alice)]: `${c.site}/not-following.html`,
    });
    const page = await ext.context.newPage();
    // The extension's scripts parsed in this tab, as the debugger sees them (the isolated world's included).
    const parsed: string[] = [];
    const cdp = await ext.context.newCDPSession(page);
    cdp.on('Debugger.scriptParsed', ({ url }) => {
      if (url.startsWith(ext.extensionUrl(''))) parsed.push(url.slice(ext.extensionUrl('').length));
    });
    await cdp.send('Debugger.enable');
    await page.goto(c.home);
    await expect.poll(() => parsed).toContain(`${c.site}-boot.js`);
    await page.waitForTimeout(500);
    expect(parsed).toEqual([`${c.site}-boot.js`]);
    const alice = await as(c.alice)('not-following.html');
    await page.evaluate(
      ([to, body]) => {
        document.body.innerHTML = new DOMParser().parseFromString(body, 'text/html').body.innerHTML;
        history.pushState({}, '', to);
      },
      [c.url(c.alice), alice] as const,
    );
    await expect.poll(() => flagState(page)).toBe('not-following');
    expect(parsed).toEqual([`${c.site}-boot.js`, `content-scripts/${c.site}.js`]);
    await cdp.detach();
    await page.close();
  });

  it('follows client-side navigation: another teammate gets their flag, a stranger none', async () => {
    const page = await visit({ [c.url(c.alice)]: `${c.site}/not-following.html` }, c.url(c.alice));
    await expect.poll(() => flagState(page)).toBe('not-following');
    const navigate = async (url: string, html: string) =>
      page.evaluate(
        ([to, body]) => {
          document.body.innerHTML = new DOMParser().parseFromString(body, 'text/html').body.innerHTML;
          history.pushState({}, '', to);
        },
        [url, html] as const,
      );
    await navigate(c.url(c.bob), await as(c.bob)('following.html'));
    await expect.poll(() => flagState(page)).toBe('following');
    expect(await new FlagPage(page).status.textContent()).toContain('Bob Example');
    await navigate(c.url(c.stranger), await as(c.stranger)('not-following.html'));
    await expect.poll(() => flag(page).count()).toBe(0);
    await page.close();
  });

  it("points at the site's own Follow, presses nothing, and records the follow the user's click makes", async () => {
    const page = await visit(
      { [c.url(c.alice)]: `${c.site}/not-following.html` },
      c.url(c.alice),
      recordUntrusted,
    );
    await expect.poll(() => flagState(page)).toBe('not-following');
    const show = new FlagPage(page).showButton;
    // Named by its visible words; whose button on which site is its description.
    expect(await show.getAttribute('aria-label')).toBeNull();
    expect(
      await show.evaluate(
        (button) =>
          (button.getRootNode() as ShadowRoot).getElementById(button.getAttribute('aria-describedby') ?? '')
            ?.textContent,
      ),
    ).toMatch(/^Show .+'s (Follow|Connect) button for Alice Example$/);
    await show.click();
    // The site's control has the focus and TeamFollow's ring sits over it; nothing was pressed.
    await new FlagPage(page).ring.waitFor({ state: 'attached' });
    const control = await new FlagPage(page).focusedControl();
    expect(
      await control.evaluate((el) => el !== document.body && el.closest('teamfollow-flag') === null),
    ).toBe(true);
    await page.waitForTimeout(400);
    expect(await flagState(page)).toBe('not-following');
    expect(await untrustedEvents(page)).toEqual([]);
    // The user's own (trusted) click on the site's control.
    await control.click();
    const confirmed = c.site === 'linkedin' ? /following|requested/ : /following/;
    await expect.poll(() => flagState(page)).toMatch(confirmed);
    await expect
      .poll(() => followRecord(ext, `${c.site}:${handleOf(c, c.alice)}`))
      .toMatchObject({ state: expect.stringMatching(confirmed), source: 'page' });
    expect(await untrustedEvents(page)).toEqual([]);
    await page.close();
  });

  it('reads a follow button that renders a second late', async () => {
    // Every state the flag shows, in order, recorded from the page's side (however slow the machine is).
    const recordStates = (page: Page) =>
      page.addInitScript(() => {
        const seen: string[] = [];
        Object.assign(window, { flagStates: seen });
        new MutationObserver(() => {
          const state = document.querySelector('[data-testid="teamfollow-flag"]')?.getAttribute('data-state');
          if (state && seen.at(-1) !== state) seen.push(state);
        }).observe(document, { subtree: true, childList: true, attributes: true });
      });
    const page = await visit(
      { [c.url(c.alice)]: `${c.site}/${c.late ?? 'not-following-late.html'}` },
      c.url(c.alice),
      recordStates,
    );
    await expect.poll(() => flagState(page), { timeout: 10_000 }).toBe('not-following');
    expect(await page.evaluate(() => (window as unknown as { flagStates: string[] }).flagStates)).toEqual([
      'unknown',
      'not-following',
    ]);
    await page.close();
  });
});

describe('reddit', () => {
  it("says it cannot tell on a teammate's profile, since Reddit shows no reliable follow state", async () => {
    await servePages(ext, { 'https://www.reddit.com/user/alice_dev/': 'reddit/not-following.html' });
    const page = await ext.context.newPage();
    await page.goto('https://www.reddit.com/user/alice_dev/');
    await expect.poll(() => flagState(page)).toBe('unknown');
    expect(await new FlagPage(page).reason()).toBe('other');
    expect(await new FlagPage(page).showButton.count()).toBe(0);
    await page.close();
  });
});
