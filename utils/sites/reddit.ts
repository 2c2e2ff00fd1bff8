import type { PageReader, ProfileReading, SiteAdapter } from './types';

// Reddit: people live under /user/{name} (short form /u/{name}); following = subscribing to the profile.
const HOSTS = [
  'www.reddit.com',
  'reddit.com',
  'old.reddit.com',
  'new.reddit.com',
  'np.reddit.com',
  'm.reddit.com',
];

// reddit-archive/reddit user_rx is [\w-]{3,20}; accounts made before 2016-10 may be shorter.
const USERNAME = /^[A-Za-z0-9_-]{1,20}$/;

// A profile's own tabs still show the profile (the last four only on your own); a post or a list does not.
const PROFILE_TABS = new Set([
  'overview',
  'submitted',
  'comments',
  'posts',
  'gilded',
  'about',
  'saved',
  'upvoted',
  'downvoted',
  'hidden',
]);

// People write Reddit names as u/name (Reddit's own notation) as often as bare.
const TYPED_PREFIX = /^\/?u(?:ser)?\//i;

function handleFromText(text: string): string | null {
  const name = text.replace(TYPED_PREFIX, '').replace(/\/$/, '');
  return USERNAME.test(name) ? name.toLowerCase() : null;
}

// No public source documents a stable hook for the Follow button of a Reddit profile (sites.md §11, checked
// 2026-11-25): the one known selector was a hashed class of the 2021 redesign, and neither shreddit's profile markup
// nor old.reddit's is described anywhere public. The follow state lives in the profile's `subscribed` flag behind
// OAuth. So the page never counts as evidence: always unknown (reason `other`: Reddit is not read), and the flag
// floats.
function readProfile(): ProfileReading {
  return { state: 'unknown', reason: 'other', anchor: null };
}

export const reddit: SiteAdapter = {
  id: 'reddit',
  name: 'Reddit',
  hosts: HOSTS,
  handleFromUrl(url) {
    // Checked here too, since every adapter is also asked directly about every URL.
    if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return null;
    const [section, name, tab, ...rest] = url.pathname.split('/').filter(Boolean);
    if ((section !== 'user' && section !== 'u') || !name || rest.length > 0) return null;
    if (tab !== undefined && !PROFILE_TABS.has(tab.toLowerCase())) return null;
    // A valid name never needs percent-encoding, and decoding a malformed escape would throw.
    return handleFromText(name);
  },
  handleFromText,
  profileUrl: (handle) => `https://www.reddit.com/user/${handle}/`,
};

export const redditPage: PageReader = {
  readProfile,
};
