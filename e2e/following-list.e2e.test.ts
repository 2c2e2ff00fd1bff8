import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  fixture,
  followRecord,
  importRoster,
  launchExtension,
  resetData,
  servePages,
} from './harness';

// The user's own following list, reached by a client-side navigation from a page that is not one: the boot script
// has the page reader injected there, and the teammates it lists are recorded as followed.

const ROSTER = ['name,x', 'Alice Example,alice_dev', 'Frank Ux,frank_ux', 'Zed Example,zed_dev'].join('\n');
const LIST_URL = 'https://x.com/manager_mo/following';

let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchExtension();
  await resetData(ext);
  expect(await importRoster(ext, 'team.csv', ROSTER)).toEqual({ imported: 3, rejected: 0 });
});
afterAll(async () => {
  await ext?.close();
});

describe('following list', () => {
  it("records the teammates on the user's own following list, opened from the timeline", async () => {
    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    // X is the first network of the own-handles card.
    await options.locator('[data-testid="own-handle"]').first().fill('manager_mo');
    await options.locator('[data-testid="own-handles-save"]').click();
    await expect.poll(() => options.locator('[data-testid="own-handles"]').textContent()).toMatch(/saved/i);
    await options.close();

    const list = await fixture('x/following-list.html');
    await servePages(ext, {
      'https://x.com/home': async () =>
        list.replace(/<body[\s\S]*<\/body>/i, '<body><main>Home</main></body>'),
      [LIST_URL]: 'x/following-list.html',
    });
    const page = await ext.context.newPage();
    await page.goto('https://x.com/home');
    await page.waitForTimeout(300);
    await page.evaluate(
      ([to, html]) => {
        document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
        history.pushState({}, '', to);
      },
      [LIST_URL, list] as const,
    );
    await expect.poll(async () => (await followRecord(ext, 'x:alice_dev'))?.state).toBe('following');
    expect(await followRecord(ext, 'x:alice_dev')).toMatchObject({ state: 'following', source: 'list' });
    expect(await followRecord(ext, 'x:frank_ux')).toMatchObject({ state: 'following', source: 'list' });
    // Zed is not on the list; nothing is said about him.
    expect(await followRecord(ext, 'x:zed_dev')).toBeUndefined();
    await page.close();
  });
});
