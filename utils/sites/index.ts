import { bluesky, blueskyPage } from './bluesky';
import { facebook, facebookPage } from './facebook';
import { github, githubPage } from './github';
import { instagram, instagramPage } from './instagram';
import { linkedin, linkedinPage } from './linkedin';
import { mastodon, mastodonPage } from './mastodon';
import { reddit, redditPage } from './reddit';
import { threads, threadsPage } from './threads';
import { tiktok, tiktokPage } from './tiktok';
import {
  type FollowState,
  type PageReader,
  type ParseOptions,
  type ProfileReading,
  SITE_IDS,
  type SiteAdapter,
  type SiteId,
} from './types';
import { followingListOn, hostPatterns, toHttpsUrl } from './url';
import { x, xPage } from './x';
import { youtube, youtubePage } from './youtube';

export type {
  FollowState,
  PageReader,
  ParseOptions,
  ProfileReading,
  SiteAdapter,
  SiteId,
  UnknownReason,
} from './types';
export { FOLLOW_STATES, SITE_IDS, UNKNOWN_REASONS } from './types';

/** The registry: every adapter, in display order. Adding a site is one line here. */
export const sites: readonly SiteAdapter[] = [
  x,
  linkedin,
  github,
  bluesky,
  mastodon,
  threads,
  instagram,
  facebook,
  youtube,
  tiktok,
  reddit,
];

const byId = new Map(sites.map((site) => [site.id, site]));

export function isSiteId(value: unknown): value is SiteId {
  return typeof value === 'string' && (SITE_IDS as readonly string[]).includes(value);
}

export function siteById(id: SiteId): SiteAdapter {
  const site = byId.get(id);
  if (!site) throw new Error(`Unknown site: ${id}`);
  return site;
}

// Hosts that belong to a fixed site can never be Mastodon instances (threads.com/@alice is Threads).
const claimedHosts = new Set(sites.filter((site) => site.id !== 'mastodon').flatMap((site) => site.hosts));

function safeOptions(options?: ParseOptions): ParseOptions {
  return { mastodonHosts: (options?.mastodonHosts ?? []).filter((host) => !claimedHosts.has(host)) };
}

/** Which person's profile an absolute https URL shows, or null for anything else. */
export function parseProfileUrl(
  url: string,
  options?: ParseOptions,
): { site: SiteId; handle: string } | null {
  const parsed = toHttpsUrl(url);
  if (!parsed) return null;
  const opts = safeOptions(options);
  for (const site of sites) {
    const handle = site.handleFromUrl(parsed, opts);
    if (handle !== null) return { site: site.id, handle };
  }
  return null;
}

/** Whose following list an absolute https URL shows, or null (not a following list of a supported site). */
export function parseFollowingListUrl(
  url: string,
  options?: ParseOptions,
): { site: SiteId; owner: string } | null {
  const opts = safeOptions(options);
  for (const site of sites) {
    const owner = followingListOn(site, url, opts);
    if (owner !== null) return { site: site.id, owner };
  }
  return null;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// A pasted URL has a scheme and `//`, or a host before its first slash (`x.com/Alice`); `u/alice` and DIDs are text.
const PASTED_URL = /^[a-z][a-z0-9+.-]*:\/\//i;
const HOST_THEN_PATH = /^[^/]*\.[^/]*\//;

/** The canonical handle from what a person types or pastes (`@Alice`, `alice`, a profile URL), or null. */
export function normalizeHandle(site: SiteId, input: string): string | null {
  const adapter = byId.get(site);
  if (!adapter || typeof input !== 'string') return null;
  const text = input.trim();
  if (!text || text.length > 2048) return null;
  if (PASTED_URL.test(text) || HOST_THEN_PATH.test(text)) {
    // Only https, or no scheme at all: any other scheme is refused.
    if (SCHEME.test(text) && !/^https:\/\//i.test(text)) return null;
    const url = toHttpsUrl(SCHEME.test(text) ? text : `https://${text}`);
    if (!url) return null;
    // In a Mastodon field, a profile URL of any instance is that instance's account.
    const options = safeOptions(site === 'mastodon' ? { mastodonHosts: [url.hostname] } : undefined);
    return adapter.handleFromUrl(url, options);
  }
  return adapter.handleFromText(text.startsWith('@') ? text.slice(1) : text);
}

/** The https URL of a profile. Throws for a handle that is not canonical: only validated handles become URLs. */
export function profileUrl(site: SiteId, handle: string): string {
  const adapter = siteById(site);
  if (adapter.handleFromText(handle) !== handle)
    throw new Error(`Not a canonical ${adapter.name} handle: ${handle}`);
  return adapter.profileUrl(handle);
}

// Every site's page reader, for Node scripts and the cross-site suites; a content script imports only its own. Nothing
// the pages (popup, options, team) bundle reaches these, so the readers stay out of their chunks.
const pageReaders: Readonly<Record<SiteId, PageReader>> = {
  x: xPage,
  linkedin: linkedinPage,
  github: githubPage,
  bluesky: blueskyPage,
  mastodon: mastodonPage,
  threads: threadsPage,
  instagram: instagramPage,
  facebook: facebookPage,
  youtube: youtubePage,
  tiktok: tiktokPage,
  reddit: redditPage,
};

/** The page reader of a site. */
export function pageReader(site: SiteId): PageReader {
  return pageReaders[site];
}

/** The follow state the rendered profile page of `handle` shows. */
export function readFollowState(site: SiteId, doc: Document, handle: string): FollowState {
  return readProfile(site, doc, handle).state;
}

/** The follow state with the site's own controls. */
export function readProfile(site: SiteId, doc: Document, handle: string): ProfileReading {
  return pageReader(site).readProfile(doc, handle);
}

/** Match patterns for every fixed host (the manifest's host permissions and content-script matches). */
export function siteHostPatterns(): string[] {
  return [...new Set(sites.flatMap(hostPatterns))];
}
