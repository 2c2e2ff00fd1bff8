import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  fixture,
  importRoster,
  launchExtension,
  resetData,
  servePages,
} from './harness';

// After visiting served profile pages, the team view shows what the flags showed, live, and who follows you.

const ROSTER = [
  'name,team,x,github,bluesky',
  'Alice Example,Platform,alice_dev,octo-cat,',
  'Bob Example,Design,bob_dev,,bob.bsky.social',
].join('\n');

const X_ALICE = 'https://x.com/alice_dev';
const X_BOB = 'https://x.com/bob_dev';
const GH_ALICE = 'https://github.com/octo-cat';

let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchExtension();
  await resetData(ext);
  expect(await importRoster(ext, 'team.csv', ROSTER)).toEqual({ imported: 2, rejected: 0 });
  await servePages(ext, {
    [X_ALICE]: 'x/not-following.html',
    // X's "Follows you" page, made Bob's by swapping the fixture's handle.
    [X_BOB]: async () => (await fixture('x/follows-you.html')).replace(/alice_dev/gi, 'bob_dev'),
    [GH_ALICE]: 'github/following.html',
  });
});
afterAll(async () => {
  await ext?.close();
});

/** Opens a served profile and waits until its flag shows a state; resolves to that state. */
async function visit(url: string): Promise<string> {
  const page = await ext.context.newPage();
  await page.goto(url);
  const flag = page.locator('[data-testid="teamfollow-flag"]');
  await expect.poll(() => flag.getAttribute('data-state', { timeout: 10_000 })).not.toBe('unknown');
  const state = (await flag.getAttribute('data-state')) as string;
  await page.close();
  return state;
}

const cell = (page: Page, member: string, site: string) =>
  page.locator(
    `[data-testid="matrix-row"][data-member="${member}"] [data-testid="matrix-cell"][data-site="${site}"]`,
  );

describe('team view', () => {
  let team: Page;

  it('shows the same states as the flags, and who follows you', async () => {
    const flags = { alice: await visit(X_ALICE), bob: await visit(X_BOB) };
    expect(flags).toEqual({ alice: 'not-following', bob: 'not-following' });

    team = await ext.context.newPage();
    await team.goto(ext.extensionUrl('team.html'));
    await team.locator('[data-testid="coverage-matrix"] [data-testid="matrix-row"]').first().waitFor();
    const rows = team.locator('[data-testid="matrix-row"]');
    expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-member')))).toEqual([
      'Alice Example',
      'Bob Example',
    ]);
    expect(await rows.first().locator('[data-testid="matrix-cell"]').count()).toBe(11);

    await expect.poll(() => cell(team, 'Alice Example', 'x').getAttribute('data-state')).toBe(flags.alice);
    expect(await cell(team, 'Bob Example', 'x').getAttribute('data-state')).toBe(flags.bob);
    expect(await cell(team, 'Bob Example', 'x').getAttribute('data-follows-you')).toBe('true');
    expect(await cell(team, 'Bob Example', 'x').textContent()).toContain('follows you');
    // Not visited yet: unknown, never "not following"; no account: none.
    expect(await cell(team, 'Alice Example', 'github').getAttribute('data-state')).toBe('unknown');
    expect(await cell(team, 'Bob Example', 'bluesky').getAttribute('data-state')).toBe('unknown');
    expect(await cell(team, 'Bob Example', 'github').getAttribute('data-state')).toBe('none');
    expect(await cell(team, 'Alice Example', 'x').locator('[data-testid="follow-button"]').count()).toBe(1);
  });

  it('updates while open when another page records a state', async () => {
    expect(await visit(GH_ALICE)).toBe('following');
    await expect
      .poll(() => cell(team, 'Alice Example', 'github').getAttribute('data-state'))
      .toBe('following');
    const summary = team.locator('[data-testid="summary-cell"][data-site="github"]');
    expect(await summary.getAttribute('data-followed')).toBe('1');
  });

  it('moves between cells with the arrow keys', async () => {
    await team.locator('[data-testid="matrix-row"] [tabindex="0"]').focus();
    await team.keyboard.press('ArrowRight');
    await team.keyboard.press('ArrowDown');
    const focused = await team.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return [el.closest('[data-member]')?.getAttribute('data-member'), el.dataset.site];
    });
    expect(focused).toEqual(['Bob Example', 'x']);
  });

  it('Follow on a gap takes you to the profile in front', async () => {
    const opened = ext.context.waitForEvent('page');
    await cell(team, 'Alice Example', 'x').locator('[data-testid="follow-button"]').click();
    const profile = await opened;
    await profile.waitForURL(X_ALICE);
    await profile.close();
  });
});
