import { browser } from 'wxt/browser';

/** The team view's address inside the extension. */
export function teamViewUrl(): string {
  return browser.runtime.getURL('/team.html');
}
