import { browser } from 'wxt/browser';
import { announceChange } from '../../utils/changes';
import { getDb } from '../../utils/db';
import { applyManagedRoster, readManagedRoster } from '../../utils/roster/subscription-managed';
import {
  ROSTER_ALARM,
  ROSTER_REFRESH_MINUTES,
  refreshDue,
  refreshSubscription,
} from '../../utils/roster/subscription-refresh';
import { managedRosterImportItem, rosterSubscriptionItem } from '../../utils/settings';
import { refreshBadge } from './badge';

// The roster kept at an https address, and what the organisation set in managed storage: wired to alarms,
// storage changes and start-up. The fetching and importing are in utils/roster/subscription*.

interface RosterSyncDeps {
  fetch: typeof globalThis.fetch;
  /** Re-registers the Mastodon content scripts: the roster's host stops or starts being an instance. */
  syncMastodon(): Promise<void>;
}

/** Starts the roster's daily refresh and managed settings; `onAlarm` takes the background's alarms. */
export function startRosterSync({ fetch, syncMastodon }: RosterSyncDeps): { onAlarm(name: string): void } {
  // A roster kept at an address: refreshed daily (and at start-up when a day has passed), through the same import.
  const refreshRosterNow = async () => {
    const last = await refreshSubscription({
      db: getDb,
      fetch,
      now: Date.now,
      load: () => rosterSubscriptionItem.getValue(),
      save: (value) => rosterSubscriptionItem.setValue(value),
    });
    if (last?.ok) {
      announceChange();
      void refreshBadge();
    }
  };
  const scheduleRoster = async (atStartUp: boolean) => {
    const subscription = await rosterSubscriptionItem.getValue();
    if (!subscription) {
      await browser.alarms.clear(ROSTER_ALARM);
      return;
    }
    // Created once: a worker that wakes often must not push the daily alarm back each time.
    if (!(await browser.alarms.get(ROSTER_ALARM)))
      await browser.alarms.create(ROSTER_ALARM, { periodInMinutes: ROSTER_REFRESH_MINUTES });
    // The options page reads a new subscription itself; at start-up, a day may have passed with the browser closed.
    if (atStartUp && refreshDue(subscription, Date.now())) await refreshRosterNow();
  };
  rosterSubscriptionItem.watch((now, before) => {
    // The roster host stops or starts being a Mastodon instance.
    void syncMastodon();
    if (now?.url !== before?.url) void scheduleRoster(false);
  });
  // What the organisation set (managed storage; absent outside managed browsers and in Firefox without a policy).
  const applyManaged = async () => {
    const policy = readManagedRoster(await browser.storage.managed.get().catch(() => ({})));
    await applyManagedRoster(policy, {
      db: getDb,
      now: Date.now,
      load: () => rosterSubscriptionItem.getValue(),
      save: (value) => rosterSubscriptionItem.setValue(value),
      clear: () => rosterSubscriptionItem.setValue(null),
      lastImport: () => managedRosterImportItem.getValue(),
      saveImport: (value) => managedRosterImportItem.setValue(value),
    }).then(
      () => announceChange(),
      (error: unknown) => console.error('TeamFollow:', error),
    );
  };
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void applyManaged();
  });
  void applyManaged().finally(() => scheduleRoster(true));
  return {
    onAlarm(name) {
      if (name === ROSTER_ALARM) void refreshRosterNow();
    },
  };
}
