import { type ApiSite, NETWORKS } from './networks';

// A person chooses the pacing of their runs, never faster than the network's floor (NETWORKS, minPacingS).

/** The pacing when the person chose none, in seconds. */
export function defaultPacingS(site: ApiSite): number {
  return NETWORKS[site].followIntervalMs / 1000;
}

/** A chosen pacing in seconds, raised to the network's floor; anything not a number gives the default. */
export function clampPacingS(site: ApiSite, seconds: number | undefined): number {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return defaultPacingS(site);
  return Math.max(seconds, NETWORKS[site].minPacingS);
}

/**
 * The effective gap between two follows on `site`, in ms. `stored` is the stored seconds for that site, or the whole
 * stored pacing record (pacingItem's value).
 */
export function pacingMs(
  site: ApiSite,
  stored: number | Partial<Record<ApiSite, number>> | null | undefined,
): number {
  const seconds = typeof stored === 'object' && stored !== null ? stored[site] : stored;
  return Math.round(clampPacingS(site, seconds ?? undefined) * 1000);
}

/** Waits `ms` between two requests of a run, or rejects as soon as `signal` aborts (the user's Stop). */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
