import type { Locator, Page } from 'playwright-core';
import { FLAG, FLAG_FOLLOW, FLAG_RING } from '../hooks';

// The on-page flag as a user meets it on a profile: its hooks (DESIGN, "Test hooks") in one place.

export class FlagPage {
  constructor(readonly page: Page) {}

  /** The flag's host element (one per page at most). */
  get host(): Locator {
    return this.page.locator(FLAG);
  }

  /** The flag's button that points at the site's own Follow control. */
  get showButton(): Locator {
    return this.host.locator(FLAG_FOLLOW);
  }

  /** The flag's words (its live region). */
  get status(): Locator {
    return this.host.locator('[role="status"]');
  }

  /** The ring TeamFollow draws over the site's control while the flag points at it. */
  get ring(): Locator {
    return this.page.locator(FLAG_RING);
  }

  /** What the page shows now (`data-state`), waiting for the flag up to `timeout` ms. */
  state(timeout = 10_000): Promise<string | null> {
    return this.host.getAttribute('data-state', { timeout });
  }

  /** While unknown: why (`data-reason`). */
  reason(): Promise<string | null> {
    return this.host.getAttribute('data-reason');
  }

  /** Marks the element that has the focus (the site's control once the flag pointed at it) and returns it. */
  async focusedControl(): Promise<Locator> {
    await this.page.evaluate(() => document.activeElement?.setAttribute('data-e2e-focused', ''));
    return this.page.locator('[data-e2e-focused]');
  }
}
