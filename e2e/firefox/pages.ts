import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import {
  FLAG,
  FLAG_FOLLOW,
  FLAG_RING,
  GAP_COUNT,
  GAP_ROW,
  IMPORT_SUMMARY,
  ROSTER_FILE,
  ROSTER_ROW,
  UNKNOWN_ROW,
} from '../hooks';
import type { FirefoxExtension } from './harness';

// The pages a lead meets, in Firefox through puppeteer: the same hooks (DESIGN, "Test hooks") as e2e/pages/, whose
// page objects are written on Playwright's locators.

/** The options page: the roster file input, its import summary and the roster table. */
export class FirefoxOptions {
  private constructor(readonly page: Page) {}

  static async open(ff: FirefoxExtension): Promise<FirefoxOptions> {
    return new FirefoxOptions(await ff.openExtensionPage('options.html', ROSTER_FILE));
  }

  /** Chooses a roster file in the file input, as a user would; resolves to the summary's numbers. */
  async importFile(name: string, content: string): Promise<{ imported: number; rejected: number }> {
    const dir = await mkdtemp(join(tmpdir(), 'teamfollow-roster-'));
    try {
      const file = join(dir, name);
      await writeFile(file, content);
      const input = (await this.page.$(ROSTER_FILE)) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(file);
      const summary = await this.page.waitForSelector(IMPORT_SUMMARY);
      return (await summary?.evaluate((el) => ({
        imported: Number(el.getAttribute('data-imported')),
        rejected: Number(el.getAttribute('data-rejected')),
      }))) as { imported: number; rejected: number };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** The teammates' names in the roster table, sorted. */
  async rosterNames(): Promise<string[]> {
    const names = await this.page.$$eval(ROSTER_ROW, (rows) =>
      rows.map((tr) => tr.querySelector('th')?.textContent?.trim() ?? ''),
    );
    return names.sort();
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

/** The on-page flag of a profile tab. */
export class FirefoxFlag {
  constructor(readonly page: Page) {}

  /** The flag's button that points at the site's own Follow control (in the flag's open shadow root: `>>>`). */
  readonly showButton = `${FLAG} >>> ${FLAG_FOLLOW}`;

  /** The ring TeamFollow draws over the site's control while the flag points at it. */
  readonly ring = FLAG_RING;

  /** What the page shows now (`data-state`), or null without a flag. */
  state(): Promise<string | null> {
    return this.page.evaluate((sel) => document.querySelector(sel)?.getAttribute('data-state') ?? null, FLAG);
  }

  /** How many flags the page holds (one at most). */
  count(): Promise<number> {
    return this.page.evaluate((sel) => document.querySelectorAll(sel).length, FLAG);
  }

  /** The flag's words (its live region). */
  words(): Promise<string> {
    return this.page.evaluate(
      (sel) => document.querySelector(sel)?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '',
      FLAG,
    );
  }

  /** The element that has the focus (the site's control once the flag pointed at it). */
  focusedControl(): Promise<ElementHandle<HTMLElement>> {
    return this.page.evaluateHandle(() => document.activeElement as HTMLElement);
  }
}

/** The toolbar popup, opened in a tab. */
export class FirefoxPopup {
  private constructor(readonly page: Page) {}

  /** Opens the popup and waits until it shows its count. */
  static async open(ff: FirefoxExtension): Promise<FirefoxPopup> {
    return new FirefoxPopup(await ff.openExtensionPage('popup.html', GAP_COUNT));
  }

  /** The number of accounts recorded not followed, as shown. */
  gapCount(): Promise<string | null> {
    return this.page.$eval(GAP_COUNT, (el) => el.textContent);
  }

  /** The gap list as `site:handle state`, sorted. */
  async gaps(): Promise<string[]> {
    const rows = await this.page.$$eval(GAP_ROW, (trs) =>
      trs.map(
        (r) =>
          `${r.getAttribute('data-site')}:${r.getAttribute('data-handle')} ${r.getAttribute('data-state')}`,
      ),
    );
    return rows.sort();
  }

  /** How many accounts are listed apart as never checked. */
  async unknownCount(): Promise<number> {
    return (await this.page.$$(UNKNOWN_ROW)).length;
  }
}
