import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CHANGES_CHANNEL, getDb } from '../utils/db';
import { reconcileMastodonScripts } from '../utils/mastodon-instances';
import {
  type ContentAnswer,
  type ContentMessage,
  handleContentMessage,
  parseContentMessage,
} from '../utils/messages';
import { addOwnHandle, getOwnHandles } from '../utils/settings';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own content scripts and pages may talk to us; other extensions cannot.
    if (sender.id !== browser.runtime.id) return undefined;
    return getDb().then(async (db) => {
      const answer = await handleContentMessage(db, message, { ownHandles: getOwnHandles });
      const sent = parseContentMessage(message);
      if (answer.ok && sent) await afterMessage(sent, answer, sender.tab?.id);
      return answer;
    });
  });
  // Content scripts on user-added Mastodon instances follow the granted host permissions.
  const syncMastodon = async () => {
    const { origins = [] } = await browser.permissions.getAll();
    await reconcileMastodonScripts(origins, browser.scripting).catch((error) =>
      console.error('TeamFollow:', error),
    );
  };
  void syncMastodon();
  browser.permissions.onAdded.addListener(() => void syncMastodon());
  browser.permissions.onRemoved.addListener(() => void syncMastodon());
  // A full page load starts without a teammate's profile: clear that tab's badge.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void setTabBadge(tabId, '');
  });
});

/** Side effects of an answered message: the tab's badge, and the user's own handle seen on their profile. */
async function afterMessage(sent: ContentMessage, answer: ContentAnswer, tabId: number | undefined) {
  const recorded = 'recorded' in answer && answer.recorded;
  if (recorded) announceChange();
  if (sent.type === 'report-state' && recorded && sent.state === 'self')
    await addOwnHandle(sent.site, sent.handle);
  if (tabId === undefined) return;
  if (sent.type === 'left-profile' || (sent.type === 'lookup' && 'member' in answer && !answer.member)) {
    await setTabBadge(tabId, '');
  }
  if (sent.type === 'report-state' && recorded)
    await setTabBadge(tabId, sent.state === 'not-following' ? '+1' : '');
}

/** Tells open extension pages (popup, options) that follow states changed, so they redraw. */
function announceChange(): void {
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  channel.postMessage({ type: 'changed' });
  channel.close();
}

async function setTabBadge(tabId: number, text: string): Promise<void> {
  await browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
  if (text) await browser.action.setBadgeBackgroundColor({ tabId, color: '#2457d6' }).catch(() => undefined);
}
