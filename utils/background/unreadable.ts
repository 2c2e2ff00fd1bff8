import { unreadableItem } from '../settings';
import type { SiteId } from '../sites/index';

// Counts, per site and day, the teammates' profiles TeamFollow found signed in but could not read in a known form:
// a site whose pages stop matching shows up in the popup as a notice, never as silence. Counts only, kept locally.

/** Today's date in the user's time zone, as `YYYY-MM-DD`. */
export function dayOf(at: number): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Adds one unreadable profile on `site` to today's count (yesterday's counts are dropped). */
export async function countUnreadable(site: SiteId, now = Date.now()): Promise<void> {
  const day = dayOf(now);
  const stored = await unreadableItem.getValue();
  const counts = stored.day === day ? stored.counts : {};
  await unreadableItem.setValue({ day, counts: { ...counts, [site]: (counts[site] ?? 0) + 1 } });
}
