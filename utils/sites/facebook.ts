import { type LabelTable, labelsAt, nearestFound, queryOutside, unreadReason } from './dom';
import type { PageReader, ProfileReading, SiteAdapter } from './types';

// Facebook: /{username}, /profile.php?id={id} and /people/{Name}/{id}/ (sites.md §8); web. serves some regions.
const HOSTS = [
  'www.facebook.com',
  'facebook.com',
  'm.facebook.com',
  'mbasic.facebook.com',
  'web.facebook.com',
  'fb.com',
  'www.fb.com',
];

// Only A–Z, 0–9 and "." (Facebook Help Center); the 5-character minimum binds new sign-ups only, 50 is the longest seen.
const USERNAME = /^[A-Za-z0-9.]{1,50}$/;

// A numeric account id; such ids also work as /{id}.
const NUMERIC_ID = /^[0-9]{1,20}$/;

// Pages that sit where a username would (community lists in sites.md §8, plus `me`: whoever is signed in).
// Compared without dots, since Facebook ignores dots in usernames.
const RESERVED = new Set([
  'about',
  'ads',
  'bookmarks',
  'business',
  'checkpoint',
  'developers',
  'dialog',
  'events',
  'friends',
  'fundraisers',
  'gaming',
  'groups',
  'hashtag',
  'help',
  'legal',
  'live',
  'login',
  'marketplace',
  'me',
  'memories',
  'messages',
  'notifications',
  'pages',
  'people',
  'photo',
  'plugins',
  'policies',
  'privacy',
  'recover',
  'reel',
  'reels',
  'saved',
  'search',
  'settings',
  'share',
  'sharer',
  'stories',
  'story',
  'tr',
  'watch',
]);

// A profile's own tabs still show it; friends, followers and following are lists of other people.
const PROFILE_TABS = new Set(['about', 'photos', 'videos', 'reels']);
const LIST_TAB = /^(friends|followers|following)/;

// Dots and case do not distinguish usernames (Help Center: `abc.def5` = `ABCdef5`).
function handleFromText(text: string): string | null {
  // Scripts such as login.php and story.php are never usernames.
  if (!USERNAME.test(text) || text.toLowerCase().endsWith('.php')) return null;
  const handle = text.replaceAll('.', '').toLowerCase();
  if (!handle || RESERVED.has(handle)) return null;
  // All digits is an account id, held to the id rule.
  return /^[0-9]+$/.test(handle) && !NUMERIC_ID.test(handle) ? null : handle;
}

function isProfileTab(tab: string | undefined): boolean {
  // The about tab has sections such as /about_contact_and_basic_info.
  return tab === undefined || PROFILE_TABS.has(tab) || tab.startsWith('about_');
}

// Public facts on Facebook's markup are thin (sites.md §8): atomic classes are brittle, ARIA labels are the hooks,
// and only "Add Friend" is confirmed in public code. Friending is not following, so Add friend is never read. The
// reader answers only for exactly one `[role="button"]` whose aria-label is the page language's "Follow" or
// "Following" next to the profile's name (`h1` in `[role="main"]`), on a page whose main column links to this
// profile's own sub-pages (its tabs and counts: /{username}/about, /friends…, or ?sk= for numeric ids; general
// knowledge). Links to a profile's root (mutual-friend pictures) do not count. Self, pending requests and the rest
// read as unknown.
const MAIN = '[role="main"]';
const NAME = 'h1';
const BUTTON = '[role="button"][aria-label]';
// Signed out, Facebook shows its log-in form (general knowledge): read by form action and field name.
const SIGNED_OUT = 'form[action*="/login"], input[name="pass"]';
const DIALOG = '[role="dialog"]';
// The buttons sit under the name and the counts, in the same header card.
const HEADER_LEVELS = 6;

type Label = 'follow' | 'following';

// The aria-labels of the profile's follow button per page language; read 2026-12-03. A kind without a source is
// left empty, and a page showing it reads unknown with reason `language`. Sources:
// en: matsyui/Facebook-Scripts auto-unfollow.md (div[role="button"][aria-label="Following"], 2025) and sites.md §8.
// de, fr, es, pt, it, nl, ja: no public code or help page found that quotes the profile button's aria-label (help
//     pages describe the menu, not the label), so those pages read unknown with reason `language`.
const LABELS: LabelTable<Label> = {
  en: { follow: ['Follow'], following: ['Following'] },
  de: { follow: [], following: [] },
  fr: { follow: [], following: [] },
  es: { follow: [], following: [] },
  pt: { follow: [], following: [] },
  it: { follow: [], following: [] },
  nl: { follow: [], following: [] },
  ja: { follow: [], following: [] },
};

