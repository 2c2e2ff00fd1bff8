import { nearestAncestor, queryOutside, showsToken } from './dom';
import type { PageReader, ProfileReading, SiteAdapter, UnknownReason } from './types';

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

// Profile page DOM, 2026. X is read from test ids, hrefs and @handles only: the test ids are the same in every
// language (X's web bundle names them in code, its i18n bundles hold only the words), so X needs no label table and
// reads every language alike. Seen in X's own web client (DzikStar/X-SCRAPER client-web/, snapshot 2025-07-01:
// bundle/UserProfile-539b1066.js and the FollowButton module 23134 in shared~…~bundle.Bir.js), in
// control-panel-for-twitter (insin/control-panel-for-twitter script.js 0962235, 2026-08-17) and in automation
// code observing x.com in 2026 (sky-follower-bridge xProfileService.ts, 2025-05; a Japanese follow-balance report
// of 2026-10-03 listing `{id}-follow` "フォロー @x" and `{id}-unfollow` "フォロー中 @x"). Read 2026-12-03.
const PRIMARY_COLUMN = '[data-testid="primaryColumn"]';
// The header block: display name, the "@handle" line and, when they follow you, the userFollowIndicator badge
// (UserProfile bundle: testID "UserName" around UserNames withScreenName/withFollowsYou).
const PROFILE_HEADER = '[data-testid="UserName"]';
// The follow button (FollowButton module 23134): testID `${userId}-follow` (Follow, and Follow back when they
// follow you), `-unfollow` (Following), `-cancel` (Pending: a request to a protected account), `-unblock`
// (Blocked: you block them). aria-label `${followType} @${screen_name}` ("Follow back @alice", "Folgen @alice",
// "フォロー中 @alice"); the Pending and Blocked buttons carry no aria-label.
const FOLLOW_CONTROL = '[data-testid$="-follow"], [data-testid$="-unfollow"], [data-testid$="-cancel"]';
const UNBLOCK_CONTROL = '[data-testid$="-unblock"]';
// The numeric user id (rest_id) that starts the button's test id.
const CONTROL_TEST_ID = /^(\d+)-(follow|unfollow|cancel)$/;
// Own profile: the Edit profile link, /settings/profile or /i/flow/setup_profile for a profile not set up yet
// (UserProfile bundle: testID "editProfileButton"; control-panel-for-twitter tweakProfilePage, 2026-08-17).
const EDIT_PROFILE =
  '[data-testid="editProfileButton"], a[href="/settings/profile"], a[href="/i/flow/setup_profile"]';
// The signed-in user's own profile link in the side navigation (control-panel-for-twitter Selectors, 2026-08-17).
const OWN_PROFILE_LINK = 'a[data-testid="AppTabBar_Profile_Link"]';
const FOLLOWS_YOU = '[data-testid="userFollowIndicator"]';
// Other people's rows and cards ("Who to follow", "You might like", hover cards, the right sidebar).
const USER_CELL = '[data-testid="UserCell"]';
const OTHER_PEOPLE = `${USER_CELL}, [data-testid="HoverCard"], [data-testid="sidebarColumn"]`;
// Signed out, by test id and href: the sign-up bar and its Log in / Sign up links, login links anywhere
// (X web client 2025-07 loggedOut bundles; third-party automation code, 2026-04).
const SIGNED_OUT = [
  '[data-testid="BottomBar"]',
  '[data-testid="loginButton"]',
  '[data-testid="signupButton"]',
  'a[href="/login"]',
  'a[href^="/i/flow/login"]',
  'a[href^="/i/flow/signup"]',
].join(', ');
// An account that does not exist, is suspended, or blocks you: the header without a follow button and an
// emptyState message (third-party automation code, 2026-04-03).
const EMPTY_STATE = '[data-testid="emptyState"]';
const PROGRESS = '[role="progressbar"]';
// Levels between the UserName block and the header box that also holds the profile's buttons.
const HEADER_DEPTH = 6;

/** The @handles an aria-label names, as whole words ("Follow back @alice_dev" → alice_dev), lowercase. */
function labelHandles(label: string | null): string[] {
  return (label ?? '')
    .split(/\s+/)
    .filter((word) => /^@[A-Za-z0-9_]{1,20}$/.test(word))
    .map((word) => word.slice(1).toLowerCase());
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
    (el) =>
      el !== header && ownControls(el, `${FOLLOW_CONTROL}, ${UNBLOCK_CONTROL}, ${EDIT_PROFILE}`).length > 0,
  );
}

/** Why a profile whose header is on the page shows no follow button. */
function missingControlReason(doc: Document, scope: Element): UnknownReason {
  if (scope.querySelector(PROGRESS)) return 'loading';
  if (scope.querySelector(EMPTY_STATE)) return 'other';
  return doc.querySelector(OWN_PROFILE_LINK) ? 'layout' : 'loading';
}

function readProfile(doc: Document, handle: string): ProfileReading {
  const scope = doc.querySelector(PRIMARY_COLUMN) ?? doc.body;
  const signedOut = doc.querySelector(SIGNED_OUT) !== null;
  // The header must name this handle: after a client-side navigation the previous profile may still be shown.
  const header = [...(scope?.querySelectorAll(PROFILE_HEADER) ?? [])].find(
    (el) => !el.closest(OTHER_PEOPLE) && showsToken(el, `@${handle}`),
  );
  if (!scope || !header)
    return { state: 'unknown', reason: signedOut ? 'signed-out' : 'loading', anchor: null };
  const unknown = (reason: UnknownReason): ProfileReading => ({ state: 'unknown', reason, anchor: header });
  // Signed out, X still shows a Follow button that only leads to the login.
  if (signedOut) return unknown('signed-out');
  const box = headerBox(header);
  if (!box) {
    // No buttons yet, but the navigation's profile link says whose profile this is.
    const own = doc.querySelector(OWN_PROFILE_LINK)?.getAttribute('href')?.toLowerCase();
    return own === `/${handle}`
      ? { state: 'self', anchor: header }
      : unknown(missingControlReason(doc, scope));
  }
  if (ownControls(box, EDIT_PROFILE).length > 0) return { state: 'self', anchor: header };
  const followsYou = ownControls(box, FOLLOWS_YOU).length > 0;
  // A label naming another @handle belongs to someone else; Pending and Blocked buttons carry no label.
  const own = (el: Element) => {
    const named = labelHandles(el.getAttribute('aria-label'));
    return named.length === 0 || named.includes(handle);
  };
  const control = ownControls(box, FOLLOW_CONTROL).find(own);
  if (!control) {
    // You block them: nothing to follow until you unblock, and the page does not say whether you follow.
    if (ownControls(box, UNBLOCK_CONTROL).some(own)) return unknown('other');
    return unknown('layout');
  }
  const match = CONTROL_TEST_ID.exec(control.getAttribute('data-testid') ?? '');
  if (!match) return unknown('layout');
  const [, stableId, kind] = match;
  const known = { followsYou, anchor: header, stableId };
  if (kind === 'unfollow') return { state: 'following', ...known };
  if (kind === 'cancel') return { state: 'requested', ...known };
  return { state: 'not-following', followControl: control, ...known };
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
  followingListUrl: (handle) => `https://x.com/${handle}/following`,
  followingListOwner(url) {
    if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return null;
    const [name, list, ...rest] = url.pathname.split('/').filter(Boolean);
    if (!name || list?.toLowerCase() !== 'following' || rest.length > 0) return null;
    return handleFromText(name);
  },
};

export const xPage: PageReader = {
  readProfile,
  readsStableId: true,
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
