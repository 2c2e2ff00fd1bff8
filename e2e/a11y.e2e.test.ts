import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, clippedBoxes, lowestContrast, textSizes } from './a11y-checks';
import {
  type ExtensionBrowser,
  fixture,
  importRoster,
  launchExtension,
  openOptions,
  resetData,
  servePages,
} from './harness';
import { FlagPage } from './pages/flag';
import { PopupPage } from './pages/popup';

// Every surface of the built extension, in light and dark: each visible text at 12 px or more with body text at
// 13–14 px (Chrome sets extension pages' body to 75%), and no WCAG 2.1 AA violation axe-core finds.

const ROSTER = resolve(import.meta.dirname, '../examples/roster.csv');
const PROFILE = 'https://x.com/adaquill';

let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchExtension();
  await resetData(ext);
  expect(await importRoster(ext, 'roster.csv', await readFile(ROSTER))).toEqual({
    imported: 10,
    rejected: 0,
  });
  await servePages(ext, {
    [PROFILE]: async () => (await fixture('x/not-following.html')).replace(/alice_dev/gi, 'adaquill'),
  });
  // The visit records Ada's X account as not followed: the popup then lists a gap.
  (await SURFACES.flag?.open())?.close();
});
afterAll(async () => {
  await ext?.close();
});

/** Each surface opened as a user meets it; `scope` is what axe checks (the flag only, not X's page). */
const SURFACES: Record<string, { open: () => Promise<Page>; scope?: string }> = {
  options: {
    open: async () => {
      const page = await openOptions(ext);
      await page.locator('[data-testid="roster-row"]').first().waitFor();
      return page;
    },
  },
  popup: {
    open: async () => {
      const popup = await PopupPage.open(ext);
      await popup.gapRows.first().waitFor();
      return popup.page;
    },
  },
  team: {
    open: async () => {
      const page = await ext.context.newPage();
      await page.goto(ext.extensionUrl('team.html'));
      await page.locator('[data-testid="matrix-row"]').first().waitFor();
      return page;
    },
  },
  flag: {
    open: async () => {
      const page = await ext.context.newPage();
      await page.goto(PROFILE);
      await new FlagPage(page).host.and(page.locator('[data-state="not-following"]')).waitFor();
      return page;
    },
    scope: '[data-testid="teamfollow-flag"]',
  },
};

describe.each(['light', 'dark'] as const)('accessibility, %s', (colorScheme) => {
  it.each(Object.keys(SURFACES))('%s: every text 12 px or more, body 13–14 px', async (name) => {
    const surface = SURFACES[name] as (typeof SURFACES)[string];
    const page = await surface.open();
    await page.emulateMedia({ colorScheme });
    const sizes = await textSizes(page, surface.scope);
    await page.close();
    console.info(
      `${name} (${colorScheme}): smallest ${sizes.min} px, body ${sizes.body} px (${sizes.weights})`,
    );
    expect(sizes.under).toEqual([]);
    expect(sizes.body).toBeGreaterThanOrEqual(13);
    expect(sizes.body).toBeLessThanOrEqual(14);
  });

  it.each(Object.keys(SURFACES))('%s: no axe-core WCAG 2.1 AA violation', async (name) => {
    const surface = SURFACES[name] as (typeof SURFACES)[string];
    const page = await surface.open();
    await page.emulateMedia({ colorScheme });
    const violations = await axeViolations(page, surface.scope);
    await page.close();
    expect(violations).toEqual([]);
  });

  it('fits the larger text in the fixed-height rows of the popup and the team view', async () => {
    const checks: [string, string][] = [
      ['popup', '[data-testid="gap-list"] .item'],
      ['team', '[data-testid="matrix-row"] [data-testid="matrix-cell"], [data-testid="matrix-row"] th'],
    ];
    for (const [name, selector] of checks) {
      const page = await (SURFACES[name] as (typeof SURFACES)[string]).open();
      await page.emulateMedia({ colorScheme });
      expect(await clippedBoxes(page, selector), name).toEqual([]);
      await page.close();
    }
  });

  it('fields, buttons and coverage bar segments stand out 3:1 from their background', async () => {
    const checks: [string, string, string][] = [
      [
        'options',
        'input[type="text"], input[type="search"], textarea, select, button:not(.link-button)',
        'border-top-color',
      ],
      ['popup', 'input[type="search"], select', 'border-top-color'],
      ['popup', '.coverage-bar .segment', 'background-color'],
      ['team', 'input[type="search"], select, button', 'border-top-color'],
    ];
    const ratios: string[] = [];
    for (const [name, selector, property] of checks) {
      const page = await (SURFACES[name] as (typeof SURFACES)[string]).open();
      await page.emulateMedia({ colorScheme });
      const ratio = await lowestContrast(page, selector, property);
      await page.close();
      ratios.push(`${name} ${selector}: ${ratio.toFixed(2)}`);
      expect(ratio, `${name} ${selector}`).toBeGreaterThanOrEqual(3);
    }
    console.info(`non-text contrast (${colorScheme}): ${ratios.join('; ')}`);
  });
});

