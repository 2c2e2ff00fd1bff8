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

/**
 * Why a profile reads `unknown`, in words the flag can say: still loading, signed out, a page language without a
 * label table, a page whose controls are of no known form, or anything else.
 */
export type UnknownReason = 'loading' | 'signed-out' | 'language' | 'layout' | 'other';

export const UNKNOWN_REASONS: readonly UnknownReason[] = [
  'loading',
  'signed-out',
  'language',
  'layout',
  'other',
];

export interface ParseOptions {
  /** Mastodon instances the user added in the options, as lowercase hostnames. */
  readonly mastodonHosts?: readonly string[];
}

/**
 * Everything TeamFollow knows about one site: its names, hosts and URL and handle rules. Pure: no browser API, no
 * imports beyond this folder. The pages (popup, options, team) use these facts; reading a rendered page is the
 * site's `PageReader`, which only its content script carries.
 */
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
  /** The https URL of the following list of a canonical handle, for sites whose lists TeamFollow reads. */
  followingListUrl?(handle: string): string;
  /** The handle whose following list this URL shows (e.g. x.com/alice/following → alice), or null. */
  followingListOwner?(url: URL, options?: ParseOptions): string | null;
}

/**
 * How TeamFollow reads one site's rendered pages: its selectors, labels and readers. Kept apart from the
 * `SiteAdapter` so that only the site's content script bundles them. Pure: it looks only at the document it is given.
 */
export interface PageReader {
  /**
   * What the rendered profile page of `handle` shows: the state, with the site's own controls.
   * Reads only the profile's own control (never "who to follow" buttons of other people); `unknown` without evidence.
   */
  readProfile(doc: Document, handle: string): ProfileReading;
  /** The profile pages show a stable id (`ProfileReading.stableId`), which recognises a renamed account. */
  readonly readsStableId?: boolean;
  /** The canonical handles visible in a following list page (or dialog) rendered in `doc`. */
  readFollowingList?(doc: Document): string[];
}

/** What a profile page shows, read by an adapter. */
export interface ProfileReading {
  state: FollowState;
  /** While `unknown`: why the page does not tell. */
  reason?: UnknownReason;
  /** Whether the profile follows the signed-in user, where the page says so. */
  followsYou?: boolean;
  /** The site's own control that follows this profile: present while the state is `not-following`. */
  followControl?: HTMLElement | null;
  /** What the control does: a plain follow, or (LinkedIn) a connection invitation. A follow when not said. */
  controlKind?: 'follow' | 'connect';
  /** The element after which the on-page flag goes (next to the profile header), when the page has one. */
  anchor?: Element | null;
  /** The site's stable id of the profile where the page shows it (X's numeric user id), kept with the account. */
  stableId?: string;
  /** The canonical handle of the account this one says it moved to (Mastodon's moved-account banner). */
  movedTo?: string;
}
