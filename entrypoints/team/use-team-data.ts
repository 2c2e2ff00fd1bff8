import { useEffect, useState } from 'preact/hooks';
import { CHANGES_CHANNEL } from '../../utils/changes';
import {
  getDb,
  listFollows,
  listMembers,
  readFollowsOf,
  readMembersAndFollows,
  readSnapshot,
  type TeamDb,
} from '../../utils/db';
import { errorText } from '../../utils/errors';
import type { GapReport } from '../../utils/gaps';
import type { FollowRecord, Member } from '../../utils/model';
import {
  cellKeys,
  type FirstScreen,
  firstMembers,
  firstScreen,
  STAGED_FROM,
  summariesFromSnapshot,
} from './first-screen';

/** The roster and every follow record, as last read. */
export interface TeamData {
  members: Member[];
  follows: FollowRecord[];
}

type Opening = { db: TeamDb; members: Member[]; snapshot: GapReport | undefined };

const startOpening = async (): Promise<Opening> => {
  const db = await getDb();
  const [members, snapshot] = await Promise.all([listMembers(db), readSnapshot(db)]);
  return { db, members, snapshot };
};

let preloaded: Promise<Opening> | null = null;

/** Starts the opening read before the first render (main.tsx): the database reads while the page draws. */
export function preloadTeamData(): void {
  preloaded ??= startOpening();
  // The view reports a failure when it takes the result; unhandled meanwhile, it is not a crash.
  preloaded.catch(() => {});
}

// The full read waits for the first screen's paint; a hidden tab (no frames) gets it after this long anyway.
const PAINT_FALLBACK_MS = 100;

const afterPaint = (run: () => void) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, PAINT_FALLBACK_MS);
};

/**
 * The roster and its follow records, kept live: re-read whenever another part of the extension says the data
 * changed. One read at a time; news that arrives meanwhile causes exactly one more read afterwards.
 * A large roster opens in two steps: every teammate, the follow records of the first rows and the snapshot's
 * summary (`first`), then after that paint every follow record (`data`).
 */
export function useTeamData(): { data: TeamData | null; first: FirstScreen | null; error: string } {
  const [data, setData] = useState<TeamData | null>(null);
  const [first, setFirst] = useState<FirstScreen | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let alive = true;
    let loading = false;
    let again = false;

    // The opening read: the first screen when the roster is large and the snapshot agrees with it.
    const open = async (): Promise<TeamData> => {
      const { db, members, snapshot } = await (preloaded ?? startOpening());
      preloaded = null;
      const summaries =
        members.length >= STAGED_FROM && snapshot ? summariesFromSnapshot(members, snapshot) : null;
      if (summaries) {
        const top = firstMembers(members);
        const ff = await readFollowsOf(db, cellKeys(top));
        const screen = firstScreen(members, top, ff, summaries);
        if (!alive) return { members, follows: [] };
        setFirst(screen);
        await new Promise<void>((painted) => afterPaint(painted));
      }
      // A change between the two reads announces itself meanwhile, and `again` reads both once more.
      const follows = await listFollows(db);
      return { members, follows };
    };

    const load = async (opening: boolean) => {
      if (loading) {
        again = true;
        return;
      }
      loading = true;
      try {
        const read = opening ? await open() : await readMembersAndFollows(await getDb());
        if (alive) {
          setData(read);
          setError('');
        }
      } catch (problem) {
        if (alive) setError(errorText(problem));
      } finally {
        loading = false;
        if (again && alive) {
          again = false;
          void load(false);
        }
      }
    };
    void load(true);
    // Older test environments lack BroadcastChannel; the view then shows what it read when it opened.
    const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANGES_CHANNEL);
    if (channel) channel.onmessage = () => void load(false);
    return () => {
      alive = false;
      channel?.close();
    };
  }, []);

  return { data, first, error };
}