describe('focus after an action removes or moves the focused control', () => {
  /** What has the focus: its test id, and the teammate of its roster row. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      return `${active?.dataset.testid} ${active?.closest<HTMLElement>('[data-member-id]')?.querySelector('th')?.textContent}`;
    });

  it('options roster: on the Edit button after closing the dialog, saving a renamed teammate and deleting one', async () => {
    const page = await SURFACES.options?.open();
    if (!page) throw new Error('no options page');
    const row = (name: string) =>
      page.locator('[data-testid="roster-row"]', { has: page.locator(`th:text-is("${name}")`) });

    await row('Ada Quill').locator('[data-testid="edit-member"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="member-dialog"]').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe('edit-member Ada Quill');

    // Renamed, Ada's row moves from first to last: the focus follows it.
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="member-name"]').fill('Zora Quill');
    await page.locator('[data-testid="save-member"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('edit-member Zora Quill');

    const names = await page.locator('[data-testid="roster-row"] th').allTextContents();
    await row('Zora Quill').locator('[data-testid="delete-member"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="delete-member-confirm"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe(`edit-member ${names.at(-2)}`);
    await page.close();
  });
});

describe('options page: getting around', () => {
  it('starts with a skip link to the settings and links to its 13 sections', async () => {
    const page = await openOptions(ext);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    const targets = await page
      .locator('[data-testid="section-nav"] a')
      .evaluateAll((links) =>
        links.map((link) => document.querySelector(link.getAttribute('href') ?? '')?.tagName ?? 'missing'),
      );
    expect(targets).toHaveLength(13);
    expect(targets.every((tag) => tag === 'H2' || tag === 'H3')).toBe(true);
    await page.close();
  });

  it('imports a roster file dropped on the import card', async () => {
    const page = await openOptions(ext);
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['name,x\nDrop Dee,drop_dee\n'], 'dropped.csv', { type: 'text/csv' }));
      return transfer;
    });
    const card = page.locator('section[aria-labelledby="import-heading"]');
    await card.dispatchEvent('dragenter', { dataTransfer });
    expect(await page.locator('[data-testid="drop-hint"]').getAttribute('class')).toContain('drop-over');
    await card.dispatchEvent('drop', { dataTransfer });
    const summary = page.locator('[data-testid="import-summary"]');
    await expect.poll(() => summary.getAttribute('data-imported')).toBe('1');
    await expect
      .poll(() => page.locator('[data-testid="roster-row"] th').allTextContents())
      .toContain('Drop Dee');
    await page.close();
  });

  it.each([800, 400])('keeps every Edit and Delete of the roster on screen at %i px wide', async (width) => {
    const page = await openOptions(ext);
    await page.setViewportSize({ width, height: 900 });
    await page.locator('[data-testid="roster-row"]').first().waitFor();
    const layout = await page.evaluate(() => ({
      pageWidth: document.documentElement.scrollWidth,
      buttons: [
        ...document.querySelectorAll('[data-testid="edit-member"], [data-testid="delete-member"]'),
      ].map((button) => {
        const box = button.getBoundingClientRect();
        return { left: box.left, right: box.right, width: box.width };
      }),
    }));
    expect(layout.pageWidth).toBeLessThanOrEqual(width);
    expect(await axeViolations(page)).toEqual([]);
    expect(layout.buttons.length).toBeGreaterThanOrEqual(18);
    for (const box of layout.buttons) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(width);
      expect(box.width).toBeGreaterThan(20);
    }
    // Reachable means usable: Delete asks, and No puts things back.
    const first = page.locator('[data-testid="roster-row"]').first();
    await first.locator('[data-testid="delete-member"]').click({ trial: false });
    await first.locator('[data-testid="delete-member-cancel"]').click();
    await first.locator('[data-testid="edit-member"]').click();
    await page.locator('[data-testid="member-dialog"]').waitFor();
    await page.keyboard.press('Escape');
    await page.close();
  });
});

describe('first run', () => {
  it('opens the welcome page on install, with the three steps linking to their options sections', async () => {
    const fresh = await launchExtension([], { keepWelcome: true });
    try {
      const welcome = fresh.welcome;
      expect(welcome?.url()).toBe(fresh.extensionUrl('welcome.html'));
      if (!welcome) return;
      await welcome.locator('[data-testid="welcome-step"]').first().waitFor();
      expect(await welcome.locator('[data-testid="welcome-step"] h2').allTextContents()).toEqual([
        'Import your team’s roster',
        'Tell TeamFollow your own accounts',
        'Open your following lists, or connect the APIs',
      ]);
      expect(await axeViolations(welcome)).toEqual([]);
      await welcome.emulateMedia({ colorScheme: 'dark' });
      expect(await axeViolations(welcome)).toEqual([]);
      const sizes = await textSizes(welcome);
      expect(sizes.under).toEqual([]);
      await welcome.locator('[data-testid="welcome-link"]').nth(1).click();
      await welcome.waitForURL(fresh.extensionUrl('options.html#own-handles-heading'));
      const top = await welcome
        .locator('#own-handles-heading')
        .evaluate((heading) => heading.getBoundingClientRect().top);
      expect(top).toBeLessThan(100);
    } finally {
      await fresh.close();
    }
  });
});
