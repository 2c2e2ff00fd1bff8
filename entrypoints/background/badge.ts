import { browser } from 'wxt/browser';
import { getDb, refreshSnapshot } from '../../utils/db';
import { plural, t } from '../../utils/i18n/index';

// The toolbar badge: the number of gaps everywhere, or `+1` on the tab of a teammate's profile you don't follow.

const BADGE_COLOR = '#2457d6';

/** The toolbar button: `action` in MV3, `browserAction` in Firefox's MV2 build. */
function toolbarButton(): typeof browser.action {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

/** Runs a toolbar call and ignores its failure, thrown or rejected: Chrome throws at once on an argument it refuses. */
function quietly(call: () => Promise<unknown>): Promise<unknown> {
  return Promise.resolve()
    .then(call)
    .catch(() => undefined);
}

let badgeTimer: ReturnType<typeof setTimeout> | undefined;

/** Recounts the gaps for the badge (blank at 0) and keeps the popup's snapshot; coalesced, as bulk runs write often. */
export function refreshBadge(): Promise<void> {
  clearTimeout(badgeTimer);
  return new Promise((resolve) => {
    badgeTimer = setTimeout(async () => {
      try {
        const report = await refreshSnapshot(await getDb());
        const gaps = report.gaps.length;
        await quietly(() => toolbarButton().setBadgeText({ text: gaps > 0 ? String(gaps) : '' }));
        await quietly(() => toolbarButton().setBadgeBackgroundColor({ color: BADGE_COLOR }));
        // The badge's number in words, for the button's tooltip and screen readers.
        const title = gaps > 0 ? plural('background_badge_gaps', gaps) : t('background_badge_none');
        await quietly(() => toolbarButton().setTitle({ title }));
      } catch (error) {
        // The database closed under it (the worker stopping, "delete all data"): the next change recounts.
        console.error('TeamFollow:', error);
      }
      resolve();
    }, 100);
  });
}

/** Sets one tab's own badge text; blank gives the tab the global count of gaps again. */
export async function setTabBadge(tabId: number, text: string): Promise<void> {
  // null (which the types omit) clears the tab's own text, so the tab shows the global count of gaps again.
  await quietly(() => toolbarButton().setBadgeText({ tabId, text: text || (null as unknown as string) }));
  if (text) await quietly(() => toolbarButton().setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }));
  // The tab's `+1` in words; blank gives the tab the global title (Chrome refuses a null title: it throws).
  await quietly(async () =>
    toolbarButton().setTitle({
      tabId,
      title: text ? t('background_badge_tab') : await toolbarButton().getTitle({}),
    }),
  );
}
