import { accountKey } from '../model';
import { unknownReasonsItem, unreadableItem } from '../settings';
import type { SiteId, UnknownReason } from '../sites/index';

// Counts, per site and day, the teammates' profiles TeamFollow found signed in but could not read in a known form:
// a site whose pages stop matching shows up in the popup as a notice, never as silence. Counts only, kept locally.
// Also remembers why a teammate's page last could not tell, so the popup can say it.

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

/** Accounts whose last unknown reading is remembered; the oldest go first. */
const MAX_REASONS = 500;

/** Remembers why a teammate's page could not tell, so the popup can say it; a later state makes it moot. */
export async function noteUnknown(site: SiteId, handle: string, reason: UnknownReason, now = Date.now()) {
  const stored = await unknownReasonsItem.getValue();
  const key = accountKey(site, handle);
  const { [key]: _old, ...rest } = stored;
  const kept = Object.entries(rest)
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(0, MAX_REASONS - 1);
  await unknownReasonsItem.setValue({ ...Object.fromEntries(kept), [key]: { reason, at: now } });
}
