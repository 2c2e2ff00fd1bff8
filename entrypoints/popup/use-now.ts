import { useEffect, useState } from 'preact/hooks';

/** The time now, refreshed every minute so that "2 min ago" stays true while the popup is open. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
