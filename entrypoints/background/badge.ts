import { browser } from 'wxt/browser';
import { getDb, refreshSnapshot } from '../../utils/db';
import { plural, t } from '../../utils/i18n/index';

// The toolbar badge: the number of gaps everywhere, or `+1` on the tab of a teammate's profile you don't follow.

const BADGE_COLOR = '#2457d6';

/** The toolbar button: `action` in MV3, `browserAction` in Firefox's MV2 build. */
function toolbarButton(): typeof browser.action {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
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
        await toolbarButton()
          .setBadgeText({ text: gaps > 0 ? String(gaps) : '' })
          .catch(() => undefined);
        await toolbarButton()
          .setBadgeBackgroundColor({ color: BADGE_COLOR })
          .catch(() => undefined);
        // The badge's number in words, for the button's tooltip and screen readers.
        await toolbarButton()
          .setTitle({ title: gaps > 0 ? plural('background_badge_gaps', gaps) : t('background_badge_none') })
          .catch(() => undefined);
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
  await toolbarButton()
    .setBadgeText({ tabId, text: text || (null as unknown as string) })
    .catch(() => undefined);
  if (text)
    await toolbarButton()
      .setBadgeBackgroundColor({ tabId, color: BADGE_COLOR })
      .catch(() => undefined);
  // The tab's `+1` in words; null gives the tab the global title again.
  await toolbarButton()
    .setTitle({ tabId, title: text ? t('background_badge_tab') : (null as unknown as string) })
    .catch(() => undefined);
}
