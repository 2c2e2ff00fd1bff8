import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
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

// npm run screenshots: the popup with gaps, the options page, the team view and the flag on a served X profile, in
// German and Japanese (Chromium's --lang serves those messages), light and dark, into
// docs/screenshots/<surface>-<lang>-<theme>.png. Not part of npm test: the pictures are for the README.

const OUT = resolve(import.meta.dirname, '../docs/screenshots');
const ROSTER = resolve(import.meta.dirname, '../examples/roster.csv');
// Three teammates' X profiles, served from the saved "not following" page with their handle in it.
const PROFILES = ['adaquill', 'brunofen', 'chiaradraws'];
const profileUrl = (handle: string) => `https://x.com/${handle}`;

type Theme = 'light' | 'dark';

const SURFACES: Record<
  string,
  { size: { width: number; height: number }; open: (ext: ExtensionBrowser) => Promise<Page> }
> = {
  popup: {
    size: { width: 380, height: 600 },
    open: async (ext) => {
      const popup = await PopupPage.open(ext);
      await popup.gapRows.first().waitFor();
      return popup.page;
    },
  },
  options: {
    size: { width: 1280, height: 1000 },
    open: async (ext) => {
      const page = await openOptions(ext);
      await page.locator('[data-testid="roster-row"]').first().waitFor();
      return page;
    },
  },
  team: {
    size: { width: 1280, height: 760 },
    open: async (ext) => {
      const page = await ext.context.newPage();
      await page.goto(ext.extensionUrl('team.html'));
      await page.locator('[data-testid="matrix-row"]').first().waitFor();
      return page;
    },
  },
  flag: {
    // The profile's header with the flag beside it; the saved page is X's markup without X's styles.
    size: { width: 900, height: 400 },
    open: (ext) => visit(ext, PROFILES[0] as string),
  },
};

async function visit(ext: ExtensionBrowser, handle: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(profileUrl(handle));
  await new FlagPage(page).host.and(page.locator('[data-state="not-following"]')).waitFor();
  return page;
}

async function shoot(lang: string): Promise<string[]> {
  const ext = await launchExtension([`--lang=${lang}`]);
  const saved: string[] = [];
  try {
    await resetData(ext);
    await importRoster(ext, 'roster.csv', await readFile(ROSTER));
    await servePages(
      ext,
      Object.fromEntries(
        PROFILES.map((handle) => [
          profileUrl(handle),
          async () => (await fixture('x/not-following.html')).replace(/alice_dev/gi, handle),
        ]),
      ),
    );
    // The visits record three gaps for the popup.
    for (const handle of PROFILES) await (await visit(ext, handle)).close();
    for (const theme of ['light', 'dark'] as Theme[]) {
      for (const [name, surface] of Object.entries(SURFACES)) {
        const page = await surface.open(ext);
        await page.setViewportSize(surface.size);
        await page.emulateMedia({ colorScheme: theme });
        // Fonts and the windowed lists settle after a resize.
        await page.waitForTimeout(300);
        const path = resolve(OUT, `${name}-${lang}-${theme}.png`);
        await page.screenshot({ path });
        await page.close();
        saved.push(path);
      }
    }
  } finally {
    await ext.close();
  }
  return saved;
}

await mkdir(OUT, { recursive: true });
for (const lang of ['de', 'ja']) for (const path of await shoot(lang)) console.info(path);
