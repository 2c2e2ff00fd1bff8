import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  fixture,
  importRoster,
  launchExtension,
  resetData,
  servePages,
} from './harness';
import { FlagPage } from './pages/flag';
import { PopupPage } from './pages/popup';

// A teammate who changed their X handle or Bluesky handle: the page of the new handle shows the user id (the DID) kept
// from the old one; a teammate whose Mastodon account moved: its page names the new one. Each time the popup offers to
// update the roster (never a silent split or merge).

let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchExtension();
  await resetData(ext);
  const roster =
    'name,x,bluesky,mastodon\nAda Lindqvist,alice_dev,,\nBo Sand,,alice.bsky.social,\nCy Ek,,,alice@mastodon.social';
  expect(await importRoster(ext, 'team.csv', roster)).toMatchObject({ imported: 3 });
});
afterAll(async () => {
  await ext?.close();
});

it('recognises a renamed account by its X user id and offers to update the roster', async () => {
  await servePages(ext, {
    'https://x.com/alice_dev': 'x/not-following.html',
    'https://x.com/ada_new': async () =>
      (await fixture('x/not-following.html')).replace(/alice_dev/gi, 'ada_new'),
  });
  const old = await ext.context.newPage();
  await old.goto('https://x.com/alice_dev');
  await expect.poll(() => new FlagPage(old).state()).toBe('not-following');
  await old.close();

  const renamed = await ext.context.newPage();
  await renamed.goto('https://x.com/ada_new');
  await renamed.waitForTimeout(2500);
  // Not on the roster (yet): no flag.
  expect(await new FlagPage(renamed).host.count()).toBe(0);

  const popup = await PopupPage.open(ext);
  const notice = popup.page.locator('[data-testid="rename-notice"]');
  await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toMatch(/Ada.*alice_dev.*ada_new/);
  await popup.page.locator('[data-testid="rename-accept"]').click();
  await expect.poll(() => popup.page.locator('[data-testid="rename-notice"]').count()).toBe(0);
  await popup.close();

  await renamed.reload();
  await expect.poll(() => new FlagPage(renamed).state()).toBe('not-following');
  expect(await new FlagPage(renamed).status.textContent()).toContain('Ada Lindqvist');
});

it('recognises a renamed Bluesky account by its DID and offers to update the roster', async () => {
  await servePages(ext, {
    'https://bsky.app/profile/alice.bsky.social': 'bluesky/not-following.html',
    'https://bsky.app/profile/bo.example.com': async () =>
      (await fixture('bluesky/not-following.html')).replaceAll('alice.bsky.social', 'bo.example.com'),
  });
  const old = await ext.context.newPage();
  await old.goto('https://bsky.app/profile/alice.bsky.social');
  await expect.poll(() => new FlagPage(old).state()).toBe('not-following');
  await old.close();

  const renamed = await ext.context.newPage();
  await renamed.goto('https://bsky.app/profile/bo.example.com');
  await renamed.waitForTimeout(2500);
  expect(await new FlagPage(renamed).host.count()).toBe(0);

  const popup = await PopupPage.open(ext);
  const notice = popup.page.locator('[data-testid="rename-notice"]');
  await expect
    .poll(() => notice.textContent(), { timeout: 10_000 })
    .toMatch(/Bo Sand's Bluesky handle changed from @alice\.bsky\.social to @bo\.example\.com/);
  await popup.page.locator('[data-testid="rename-accept"]').click();
  await expect.poll(() => notice.count()).toBe(0);
  await popup.close();

  await renamed.reload();
  await expect.poll(() => new FlagPage(renamed).state()).toBe('not-following');
  expect(await new FlagPage(renamed).status.textContent()).toContain('Bo Sand');
});

it('offers the new account of a teammate whose Mastodon account moved', async () => {
  await servePages(ext, { 'https://mastodon.social/@alice': 'mastodon/v45-moved.html' });
  const page = await ext.context.newPage();
  await page.goto('https://mastodon.social/@alice');
  await expect.poll(() => new FlagPage(page).state()).toBe('following');

  const popup = await PopupPage.open(ext);
  const notice = popup.page.locator('[data-testid="rename-notice"]');
  await expect
    .poll(() => notice.textContent(), { timeout: 10_000 })
    .toMatch(/Cy Ek's Mastodon account @alice@mastodon\.social moved to @alice@hachyderm\.io/);
  await popup.page.locator('[data-testid="rename-accept"]').click();
  await expect.poll(() => notice.count()).toBe(0);
  await popup.close();

  // The old account is no longer on the roster: its page shows no flag.
  await page.reload();
  await page.waitForTimeout(2500);
  expect(await new FlagPage(page).host.count()).toBe(0);
});
