// What TeamFollow knows about each network it checks and follows through a public API: one entry per network.

/** The networks with a public API that TeamFollow can check and follow through. */
export const API_SITES = ['bluesky', 'github', 'mastodon'] as const;

export type ApiSite = (typeof API_SITES)[number];

export function isApiSite(site: string): site is ApiSite {
  return (API_SITES as readonly string[]).includes(site);
}

/** The hosts of the networks' public APIs (host permissions): checking and following, reading rate-limit headers. */
export const API_HOST_PATTERNS = [
  'https://api.github.com/*',
  'https://public.api.bsky.app/*',
  'https://bsky.social/*',
  'https://*.host.bsky.network/*',
];

/** One network's API facts. */
export interface NetworkFacts {
  name: string;
  /** The gap between two follows of a "Follow all" run when the person chose none, in ms. */
  followIntervalMs: number;
  /** The fastest pacing a person may choose, in seconds: the published limit for follows, nothing to spare. */
  minPacingS: number;
  /** The header that says when a rate limit resets, and how it writes the time. */
  reset: { header: string; format: 'epoch-seconds' | 'iso' };
}

const SECOND = 1000;

/**
 * The default pacing (one follow per 10 s, 360 an hour) leaves room for the person's own activity on every network.
 * - bluesky: a follow is a record CREATE worth 3 of 5,000 points an hour and 35,000 a day per account
 *   (bsky-docs advanced-guides/rate-limits.md): at most 1,666 an hour, so 3,600 s / 1,666 ≈ 2.2 s at the fastest;
 *   reset in `ratelimit-reset`, epoch seconds.
 * - github: follows are content-creating requests, at most 80 a minute and 500 an hour (docs.github.com
 *   rest/using-the-rest-api/rate-limits-for-the-rest-api, secondary limits): 3,600 s / 500 = 7.2 s; reset in
 *   `x-ratelimit-reset`, epoch seconds.
 * - mastodon: 300 API requests per 5 minutes per account (docs.joinmastodon.org api/rate-limits), a look-up plus the
 *   follow each: 300 s / 150 = 2 s; 400 follows a day (mastodon app/lib/rate_limiter.rb, family `follows`) answer
 *   429, which stops the run; reset in `x-ratelimit-reset`, ISO 8601.
 */
export const NETWORKS: Readonly<Record<ApiSite, NetworkFacts>> = {
  bluesky: {
    name: 'Bluesky',
    followIntervalMs: 10 * SECOND,
    minPacingS: 2.2,
    reset: { header: 'ratelimit-reset', format: 'epoch-seconds' },
  },
  github: {
    name: 'GitHub',
    followIntervalMs: 10 * SECOND,
    minPacingS: 7.2,
    reset: { header: 'x-ratelimit-reset', format: 'epoch-seconds' },
  },
  mastodon: {
    name: 'Mastodon',
    followIntervalMs: 10 * SECOND,
    minPacingS: 2,
    reset: { header: 'x-ratelimit-reset', format: 'iso' },
  },
};
