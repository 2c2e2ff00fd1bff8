import type { Locator, Page } from 'playwright-core';
import { type ExtensionBrowser, openOptions } from '../harness';

// The options page's "Publish the team on Bluesky" section: its hooks in one place.

export class PublishPage {
  private constructor(readonly page: Page) {}

  /** Opens the options page and waits until the section has read its settings. */
  static async open(ext: ExtensionBrowser): Promise<PublishPage> {
    const page = await openOptions(ext);
    await page.locator('[data-testid="publish-teammates"]').waitFor();
    return new PublishPage(page);
  }

  /** How many Bluesky teammates the roster has, as the section counts them. */
  teammates(): Promise<string | null> {
    return this.page.locator('[data-testid="publish-teammates"]').getAttribute('data-count');
  }

  /** Ticks that the teammates agreed, and presses Publish. */
  async publish(): Promise<void> {
    await this.page.locator('[data-testid="publish-consent"]').check();
    await this.page.locator('[data-testid="publish-run"]').click();
  }

  get summary(): Locator {
    return this.page.locator('[data-testid="publish-summary"]');
  }

  /** Each teammate's result: handle and status. */
  items(): Promise<[string | null, string | null][]> {
    return this.page
      .locator('[data-testid="publish-item"]')
      .evaluateAll((items) =>
        items.map((item) => [item.getAttribute('data-handle'), item.getAttribute('data-status')]),
      );
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
