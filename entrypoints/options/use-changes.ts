import { useEffect, useRef } from 'preact/hooks';
import { CHANGES_CHANNEL } from '../../utils/db';

/** Calls `onChange` whenever another part of the extension says the data changed (any message on the channel). */
export function useChanges(onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    // Older test environments lack BroadcastChannel; the page then simply does not refresh by itself.
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(CHANGES_CHANNEL);
    channel.onmessage = () => latest.current();
    return () => channel.close();
  }, []);
}
