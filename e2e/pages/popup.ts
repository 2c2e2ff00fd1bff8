import type { Locator, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../harness';
import { GAP_COUNT, GAP_ROW, UNKNOWN_ROW } from '../hooks';

// The toolbar popup, opened as a page: its hooks (DESIGN, "Test hooks") in one place.

export class PopupPage {
  private constructor(readonly page: Page) {}

  /** Opens the popup and waits until it shows its count. */
  static async open(ext: ExtensionBrowser): Promise<PopupPage> {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('popup.html'));
    await page.locator(GAP_COUNT).waitFor();
    return new PopupPage(page);
  }

  /** The number of accounts recorded not followed, as shown. */
  gapCount(): Promise<string | null> {
    return this.page.locator(GAP_COUNT).textContent();
  }

  get gapRows(): Locator {
    return this.page.locator(GAP_ROW);
  }

  get unknownRows(): Locator {
    return this.page.locator(UNKNOWN_ROW);
  }

  /** A network's "Check all" or "Follow all" button. */
  bulkButton(kind: 'check-all' | 'follow-all', site: string): Locator {
    return this.page.locator(`[data-testid="${kind}"][data-site="${site}"]`);
  }

  /** The tick box of one account in the "Follow all" review list. */
  tick(handle: string): Locator {
    return this.page.locator(`[data-testid="follow-all-tick"][data-handle="${handle}"]`);
  }

  get ticks(): Locator {
    return this.page.locator('[data-testid="follow-all-tick"]');
  }

  get confirmFollowAll(): Locator {
    return this.page.locator('[data-testid="follow-all-confirm"]');
  }

  /** A network's run: its progress bar (with `data-status`). */
  progress(site: string): Locator {
    return this.page.locator(`[data-testid="bulk-progress"][data-site="${site}"]`);
  }

  /** The line that reports a network's run. */
  get runReport(): Locator {
    return this.page.locator('.bulk-text');
  }

  async close(): Promise<void> {
    if (!this.page.isClosed()) await this.page.close();
  }
}
