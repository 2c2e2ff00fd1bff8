import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  fixture,
  importRoster,
  launchExtension,
  resetData,
  servePages,
} from './harness';

// "Add to team" from the popup on a stranger's served profile. The toolbar popup cannot be opened by a test, and the
// popup opened as a page becomes the active tab itself; so the popup page is opened first and the profile's tab is
// then brought to the front: the popup page, reloaded behind it, asks the background about the tab in front, as the
// real popup does.

let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchExtension();
  await resetData(ext);
  expect(await importRoster(ext, 'team.csv', 'name,x\nAlice Example,alice_dev\n')).toEqual({
    imported: 1,
    rejected: 0,
  });
});
afterAll(async () => {
  await ext?.close();
});

/** The background's answer to the popup's question, asked from an extension page. */
const askActiveProfile = (page: Page) =>
  page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
    ).chrome.runtime.sendMessage({ type: 'active-profile' }),
  );

it('adds a stranger whose profile is in front as a new teammate named from the page', async () => {
  await servePages(ext, {
    'https://x.com/carol_dev': async () =>
      (await fixture('x/not-following.html')).replace(/alice_dev/gi, 'carol_dev'),
    'https://x.com/alice_dev': 'x/not-following.html',
  });
  const popup = await ext.context.newPage();
  await popup.goto(ext.extensionUrl('popup.html'));
  const profile = await ext.context.newPage();
  await profile.goto('https://x.com/carol_dev');
  await profile.bringToFront();

  expect(await askActiveProfile(popup)).toMatchObject({
    ok: true,
    profile: { site: 'x', handle: 'carol_dev', member: null },
  });
  await popup.reload();
  const add = popup.locator('[data-testid="add-to-team"]');
  await add.waitFor();
  const name = popup.locator('[data-testid="add-to-team-name"]');
  // The fixture's title, "Alice Dev (@carol_dev) / X", without the handle and the site.
  expect(await name.inputValue()).toBe('Alice Dev');
  await name.fill('Carol Example');
  await add.click();
  await popup.locator('[data-testid="add-to-team-done"]').waitFor();
  // The background now finds the new teammate by the account in front (the lookup a profile visit makes).
  expect(await askActiveProfile(popup)).toMatchObject({
    profile: { site: 'x', handle: 'carol_dev', member: { name: 'Carol Example' } },
  });

  // On a teammate's profile there is nothing to add.
  await profile.goto('https://x.com/alice_dev');
  await profile.bringToFront();
  expect(await askActiveProfile(popup)).toMatchObject({
    profile: { handle: 'alice_dev', member: { name: 'Alice Example' } },
  });
  await popup.reload();
  await popup.locator('[data-testid="gap-count"], [data-testid="first-run"], .popup').first().waitFor();
  await popup.waitForTimeout(500);
  expect(await popup.locator('[data-testid="add-to-team"]').count()).toBe(0);
  await popup.close();
  await profile.close();
});