/** The kind of follow button `el` is by its aria-label in the language of its page, or undefined. */
function labelOf(el: Element): Label | undefined {
  const labels = labelsAt(LABELS, el);
  const label = el.getAttribute('aria-label') ?? '';
  return labels ? (Object.keys(labels) as Label[]).find((kind) => labels[kind].includes(label)) : undefined;
}

/** The profile whose own sub-page a link opens (`/{username}/about`, `profile.php?id=…&sk=about`), or null. */
function linkedSubPage(link: HTMLAnchorElement): string | null {
  const url = URL.parse(link.href);
  if (!url || !HOSTS.includes(url.hostname)) return null;
  const [first, second, third] = url.pathname.split('/').filter(Boolean);
  const id = url.searchParams.get('id') ?? '';
  const tab = url.searchParams.has('sk');
  if (first === 'profile.php') return tab && NUMERIC_ID.test(id) ? id : null;
  if (first === 'people') return tab && third !== undefined && NUMERIC_ID.test(third) ? third : null;
  // Only tab links: a post permalink (/{username}/posts/…) may sit on anyone's page.
  const isTab =
    second !== undefined && (isProfileTab(second.toLowerCase()) || LIST_TAB.test(second.toLowerCase()));
  return first && isTab ? handleFromText(first) : null;
}

/** The Follow/Following buttons nearest to the profile name `name`, outside dialogs. */
function nearestButtons(name: Element): HTMLElement[] {
  return nearestFound(name, HEADER_LEVELS, (node) =>
    queryOutside(node, BUTTON, DIALOG).filter((el) => labelOf(el) !== undefined),
  );
}

function readProfile(doc: Document, handle: string): ProfileReading {
  const main = doc.querySelector(MAIN);
  const links = main ? [...main.querySelectorAll<HTMLAnchorElement>('a[href]')] : [];
  const name = main?.querySelector(NAME);
  // The page must be this profile's: after a client-side navigation the previous one may still be on screen.
  if (!name || !links.some((link) => linkedSubPage(link) === handle))
    return { state: 'unknown', reason: 'loading', anchor: null };
  if (doc.querySelector(SIGNED_OUT)) return { state: 'unknown', reason: 'signed-out', anchor: name };
  const buttons = nearestButtons(name);
  const button = buttons[0];
  if (buttons.length > 1) return { state: 'unknown', reason: 'layout', anchor: name };
  if (!button) return { state: 'unknown', reason: unreadReason(LABELS, name), anchor: name };
  return labelOf(button) === 'follow'
    ? { state: 'not-following', followControl: button, anchor: name }
    : { state: 'following', anchor: name };
}

export const facebook: SiteAdapter = {
  id: 'facebook',
  name: 'Facebook',
  hosts: HOSTS,
  handleFromUrl(url) {
    // Checked here too, since every adapter is also asked directly about every URL.
    if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return null;
    // Older links pick the tab with ?sk=friends and the like.
    if (LIST_TAB.test(url.searchParams.get('sk') ?? '')) return null;
    const [first, second, third, ...rest] = url.pathname.split('/').filter(Boolean);
    if (!first || rest.length > 0) return null;
    if (first === 'profile.php') {
      const id = url.searchParams.get('id') ?? '';
      return second === undefined && NUMERIC_ID.test(id) ? id : null;
    }
    // /people/{Name-Slug}/{id}/: the slug is decoration, the id is the account.
    if (first === 'people') return third !== undefined && NUMERIC_ID.test(third) ? third : null;
    if (third !== undefined) return null;
    return isProfileTab(second?.toLowerCase()) ? handleFromText(first) : null;
  },
  handleFromText,
  profileUrl: (handle) =>
    NUMERIC_ID.test(handle)
      ? `https://www.facebook.com/profile.php?id=${handle}`
      : `https://www.facebook.com/${handle}`,
};

export const facebookPage: PageReader = {
  readProfile,
};
