import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FixtureIndex } from '../fixtures/types';
import { parseProfileUrl } from '../utils/sites/index';
import {
  type ExtensionBrowser,
  importRoster,
  launchExtension,
  resetData,
  servePages,
  UNTRUSTED_RECORDER,
} from './harness';
import { FlagPage } from './pages/flag';

// The built content scripts on every saved page where there is someone to follow: the flag's button points at the
// site's own control and the page receives no event that a script dispatched (TeamFollow never presses).

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const pages = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => {
    const index: FixtureIndex = JSON.parse(readFileSync(resolve(FIXTURES, entry.name, 'index.json'), 'utf8'));
    return index.profiles
      .filter((profile) => profile.state === 'not-following')
      .map((profile) => ({ site: entry.name, ...profile }));
  });

let ext: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  ext = await launchExtension();
  await resetData(ext);
  const accounts = [...new Set(pages.map(({ url }) => JSON.stringify(parseProfileUrl(url))))].map(
    (json) => JSON.parse(json) as { site: string; handle: string },
  );
  // One column per site: each teammate has one account.
  const sites = [...new Set(accounts.map((a) => a.site))];
  const csv = [
    `name,${sites.join(',')}`,
    ...accounts.map(
      (a, i) => `Teammate ${i + 1},${sites.map((s) => (s === a.site ? a.handle : '')).join(',')}`,
    ),
  ].join('\n');
  expect(await importRoster(ext, 'team.csv', csv)).toMatchObject({ imported: accounts.length, rejected: 0 });
  page = await ext.context.newPage();
  await page.addInitScript(UNTRUSTED_RECORDER);
});
afterAll(async () => {
  await ext?.close();
});

it.each(pages)(
  '$site/$file: points at the control and dispatches nothing',
  async ({ site, file, url, late }) => {
    await servePages(ext, { [url]: `${site}/${file}` });
    await page.goto(url);
    const flag = new FlagPage(page);
    await expect.poll(() => flag.state(5_000), { timeout: late ? 10_000 : 5_000 }).toBe('not-following');
    await flag.showButton.click();
    await flag.ring.waitFor({ state: 'attached' });
    await page.waitForTimeout(150);
    expect(await flag.state()).toBe('not-following');
    expect(await page.evaluate(() => (window as unknown as { untrusted: string[] }).untrusted)).toEqual([]);
  },
);
