import type { SiteAdapter } from './types';

// Instagram: a profile is /{username}/ at the root, so reserved first segments must be ruled out (sites.md §7).
const HOSTS = ['www.instagram.com', 'instagram.com', 'm.instagram.com'];

// ≤30 of letters, digits, period, underscore; no leading, trailing or doubled period (sites.md §7).
// Exported because Threads profiles are Instagram accounts and share the rule.
export const INSTAGRAM_USERNAME = /^(?!\.)(?!.*\.\.)(?!.*\.$)[A-Za-z0-9._]{1,30}$/;

// Pages that sit where a username would: the 2019 web bundle's route list plus newer community lists (sites.md §7).
const RESERVED = new Set([
  '403invalidnonce',
  'a',
  'about',
  'accounts',
  'ads',
  'api',
  'challenge',
  'data',
  'developer',
  'direct',
  'directory',
  'donate',
  'download',
  'emails',
  'embed',
  'explore',
  'graphql',
  'help',
  'integrity',
  'invites',
  'legal',
  'login',
  'nametag',
  'oauth',
  'p',
  'press',
  'privacy',
  'push',
  'reel',
  'reels',
  'sem',
  'session',
  'signup',
  'stories',
  'tags',
  'terms',
  'tv',
  'web',
  'your_activity',
]);

// A profile's own tabs still show it (saved is the signed-in user's own); followers/following are lists.
const PROFILE_TABS = new Set(['reels', 'tagged', 'saved']);

function handleFromText(text: string): string | null {
  if (!INSTAGRAM_USERNAME.test(text)) return null;
  const username = text.toLowerCase();
  return RESERVED.has(username) ? null : username;
}

export const instagram: SiteAdapter = {
  id: 'instagram',
  name: 'Instagram',
  hosts: HOSTS,
  handleFromUrl(url) {
    // Checked here too, since every adapter is also asked directly about every URL.
    if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return null;
    const [username, tab, ...rest] = url.pathname.split('/').filter(Boolean);
    if (!username || rest.length > 0) return null;
    if (tab !== undefined && !PROFILE_TABS.has(tab.toLowerCase())) return null;
    return handleFromText(username);
  },
  handleFromText,
  profileUrl: (handle) => `https://www.instagram.com/${handle}/`,
};
