import type { SiteAdapter } from './types';

// Large instances known without setup; users add their own in the options (ParseOptions.mastodonHosts).
export const MASTODON_INSTANCES: readonly string[] = [
  'mastodon.social',
  'mastodon.online',
  'mastodon.world',
  'mas.to',
  'mstdn.social',
  'fosstodon.org',
  'hachyderm.io',
  'infosec.exchange',
  'techhub.social',
  'universeodon.com',
  'mastodon.art',
  'mstdn.jp',
  'chaos.social',
  'social.vivaldi.net',
];

// mastodon app/models/account.rb: USERNAME_RE (dots and hyphens inside, for remote accounts), USERNAME_LENGTH_LIMIT 30.
const USERNAME = /^[a-z0-9_]+(?:[.-]+[a-z0-9_]+)*$/i;
const MAX_USERNAME_LENGTH = 30;

// An instance is a DNS hostname with a dot and a TLD that does not start with a digit (so no IP addresses).
const HOSTNAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_HOSTNAME_LENGTH = 253;

// Characters a typed instance name may hold before the URL parser turns it into punycode.
const TYPED_DOMAIN = /^[\p{L}\p{M}\p{Nd}.-]+$/u;

// Profile tabs (mastodon features/ui/index.jsx); /followers, /following and /{statusId} are other pages.
const PROFILE_TABS = new Set(['with_replies', 'media']);
const TAGGED_TAB = 'tagged';

function instanceDomain(text: string): string | null {
  if (!TYPED_DOMAIN.test(text)) return null;
  let domain: string;
  try {
    // Lowercases and punycodes internationalised names, the form they take in URLs.
    domain = new URL(`https://${text}`).hostname;
  } catch {
    return null;
  }
  return domain.length <= MAX_HOSTNAME_LENGTH && HOSTNAME.test(domain) ? domain : null;
}

function account(user: string, domain: string): string | null {
  if (user.length > MAX_USERNAME_LENGTH || !USERNAME.test(user)) return null;
  const instance = instanceDomain(domain);
  return instance === null ? null : `${user.toLowerCase()}@${instance}`;
}

/** The account an `@{acct}` path on `host` shows: `user` is local to the host, `user@domain` is remote. */
function accountFromAcct(acct: string, host: string): string | null {
  const [user = '', domain = host, ...extra] = acct.split('@');
  return extra.length > 0 ? null : account(user, domain);
}

function isProfileTab(rest: string[]): boolean {
  const [tab, tag, ...extra] = rest;
  if (tab === undefined) return true;
  if (tab === TAGGED_TAB) return tag !== undefined && extra.length === 0;
  return PROFILE_TABS.has(tab) && tag === undefined;
}

function decodeSegments(pathname: string): string[] | null {
  try {
    return pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
}

function handleFromText(text: string): string | null {
  const [user, domain, ...extra] = text.split('@');
  // A bare name is ambiguous: the same name is a different person on every instance.
  if (user === undefined || domain === undefined || extra.length > 0) return null;
  return account(user, domain);
}

export const mastodon: SiteAdapter = {
  id: 'mastodon',
  name: 'Mastodon',
  hosts: MASTODON_INSTANCES,
  handleFromUrl(url, options) {
    if (url.protocol !== 'https:') return null;
    const host = url.hostname;
    if (!MASTODON_INSTANCES.includes(host) && !options?.mastodonHosts?.includes(host)) return null;
    const segments = decodeSegments(url.pathname);
    // Before Mastodon 4.0 the web app lived under /web/ (/web/@alice); it now redirects to the same path without it.
    if (segments?.[0] === 'web') segments.shift();
    const [first, ...rest] = segments ?? [];
    if (!first) return null;
    // /users/{name} is the ActivityPub actor; HTML requests redirect to /@{name}.
    if (first === 'users') {
      const [user, ...more] = rest;
      return user !== undefined && more.length === 0 ? account(user, host) : null;
    }
    if (!first.startsWith('@') || !isProfileTab(rest)) return null;
    return accountFromAcct(first.slice(1), host);
  },
  handleFromText,
  profileUrl: (handle) => {
    const [user, instance] = handle.split('@');
    return `https://${instance}/@${user}`;
  },
};
