import { type ApiSite, FOLLOW_INTERVAL_MS } from './api/http';

/**
 * The fastest pacing a person may choose, in seconds between two follows of a "Follow all" run: each network's
 * published limit for follows, with nothing to spare (the default, FOLLOW_INTERVAL_MS, leaves room for the person's
 * own activity).
 * - bluesky: a follow is a record CREATE worth 3 of 5,000 points an hour per account, so at most 1,666 an hour
 *   (bsky-docs advanced-guides/rate-limits.md): 3,600 s / 1,666 ≈ 2.2 s.
 * - github: follows are content-creating requests, at most 500 an hour (docs.github.com
 *   rest/using-the-rest-api/rate-limits-for-the-rest-api, secondary limits): 3,600 s / 500 = 7.2 s.
 * - mastodon: 300 API requests per 5 minutes per account (docs.joinmastodon.org api/rate-limits), and a follow
 *   takes a look-up plus the follow itself: 2 requests a follow, 300 s / 150 = 2 s. (The instance's 400 follows a day
 *   answers 429, which stops the run.)
 */
export const MIN_PACING_S: Record<ApiSite, number> = { bluesky: 2.2, github: 7.2, mastodon: 2 };

/** The pacing when the person chose none, in seconds. */
export function defaultPacingS(site: ApiSite): number {
  return FOLLOW_INTERVAL_MS[site] / 1000;
}

/** A chosen pacing in seconds, raised to the network's floor; anything not a number gives the default. */
export function clampPacingS(site: ApiSite, seconds: number | undefined): number {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return defaultPacingS(site);
  return Math.max(seconds, MIN_PACING_S[site]);
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
