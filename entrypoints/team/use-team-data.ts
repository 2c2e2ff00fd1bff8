import { useEffect, useState } from 'preact/hooks';
import { CHANGES_CHANNEL } from '../../utils/changes';
import { getDb, readMembersAndFollows } from '../../utils/db';
import { errorText } from '../../utils/errors';
import type { FollowRecord, Member } from '../../utils/model';

/** The roster and every follow record, as last read. */
export interface TeamData {
  members: Member[];
  follows: FollowRecord[];
}

/**
 * The roster and its follow records, kept live: re-read whenever another part of the extension says the data
 * changed. One read at a time; news that arrives meanwhile causes exactly one more read afterwards.
 */
export function useTeamData(): { data: TeamData | null; error: string } {
  const [data, setData] = useState<TeamData | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let alive = true;
    let loading = false;
    let again = false;
    const load = async () => {
      if (loading) {
        again = true;
        return;
      }
      loading = true;
      try {
        const read = await readMembersAndFollows(await getDb());
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
          void load();
        }
      }
    };
    void load();
    // Older test environments lack BroadcastChannel; the view then shows what it read when it opened.
    const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANGES_CHANNEL);
    if (channel) channel.onmessage = () => void load();
    return () => {
      alive = false;
      channel?.close();
    };
  }, []);

  return { data, error };
}
