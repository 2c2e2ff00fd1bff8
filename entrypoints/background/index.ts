import { type Browser, browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { connectApi } from '../../utils/api/connect';
import { API_SITES, isApiSite } from '../../utils/api/networks';
import { pacingMs } from '../../utils/api/pacing';
import { BulkRunner } from '../../utils/background/bulk';
import { answerContentMessage, REFUSED_PAGE } from '../../utils/background/content-handlers';
import { reconcileMastodonScripts } from '../../utils/background/mastodon-scripts';
import { answerPageMessage, type PageDeps } from '../../utils/background/page-handlers';
import { TabIntents } from '../../utils/background/tab-intents';
import { countUnreadable, noteUnknown } from '../../utils/background/unreadable';
import { announceChange, CHANGES_CHANNEL } from '../../utils/changes';
import { getDb } from '../../utils/db';
import { t } from '../../utils/i18n/index';
import { addedInstances } from '../../utils/instances';
import {
  type ContentAnswer,
  type ContentMessage,
  parseContentMessage,
  parsePageMessage,
} from '../../utils/messages';
import { rosterOnlyHosts } from '../../utils/roster/subscription-refresh';
import {
  addOwnHandle,
  bulkRunsItem,
  connectionsItem,
  getOwnHandles,
  pacingItem,
  rosterSubscriptionItem,
  suggestRename,
  tabIntentsItem,
} from '../../utils/settings';
import type { SiteId } from '../../utils/sites/index';
import { refreshBadge, setTabBadge } from './badge';
import { startContextMenu } from './context-menu';
import { startRosterSync } from './roster-sync';
import { openWelcomeOnInstall } from './welcome';

// Thin shell: wires the browser's events to the handlers in utils/background/, and hands them their effects.

const WAKE_ALARM = 'teamfollow-bulk-wake';
// Said in the UI language: a page shows a refusal to the user.
const refused = () => ({ ok: false, error: t('background_refused') }) as const;
const ADDRESS_RETRIES = 10;
const ADDRESS_RETRY_MS = 100;

export default defineBackground(() => {
  // Registered first and synchronously: the install event fires once, as the worker first starts.
  browser.runtime.onInstalled.addListener(
    openWelcomeOnInstall(
      (url) => browser.tabs.create({ url, active: true }),
      browser.runtime.getURL('/welcome.html'),
    ),
  );
  const fetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init);
  const api = async (site: (typeof API_SITES)[number]) =>
    connectApi(site, await connectionsItem.getValue(), fetch);

  const tabIntents = tabIntentsItem.getValue().then(
    (saved) =>
      new TabIntents(
        {
          listTabs: () => browser.tabs.query({}),
          openTab: async (url) => (await browser.tabs.create({ url, active: true })).id ?? -1,
          focusTab: async (tabId, windowId) => {
            await browser.tabs.update(tabId, { active: true });
            if (windowId !== undefined) await browser.windows.update(windowId, { focused: true });
          },
          save: (list) => tabIntentsItem.setValue(list),
          now: Date.now,
        },
        saved,
      ),
  );

  const bulk = new BulkRunner({
    db: getDb,
    api,
    getRun: async (site) => (await bulkRunsItem.getValue())[site],
    saveRun: async (site, run) => bulkRunsItem.setValue({ ...(await bulkRunsItem.getValue()), [site]: run }),
    interval: async (site) => pacingMs(site, await pacingItem.getValue()),
    now: Date.now,
    sleep: (ms) => {
      // A long wait (a rate limit) may outlive the worker: an alarm brings it back to resume the run.
      if (ms > 20_000) void browser.alarms.create(WAKE_ALARM, { when: Date.now() + ms });
      return new Promise((resolve) => setTimeout(resolve, ms));
    },
    changed: () => announceChange(),
  });

  const pageDeps: PageDeps = {
    db: getDb,
    api,
    isApiSite,
    bulk,
    tabIntents: () => tabIntents,
    refreshBadge,
    now: Date.now,
    activeTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0],
    mastodonHosts: async () =>
      addedInstances((await browser.permissions.getAll()).origins ?? [], await rosterHosts()),
  };

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own content scripts and pages may talk to us; other extensions cannot.
    if (sender.id !== browser.runtime.id) return undefined;
    if (sender.url?.startsWith(browser.runtime.getURL('/'))) {
      const request = parsePageMessage(message);
      return Promise.resolve(request ? answerPageMessage(pageDeps, request) : refused());
    }
    const sent = parseContentMessage(message);
    if (!sent) return Promise.resolve(refused());
    return answerFromPage(sent, sender);
  });

  // Right after a client-side navigation the tab's address may lag the page by a moment: look again, briefly.
  async function answerFromPage(sent: ContentMessage, sender: Browser.runtime.MessageSender) {
    for (let attempt = 0; ; attempt++) {
      const answer = await fromContentScript(sent, sender, await currentUrls(sender));
      if (answer.ok || answer.error !== REFUSED_PAGE.error || attempt >= ADDRESS_RETRIES) return answer;
      await new Promise((resolve) => setTimeout(resolve, ADDRESS_RETRY_MS));
    }
  }

  async function fromContentScript(
    sent: ContentMessage,
    sender: Browser.runtime.MessageSender,
    senderUrls: string[],
  ): Promise<ContentAnswer> {
    const tabId = sender.tab?.id;
    const intent = 'handle' in sent ? (await tabIntents).intentFor(tabId, sent.site, sent.handle) : null;
    const answer = await answerContentMessage(await getDb(), sent, {
      ownHandles: getOwnHandles,
      actionVia: intent ? 'tab' : 'page',
      senderUrls,
      countUnreadable,
      noteUnknown,
      suggestRename,
      injectReader: (site) => injectReader(site, sender),
    });
    if (!answer.ok) return answer;
    await afterContentMessage(sent, answer, tabId);
    // Only the tab the popup opened for this very profile learns the intent.
    return sent.type === 'lookup' && intent && 'member' in answer && answer.member
      ? { ...answer, intent }
      : answer;
  }

  browser.tabs.onRemoved.addListener((tabId) => void tabIntents.then((intents) => intents.tabClosed(tabId)));
  // A full page load starts without a teammate's profile: clear that tab's badge.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void setTabBadge(tabId, '');
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WAKE_ALARM) void bulk.resume(API_SITES);
    roster.onAlarm(alarm.name);
  });
  void bulk.resume(API_SITES);

  // Content scripts on user-added Mastodon instances follow the granted host permissions.
  const syncMastodon = async () => {
    const { origins = [] } = await browser.permissions.getAll();
    await reconcileMastodonScripts(origins, browser.scripting, await rosterHosts()).catch((error: unknown) =>
      console.error('TeamFollow:', error),
    );
  };
  void syncMastodon();
  browser.permissions.onAdded.addListener(() => void syncMastodon());
  browser.permissions.onRemoved.addListener(() => void syncMastodon());

  // A roster kept at an address (or set by the organisation): refreshed daily through the same import.
  const roster = startRosterSync({ fetch, syncMastodon });

  // "Add to TeamFollow" on links to profiles.
  startContextMenu(async () => ({ mastodonHosts: await pageDeps.mastodonHosts() }));

  // The toolbar badge counts the gaps; any change anywhere (here, the options page, the popup) recounts.
  new BroadcastChannel(CHANGES_CHANNEL).onmessage = () => void refreshBadge();
  void refreshBadge();
});

