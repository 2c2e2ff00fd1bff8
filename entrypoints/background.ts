import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { API_SITES, connectApi, isApiSite } from '../utils/api/connect';
import { BulkRunner, checkThroughApi, followThroughApi } from '../utils/background/bulk';
import { reconcileMastodonScripts } from '../utils/background/mastodon-scripts';
import { TabJobs } from '../utils/background/tab-jobs';
import { announceChange, CHANGES_CHANNEL } from '../utils/changes';
import { getDb, refreshSnapshot } from '../utils/db';
import {
  type ContentAnswer,
  type ContentMessage,
  handleContentMessage,
  type PageAnswer,
  type PageMessage,
  parseContentMessage,
  parsePageMessage,
} from '../utils/messages';
import { pacingMs } from '../utils/pacing';
import {
  addOwnHandle,
  bulkRunsItem,
  connectionsItem,
  getOwnHandles,
  pacingItem,
  tabJobsItem,
} from '../utils/settings';
import { normalizeHandle } from '../utils/sites/index';

// Thin shell: routes messages to the core, and wires tabs, alarms, permissions and the badge.

const WAKE_ALARM = 'teamfollow-bulk-wake';

export default defineBackground(() => {
  const fetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init);
  const api = async (site: (typeof API_SITES)[number]) =>
    connectApi(site, await connectionsItem.getValue(), fetch);

  const tabJobs = tabJobsItem.getValue().then(async (saved) => {
    const jobs = new TabJobs(
      {
        openTab: async (url) => (await browser.tabs.create({ url, active: false })).id ?? -1,
        closeTab: async (tabId) => browser.tabs.remove(tabId),
        save: (list) => tabJobsItem.setValue(list),
        now: Date.now,
        schedule: (fn, ms) => {
          const timer = setTimeout(fn, ms);
          return () => clearTimeout(timer);
        },
      },
      saved,
    );
    await jobs.resume();
    return jobs;
  });

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

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own content scripts and pages may talk to us; other extensions cannot.
    if (sender.id !== browser.runtime.id) return undefined;
    if (sender.url?.startsWith(browser.runtime.getURL('/'))) {
      const request = parsePageMessage(message);
      if (!request) return Promise.resolve({ ok: false, error: 'refused: not a valid TeamFollow request' });
      return handlePageMessage(request);
    }
    return handleFromContentScript(message, sender.tab?.id);
  });

  async function handleFromContentScript(
    message: unknown,
    tabId: number | undefined,
  ): Promise<ContentAnswer> {
    const jobs = await tabJobs;
    const intent = jobs.intentFor(tabId);
    const db = await getDb();
    const answer = await handleContentMessage(db, message, {
      ownHandles: getOwnHandles,
      actionVia: intent ? 'tab' : 'page',
    });
    const sent = parseContentMessage(message);
    if (!answer.ok || !sent) return answer;
    if (sent.type === 'intent-done') await jobs.report(tabId, sent.state, sent.message);
    await afterContentMessage(sent, answer, tabId);
    // Only the tab the background opened for this very profile learns the intent.
    return sent.type === 'lookup' && intent && 'member' in answer && answer.member
      ? { ...answer, intent }
      : answer;
  }

  async function handlePageMessage(request: PageMessage): Promise<PageAnswer> {
    try {
      if (request.type === 'check-all' || request.type === 'follow-all')
        return await bulk.start(request.site, request.type);
      if (request.type === 'data-changed') {
        await refreshBadge();
        return { ok: true };
      }
      if (request.type === 'stop-all') {
        await bulk.stop(request.site);
        return { ok: true };
      }
      if (normalizeHandle(request.site, request.handle) !== request.handle)
        return { ok: false, error: 'Not a valid handle.' };
      const client = isApiSite(request.site) ? await api(request.site) : null;
      const db = await getDb();
      if (client && request.type === 'check') {
        if (!(await checkThroughApi(db, client, request.handle, Date.now))) {
          return { ok: false, error: `${request.handle} was not found.` };
        }
      } else if (client?.canFollow && request.type === 'follow') {
        await followThroughApi(db, client, request.handle, Date.now);
      } else {
        await (await tabJobs).enqueue(request.site, request.handle, request.type);
        return { ok: true };
      }
      announceChange();
      return { ok: true };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  browser.tabs.onRemoved.addListener((tabId) => void tabJobs.then((jobs) => jobs.tabClosed(tabId)));
  // A full page load starts without a teammate's profile: clear that tab's badge.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void setTabBadge(tabId, '');
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WAKE_ALARM) void bulk.resume(API_SITES);
  });
  void bulk.resume(API_SITES);

  // Content scripts on user-added Mastodon instances follow the granted host permissions.
  const syncMastodon = async () => {
    const { origins = [] } = await browser.permissions.getAll();
    await reconcileMastodonScripts(origins, browser.scripting).catch((error: unknown) =>
      console.error('TeamFollow:', error),
    );
  };
  void syncMastodon();
  browser.permissions.onAdded.addListener(() => void syncMastodon());
  browser.permissions.onRemoved.addListener(() => void syncMastodon());

  // The toolbar badge counts the gaps; any change anywhere (here, the options page, the popup) recounts.
  new BroadcastChannel(CHANGES_CHANNEL).onmessage = () => void refreshBadge();
  void refreshBadge();
});

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

/** The toolbar button: `action` in MV3, `browserAction` in Firefox's MV2 build. */
function toolbarButton(): typeof browser.action {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

let badgeTimer: ReturnType<typeof setTimeout> | undefined;

/** Recounts the gaps for the badge (blank at 0) and keeps the popup's snapshot; coalesced, as bulk runs write often. */
function refreshBadge(): Promise<void> {
  clearTimeout(badgeTimer);
  return new Promise((resolve) => {
    badgeTimer = setTimeout(async () => {
      const report = await refreshSnapshot(await getDb());
      const gaps = report.gaps.length;
      await toolbarButton()
        .setBadgeText({ text: gaps > 0 ? String(gaps) : '' })
        .catch(() => undefined);
      await toolbarButton()
        .setBadgeBackgroundColor({ color: '#2457d6' })
        .catch(() => undefined);
      resolve();
    }, 100);
  });
}

async function setTabBadge(tabId: number, text: string): Promise<void> {
  // null (which the types omit) clears the tab's own text, so the tab shows the global count of gaps again.
  await toolbarButton()
    .setBadgeText({ tabId, text: text || (null as unknown as string) })
    .catch(() => undefined);
  if (text)
    await toolbarButton()
      .setBadgeBackgroundColor({ tabId, color: '#2457d6' })
      .catch(() => undefined);
}
