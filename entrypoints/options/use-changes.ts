import { useEffect, useRef } from 'preact/hooks';
import { CHANGES_CHANNEL } from '../../utils/changes';

/** Calls `onChange` whenever another part of the extension says the data changed (not this page's own news). */
export function useChanges(onChange: () => void, self = 'options'): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    // Older test environments lack BroadcastChannel; the page then simply does not refresh by itself.
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(CHANGES_CHANNEL);
    channel.onmessage = (event: MessageEvent<{ from?: string }>) => {
      if (event.data?.from !== self) latest.current();
    };
    return () => channel.close();
  }, []);
}
