import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiSite } from '../../utils/api/networks';
import { dayOf } from '../../utils/background/unreadable';
import { CHANGES_CHANNEL } from '../../utils/changes';
import { getDb, readGapReport, readSnapshot } from '../../utils/db';
import { errorText } from '../../utils/errors';
import type { GapReport } from '../../utils/gaps';
import {
  type BulkRun,
  bulkRunsItem,
  type Connections,
  connectionsItem,
  ownHandlesItem,
  pacingItem,
  popupGroupingItem,
  unknownReasonsItem,
  unreadableItem,
} from '../../utils/settings';
import type { SiteId } from '../../utils/sites/index';
import type { UnknownNote } from './popup-words';
import type { Grouping } from './windowing';

export interface PopupData {
  report: GapReport;
  /** Today's count of teammates' profiles per site that could not be read in a known form. */
  unreadable: Partial<Record<SiteId, number>>;
  /** Per `site:handle`, why its page last could not tell. */
  unknownReasons: Record<string, UnknownNote>;
  /** The user's own handles per site (for the links to their own following lists). */
  ownHandles: Partial<Record<SiteId, string[]>>;
  runs: Partial<Record<ApiSite, BulkRun>>;
  connections: Connections;
  pacing: Partial<Record<ApiSite, number>>;
  grouping: Grouping;
}

const CATCH_UP_MS = 250;

const readReport = async (): Promise<GapReport> => readGapReport(await getDb());

/** Today's counts only: yesterday's notice is gone. */
const today = (stored: { day: string; counts: Partial<Record<SiteId, number>> } | null) =>
  stored && stored.day === dayOf(Date.now()) ? stored.counts : {};

/**
 * Everything the popup shows, kept live: the database is re-read when the background announces a change
 * (or a bulk run moves on), and the storage items are watched.
 */
export function usePopupData(): {
  data: PopupData | null;
  error: string;
  setGrouping: (g: Grouping) => void;
} {
  const [data, setData] = useState<PopupData | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let alive = true;
    let loading: Promise<void> | null = null;
    let again = false;
    const patch = (part: Partial<PopupData>) =>
      setData((current) => (current ? { ...current, ...part } : current));

    // One read at a time; changes that arrive meanwhile cause exactly one more read afterwards.
    const run = (task: () => Promise<void>) => {
      loading = task()
        .catch((e: unknown) => {
          if (alive) setError(errorText(e));
        })
        .finally(() => {
          loading = null;
          if (again && alive) {
            again = false;
            // Catch-up reads are spaced out, so a busy bulk run cannot keep the popup re-reading.
            setTimeout(reload, CATCH_UP_MS);
          }
        });
    };
    const reload = () => {
      if (!alive) return;
      if (loading) again = true;
      else
        run(async () => {
          const report = await readReport();
          if (alive) patch({ report });
        });
    };

    run(async () => {
      // Draw first from the snapshot the background keeps (one record), then from the data itself.
      const [snapshot, unreadable, unknownReasons, ownHandles, runs, connections, pacing, grouping] =
        await Promise.all([
          getDb().then(readSnapshot),
          unreadableItem.getValue(),
          unknownReasonsItem.getValue(),
          ownHandlesItem.getValue(),
          bulkRunsItem.getValue(),
          connectionsItem.getValue(),
          pacingItem.getValue(),
          popupGroupingItem.getValue(),
        ]);
      const first = {
        unreadable: today(unreadable),
        unknownReasons,
        ownHandles,
        runs,
        connections,
        pacing,
        grouping,
      };
      if (alive && snapshot) setData({ report: snapshot, ...first });
      const report = await readReport();
      if (alive) setData((current) => ({ ...first, ...current, report }));
    });

    // Older test environments lack BroadcastChannel; the popup then refreshes only from storage changes.
    const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANGES_CHANNEL);
    if (channel) channel.onmessage = reload;

    const unwatch = [
      unreadableItem.watch((unreadable) => patch({ unreadable: today(unreadable) })),
      unknownReasonsItem.watch((unknownReasons) => patch({ unknownReasons: unknownReasons ?? {} })),
      ownHandlesItem.watch((ownHandles) => patch({ ownHandles: ownHandles ?? {} })),
      bulkRunsItem.watch((runs) => {
        patch({ runs: runs ?? {} });
        reload();
      }),
      connectionsItem.watch((connections) => patch({ connections: connections ?? {} })),
      pacingItem.watch((pacing) => patch({ pacing: pacing ?? {} })),
      popupGroupingItem.watch((grouping) => patch({ grouping: grouping ?? 'teammate' })),
    ];
    return () => {
      alive = false;
      channel?.close();
      for (const stop of unwatch) stop();
    };
  }, []);

  const setGrouping = useCallback((grouping: Grouping) => {
    setData((current) => (current ? { ...current, grouping } : current));
    void popupGroupingItem.setValue(grouping);
  }, []);

  return { data, error, setGrouping };
}
