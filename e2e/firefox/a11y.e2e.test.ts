import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureTextSizes } from '../a11y-checks';
import { fixture } from '../harness';
import { type FirefoxExtension, launchFirefoxExtension, servePages } from './harness';
import { FirefoxOptions } from './pages';

// The same sizes in Firefox ESR as in Chromium: every visible text at 12 px or more, body text at 13–14 px.

const ROSTER = resolve(import.meta.dirname, '../../examples/roster.csv');
const PROFILE = 'https://x.com/adaquill';

let ff: FirefoxExtension;

async function visitProfile(): Promise<Page> {
  const page = await ff.browser.newPage();
  await servePages(page, {
    [PROFILE]: async () => (await fixture('x/not-following.html')).replace(/alice_dev/gi, 'adaquill'),
  });
  await page.goto(PROFILE);
  await page.waitForSelector('[data-testid="teamfollow-flag"][data-state="not-following"]');
  return page;
}

beforeAll(async () => {
  ff = await launchFirefoxExtension();
  const options = await FirefoxOptions.open(ff);
  expect(await options.importFile('roster.csv', await readFile(ROSTER, 'utf8'))).toEqual({
    imported: 10,
    rejected: 0,
  });
  await options.page.close();
  // A visit records a gap for the popup.
  await (await visitProfile()).close();
});
afterAll(async () => {
  await ff?.close();
});

const SURFACES: Record<string, { open: () => Promise<Page>; within?: string }> = {
  options: { open: () => ff.openExtensionPage('options.html', '[data-testid="roster-row"]') },
  popup: { open: () => ff.openExtensionPage('popup.html', '[data-testid="gap-row"]') },
  team: { open: () => ff.openExtensionPage('team.html', '[data-testid="matrix-row"]') },
  flag: { open: visitProfile, within: '[data-testid="teamfollow-flag"]' },
};

describe('Firefox ESR: text sizes', () => {
  it.each(Object.keys(SURFACES))('%s: every text 12 px or more, body 13–14 px', async (name) => {
    const surface = SURFACES[name] as (typeof SURFACES)[string];
    const page = await surface.open();
    const sizes = await page.evaluate(measureTextSizes, { within: surface.within, floor: 12 });
    await page.close();
    console.info(`Firefox ${name}: smallest ${sizes.min} px, body ${sizes.body} px (${sizes.weights})`);
    expect(sizes.under).toEqual([]);
    expect(sizes.body).toBeGreaterThanOrEqual(13);
    expect(sizes.body).toBeLessThanOrEqual(14);
  });
});
