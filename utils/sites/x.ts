import { nearestAncestor, queryOutside, showsToken } from './dom';
import type { ProfileReading, SiteAdapter } from './types';

// X (Twitter): profiles live at the root, /{screen_name}. Hosts from control-panel-for-twitter's manifest, plus www.
const HOSTS = ['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'];

// New names are 4–15 of [A-Za-z0-9_]; legacy accounts reach 20 (twitter-text validMentionOrList, control-panel-for-twitter).
const SCREEN_NAME = /^[A-Za-z0-9_]{1,20}$/;

// Root routes that fit the handle rule but are X's own pages (twitter-tweaked-browser-ext NON_ACCOUNT_URLS,
// control-panel-for-twitter, community lists). Not "premium": @premium is X's own account (ex-@TwitterBlue).
const RESERVED = new Set([
  'home',
  'explore',
  'search',
  'notifications',
  'messages',
  'i',
  'follower_requests',
  'settings',
  'compose',
  'hashtag',
  'intent',
  'share',
  'tos',
  'privacy',
  'login',
  'signup',
  'logout',
  'about',
  'jobs',
  'bookmarks',
  'lists',
  'topics',
  'communities',
  'account',
  'flow',
  'security',
  'checkpoint',
  'passcode',
  'download',
  'oauth',
]);

// The profile's own tabs (control-panel-for-twitter URL_PROFILE_RE); follow lists, posts, lists, communities are other pages.
const PROFILE_TABS = new Set([
  'with_replies',
  'affiliates',
  'superfollows',
  'highlights',
  'articles',
  'media',
  'likes',
]);

function handleFromText(text: string): string | null {
  const handle = text.toLowerCase();
  return SCREEN_NAME.test(text) && !RESERVED.has(handle) ? handle : null;
}

// Profile page DOM. data-testid hooks do not depend on the locale.
// Header block with the display name and "@handle" (sky-follower-bridge xProfileService.ts, 2025-05).
const PRIMARY_COLUMN = '[data-testid="primaryColumn"]';
const PROFILE_HEADER = '[data-testid="UserName"]';
// `{userId}-follow` / `-unfollow` / `-cancel` (pending, protected account) buttons, aria-label "Follow @handle"
// (control-panel-for-twitter script.js 0962235, 2026-08-17; third-party automation code, 2026-04).
const FOLLOW_CONTROL = '[data-testid$="-follow"], [data-testid$="-unfollow"], [data-testid$="-cancel"]';
// Own profile: the edit link (control-panel-for-twitter tweakProfilePage, 2026-08-17; testid from third-party code, 2026).
const EDIT_PROFILE = 'a[href="/settings/profile"], [data-testid="editProfileButton"]';
const FOLLOWS_YOU = '[data-testid="userFollowIndicator"]';
// Other people's rows and cards ("Who to follow", "You might like", hover cards, the right sidebar).
const USER_CELL = '[data-testid="UserCell"]';
const OTHER_PEOPLE = `${USER_CELL}, [data-testid="HoverCard"], [data-testid="sidebarColumn"]`;
// Logged out: the sign-up bar and login links (third-party automation code, 2026-04).
const LOGGED_OUT =
  '[data-testid="BottomBar"], [data-testid="loginButton"], a[href="/login"], a[href^="/i/flow/login"]';
// Levels between the UserName block and the header box that also holds the profile's buttons.
const HEADER_DEPTH = 6;
const MENTION = /@([A-Za-z0-9_]{1,20})/g;

function mentions(text: string | null): string[] {
  return [...(text ?? '').matchAll(MENTION)].map((match) => (match[1] as string).toLowerCase());
}

function ownControls(box: Element, selector: string): HTMLElement[] {
  return queryOutside(box, selector, OTHER_PEOPLE);
}

/** The nearest ancestor of the header that holds the profile's own buttons. */
function headerBox(header: Element): Element | null {
  // The box is an ancestor: the UserName block itself does not count.
  return nearestAncestor(
    header,
    HEADER_DEPTH,
    (el) => el !== header && ownControls(el, `${FOLLOW_CONTROL}, ${EDIT_PROFILE}`).length > 0,
  );
}

function readProfile(doc: Document, handle: string): ProfileReading {
  const scope = doc.querySelector(PRIMARY_COLUMN) ?? doc.body;
  // The header must name this handle: after a client-side navigation the previous profile may still be shown.
  const header = [...(scope?.querySelectorAll(PROFILE_HEADER) ?? [])].find(
    (el) => !el.closest(OTHER_PEOPLE) && showsToken(el, `@${handle}`),
  );
  if (!header) return { state: 'unknown', anchor: null };
  const unknown: ProfileReading = { state: 'unknown', anchor: header };
  // Logged out, X still shows a Follow button that only leads to the login.
  if (doc.querySelector(LOGGED_OUT)) return unknown;
  const box = headerBox(header);
  if (!box) return unknown;
  const followsYou = box.querySelector(FOLLOWS_YOU) !== null;
  if (ownControls(box, EDIT_PROFILE).length > 0) return { state: 'self', anchor: header };
  // A label naming another @handle belongs to someone else; "Pending" buttons carry no label.
  const control = ownControls(box, FOLLOW_CONTROL).find((el) => {
    const named = mentions(el.getAttribute('aria-label'));
    return named.length === 0 || named.includes(handle);
  });
  if (!control) return unknown;
  const testId = control.getAttribute('data-testid') ?? '';
  if (testId.endsWith('-unfollow')) return { state: 'following', followsYou, anchor: header };
  if (testId.endsWith('-cancel')) return { state: 'requested', followsYou, anchor: header };
  if (testId.endsWith('-follow'))
    return { state: 'not-following', followsYou, followControl: control, anchor: header };
  return unknown;
}

/** The handle a profile link (`/bob`, `https://x.com/bob`) points to, or null. */
function linkHandle(href: string | null): string | null {
  const url = href ? URL.parse(href, 'https://x.com/') : null;
  return url ? x.handleFromUrl(url) : null;
}

export const x: SiteAdapter = {
  id: 'x',
  name: 'X',
  hosts: HOSTS,
  handleFromUrl(url) {
    if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return null;
    const [name, tab, ...rest] = url.pathname.split('/').filter(Boolean);
    if (!name || rest.length > 0) return null;
    if (tab !== undefined && !PROFILE_TABS.has(tab.toLowerCase())) return null;
    return handleFromText(name);
  },
  handleFromText,
  profileUrl: (handle) => `https://x.com/${handle}`,
  readProfile,
  followingListOwner(url) {
    if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return null;
    const [name, list, ...rest] = url.pathname.split('/').filter(Boolean);
    if (!name || list?.toLowerCase() !== 'following' || rest.length > 0) return null;
    return handleFromText(name);
  },
  readFollowingList(doc) {
    // Only the list itself: the sidebar's "Who to follow" uses the same UserCell rows.
    const scope = doc.querySelector(PRIMARY_COLUMN) ?? doc.body;
    const handles = new Set<string>();
    for (const cell of scope?.querySelectorAll(USER_CELL) ?? []) {
      // The first profile link is the avatar; links in the bio mention other people.
      const links = [...cell.querySelectorAll('a[href]')].map((a) => linkHandle(a.getAttribute('href')));
      const handle = links.find((h) => h !== null);
      if (handle) handles.add(handle);
    }
    return [...handles];
  },
};
