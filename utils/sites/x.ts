import type { SiteAdapter } from './types';

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
};
