/** Every network TeamFollow knows; the order is the order users see. */
export const SITE_IDS = [
  'x',
  'linkedin',
  'github',
  'bluesky',
  'mastodon',
  'threads',
  'instagram',
  'facebook',
  'youtube',
  'tiktok',
  'reddit',
] as const;

export type SiteId = (typeof SITE_IDS)[number];

/** What a rendered profile page shows about the signed-in user and that profile. */
export type FollowState = 'following' | 'not-following' | 'requested' | 'self' | 'unknown';

export const FOLLOW_STATES: readonly FollowState[] = [
  'following',
  'not-following',
  'requested',
  'self',
  'unknown',
];

export interface ParseOptions {
  /** Mastodon instances the user added in the options, as lowercase hostnames. */
  readonly mastodonHosts?: readonly string[];
}

/** Everything TeamFollow knows about one site. Pure: no browser API, no imports beyond this folder. */
export interface SiteAdapter {
  readonly id: SiteId;
  /** Display name, e.g. "LinkedIn". */
  readonly name: string;
  /** Lowercase hostnames whose profile URLs this adapter reads (www./mobile./m. forms included). */
  readonly hosts: readonly string[];
  /**
   * The canonical handle of the person whose profile this https URL shows, or null.
   * Must return null for URLs of any other host (so every adapter can be asked about every URL).
   */
  handleFromUrl(url: URL, options?: ParseOptions): string | null;
  /** The canonical handle from typed text that is not a URL (a leading `@` already removed), or null. */
  handleFromText(text: string): string | null;
  /** The https URL of the profile of a canonical handle. */
  profileUrl(handle: string): string;
  /** The follow state the rendered profile page of `handle` shows; `unknown` without evidence. */
  readFollowState?(doc: Document, handle: string): FollowState;
}
