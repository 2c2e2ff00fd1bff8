import { browser } from 'wxt/browser';
import { errorText } from '../../utils/errors';
import { t } from '../../utils/i18n/index';
import type { PageAnswer, PageMessage } from '../../utils/messages';

/** What became of a request: an error message for the user, and whether a profile was opened in front. */
export interface Sent {
  error: string | null;
  opened: boolean;
}

/** Sends a page message; any failure (no background, a refusal) becomes an error message. */
export async function send(message: PageMessage): Promise<Sent> {
  try {
    const answer = (await browser.runtime.sendMessage(message)) as PageAnswer | undefined;
    if (answer && !answer.ok) return { error: answer.error, opened: false };
    return { error: null, opened: Boolean(answer?.opened) };
  } catch (error) {
    return { error: t('popup_sendFailed', { error: errorText(error) }), opened: false };
  }
}

/** Opens the options page, at a section when given. */
export function openOptions(): void {
  void browser.runtime.openOptionsPage();
}

/** Opens a page of a site in a new tab, from the user's click. */
export function openTab(url: string): void {
  void browser.tabs.create({ url, active: true });
  window.close();
}
