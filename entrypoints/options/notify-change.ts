import { browser } from 'wxt/browser';
import { announceChange } from '../../utils/changes';

/** Tells open pages (on the channel) and the background, waking it if it sleeps, that the roster changed. */
export function notifyChange(): void {
  announceChange('options');
  browser.runtime.sendMessage({ type: 'data-changed' }).catch(() => undefined);
}
