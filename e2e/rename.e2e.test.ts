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

// A teammate who changed their X handle: the page of the new handle shows the user id kept from the old one, and
// the popup offers to update the roster (never a silent split or merge).

let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchExtension();
  await resetData(ext);
  expect(await importRoster(ext, 'team.csv', 'name,x\nAda Lindqvist,alice_dev')).toMatchObject({
    imported: 1,
  });
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