/** Hosts granted for a subscribed roster: never Mastodon instances. */
async function rosterHosts(): Promise<string[]> {
  return rosterOnlyHosts(await rosterSubscriptionItem.getValue());
}

/**
 * The addresses the browser gives for the sending page: the frame's, and its tab's as of now. Chromium keeps the
 * frame's address of the first load after a client-side navigation (pushState); the tab's follows it.
 */
async function currentUrls(sender: Browser.runtime.MessageSender): Promise<string[]> {
  const tab =
    sender.tab?.id === undefined ? undefined : await browser.tabs.get(sender.tab.id).catch(() => undefined);
  return [sender.url, sender.tab?.url, tab?.url].filter((url): url is string => typeof url === 'string');
}

/** Injects `site`'s page reader (a content script registered for runtime) into the sender's frame. */
async function injectReader(site: SiteId, sender: Browser.runtime.MessageSender): Promise<boolean> {
  if (sender.tab?.id === undefined) return false;
  // The sender's own document where the browser names it (Chromium): a page loaded since then runs its own boot.
  const target = sender.documentId
    ? { tabId: sender.tab.id, documentIds: [sender.documentId] }
    : { tabId: sender.tab.id, frameIds: [sender.frameId ?? 0] };
  return browser.scripting.executeScript({ target, files: [`/content-scripts/${site}.js`] }).then(
    () => true,
    (error: unknown) => {
      console.error('TeamFollow:', error);
      return false;
    },
  );
}

/** Side effects of an answered content message: the tab's badge, and the user's own handle seen on their profile. */
async function afterContentMessage(sent: ContentMessage, answer: ContentAnswer, tabId: number | undefined) {
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
