import type { TeamDb } from '../db';
import { errorText } from '../errors';
import { t } from '../i18n/index';
import type { RosterRefresh, RosterSubscription } from '../settings';
import { importRoster } from './import';
import { fetchRosterText, rosterHost } from './subscription';
import { RosterFileError } from './types';

// One refresh of a subscribed roster: fetched, then through the same import as a chosen file, with the same
// summary of joiners and leavers. Leavers are only listed; removing them is the user's click.

/** How often a subscribed roster is fetched again. */
export const ROSTER_REFRESH_MINUTES = 24 * 60;
/** The name of the background's daily alarm. */
export const ROSTER_ALARM = 'teamfollow-roster-refresh';
// A summary in storage keeps the first problems (the panel shows 100 at first); the counts stay whole.
const PROBLEMS_KEPT = 100;

export interface RefreshDeps {
  db: () => Promise<TeamDb>;
  fetch: typeof globalThis.fetch;
  now: () => number;
}

/** Fetches and imports the roster at `url`; never throws: a failure is a refresh that says why. */
export async function refreshRoster(url: string, deps: RefreshDeps): Promise<RosterRefresh> {
  try {
    const { text, fileName } = await fetchRosterText(url, deps.fetch);
    const summary = await importRoster(await deps.db(), text, fileName);
    return {
      at: deps.now(),
      ok: true,
      fileName,
      summary: { ...summary, problems: summary.problems.slice(0, PROBLEMS_KEPT) },
    };
  } catch (error) {
    const message =
      error instanceof RosterFileError
        ? error.message
        : t('roster_refreshFailed', { error: errorText(error) });
    return { at: deps.now(), ok: false, message };
  }
}

/** Where the subscription is kept (extension storage in the shells). */
export interface SubscriptionStore {
  load(): Promise<RosterSubscription | null>;
  save(subscription: RosterSubscription): Promise<void>;
}

/**
 * Refreshes the stored subscription and keeps how it ended beside it; null when there is none, or when it was
 * changed or removed while the file was on its way (the answer belongs to an address no longer subscribed).
 */
export async function refreshSubscription(
  deps: RefreshDeps & SubscriptionStore,
): Promise<RosterRefresh | null> {
  const subscription = await deps.load();
  if (!subscription) return null;
  const last = await refreshRoster(subscription.url, deps);
  const current = await deps.load();
  if (current?.url !== subscription.url) return null;
  await deps.save({ ...current, last });
  return last;
}

/** Whether the daily refresh is due: never refreshed, or the last one a day ago or more. */
export function refreshDue(subscription: RosterSubscription | null, now: number): boolean {
  if (!subscription) return false;
  return !subscription.last || now - subscription.last.at >= ROSTER_REFRESH_MINUTES * 60_000;
}

/**
 * The hosts granted for a roster rather than for Mastodon: left out of the added instances. A host the user had
 * already added as an instance before subscribing stays an instance.
 */
export function rosterOnlyHosts(subscription: RosterSubscription | null): string[] {
  const host = rosterHost(subscription?.url);
  return host && (subscription?.ownPermission || subscription?.managed) ? [host] : [];
}

/** The subscription with the leavers of its last summary gone (the user removed them). */
export function withoutLeavers(subscription: RosterSubscription): RosterSubscription {
  const { last } = subscription;
  if (!last?.ok) return subscription;
  return { ...subscription, last: { ...last, summary: { ...last.summary, leavers: [] } } };
}
