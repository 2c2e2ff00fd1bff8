import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { fixture } from '../e2e/harness';
import { YARDSTICK_PATH, yardstickSource } from './attribution';
import { TIMELINE_HTML } from './pages/timeline';

// The pages the bench serves at their real URLs: X's home timeline, two teammates' profiles, and a page of each
// other site that is not a profile.

const YARDSTICK = yardstickSource();
const loadScript = await readFile(resolve(import.meta.dirname, 'pages/load.js'), 'utf8');
const withScript = (html: string, script: string, before = '</body>') => {
  if (!html.includes(before)) throw new Error(`bench page has no ${before}`);
  return html.replace(before, `<script>${script}</script>\n${before}`);
};
/** Replaces `find` once, failing loudly if a fixture changed under the bench. */
function patch(html: string, find: string, replace: string): string {
  if (!html.includes(find)) throw new Error(`fixture changed: "${find}" not found`);
  return html.replace(find, replace);
}

export const TEAMMATE = 'user4242'; // on the roster: the profile of the cost test
export const LATE_TEAMMATE = 'user777'; // on the roster: the profile of the flag latency test
export const COLD_TEAMMATE = 'user2024'; // on the roster: the profile of the cold start test, a saved page as is

/**
 * A page of each other site that is not a person's profile (a feed, a home page), with the same busy timeline: the
 * site's content script is injected there and must cost next to nothing.
 */
export const NON_PROFILE_PAGES: Record<string, string> = {
  bluesky: 'https://bsky.app/',
  facebook: 'https://www.facebook.com/',
  github: 'https://github.com/',
  instagram: 'https://www.instagram.com/',
  linkedin: 'https://www.linkedin.com/feed/',
  mastodon: 'https://mastodon.social/home',
  reddit: 'https://www.reddit.com/',
  threads: 'https://www.threads.net/',
  tiktok: 'https://www.tiktok.com/foryou',
  youtube: 'https://www.youtube.com/',
};

const PAGES: Record<string, string> = {
  ...Object.fromEntries(
    Object.values(NON_PROFILE_PAGES).map((url) => {
      const { host, pathname } = new URL(url);
      return [`${host}${pathname}`, withScript(TIMELINE_HTML, loadScript)];
    }),
  ),
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
  [`x.com/${COLD_TEAMMATE}`]: (await fixture('x/not-following.html')).replace(/alice_dev/gi, COLD_TEAMMATE),
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
export async function serve(context: BrowserContext): Promise<void> {
  await context.route(/^https?:\/\//, async (route) => {
    const { host, pathname } = new URL(route.request().url());
    if (pathname === YARDSTICK_PATH)
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: YARDSTICK });
    const body = PAGES[`${host}${pathname}`];
    if (body === undefined) return route.abort('internetdisconnected');
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
}
