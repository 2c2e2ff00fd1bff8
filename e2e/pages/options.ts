import type { Locator, Page } from 'playwright-core';
import { type ExtensionBrowser, openOptions } from '../harness';
import { ROSTER_ROW } from '../hooks';

// The options page, opened as a page: the hooks of its roster table, "Fill in all" and "Import from a group".

export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(ext: ExtensionBrowser): Promise<OptionsPage> {
    return new OptionsPage(await openOptions(ext));
  }

  close(): Promise<void> {
    return this.page.close();
  }

  get rosterRows(): Locator {
    return this.page.locator(ROSTER_ROW);
  }

  /** Every teammate on the roster as `name: site:handle, …`, sorted by name. */
  async roster(): Promise<string[]> {
    const rows = await this.rosterRows.evaluateAll((trs) =>
      trs.map((tr) => {
        const name = tr.querySelector('th')?.textContent?.trim() ?? '';
        const accounts = [...tr.querySelectorAll('li[data-site]')].map(
          (li) => `${li.getAttribute('data-site')}:${li.getAttribute('data-handle')}`,
        );
        return `${name}: ${accounts.sort().join(', ')}`;
      }),
    );
    return rows.sort();
  }

  // "Fill in from public profiles".

  get fillInAll(): Locator {
    return this.page.locator('[data-testid="fill-in-all"]');
  }

  get fillInReview(): Locator {
    return this.page.locator('[data-testid="fill-in-review"]');
  }

  /** The tick of one suggestion, by account key (`x:ada_x`). */
  fillInTick(account: string): Locator {
    return this.page.locator(`[data-testid="fill-in-tick"][data-account="${account}"]`);
  }

  /** The suggestions listed, as `site:handle (provenance)`, in order. */
  async suggestions(): Promise<string[]> {
    return this.page.locator('[data-testid="fill-in-tick"]').evaluateAll((boxes) =>
      boxes.map((box) => {
        const provenance = box
          .closest('label')
          ?.querySelector('[data-testid="fill-in-provenance"]')
          ?.textContent?.trim();
        return `${box.getAttribute('data-account')} ${provenance}`;
      }),
    );
  }

  get fillInAdd(): Locator {
    return this.page.locator('[data-testid="fill-in-add"]');
  }

  get fillInNotice(): Locator {
    return this.page.locator('[data-testid="fill-in-notice"]');
  }

  // "Import from a group".

  get groupSource(): Locator {
    return this.page.locator('[data-testid="group-source"]');
  }

  get groupOrg(): Locator {
    return this.page.locator('[data-testid="group-org-input"]');
  }

  get groupBlueskyUrl(): Locator {
    return this.page.locator('[data-testid="group-bluesky-input"]');
  }

  get groupPreviewButton(): Locator {
    return this.page.locator('[data-testid="group-preview-button"]');
  }

  get groupPreview(): Locator {
    return this.page.locator('[data-testid="group-preview"]');
  }

  /** The people the preview lists, as `name (handle)`, in order. */
  async previewMembers(): Promise<string[]> {
    return this.page
      .locator('[data-testid="group-preview-member"]')
      .evaluateAll((items) =>
        items.map((li) => `${li.firstChild?.textContent?.trim()} (${li.getAttribute('data-handle')})`),
      );
  }

  get groupImportButton(): Locator {
    return this.page.locator('[data-testid="group-import-button"]');
  }

  get groupSummary(): Locator {
    return this.page.locator('[data-testid="group-import-summary"]');
  }

  get groupError(): Locator {
    return this.page.locator('[data-testid="group-error"]');
  }
}
