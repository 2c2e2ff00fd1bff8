import type { SiteAdapter } from './types';

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
