import { collapseSpaces } from './dom';
import type { ProfileReading, SiteAdapter } from './types';

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

// Account header (mastodon account_header.tsx @fefc745, account_name.tsx, buttons.tsx @1739fbf, info.tsx @12557f2,
// components/follow_button.tsx, 2025–26). The acct shows as "@user" plus a visually hidden "@domain" (classic), or
// "user@domain" in a paragraph after the name (redesign).
const ACCOUNT_HEADER = '.account__header';
const ACCOUNT_NAME = '.account__header__tabs__name';
const ACCT = `${ACCOUNT_NAME} h1 small > span, ${ACCOUNT_NAME} h1 + p`;
const FOLLOW_BUTTON = '.account__header__follow-button, .account__header__buttons .button';
const EDIT_PROFILE = 'a[href$="/settings/profile"], a[href$="/profile/edit"]';
const RELATIONSHIP_TAG = '.account__header__info .relationship-tag';
// Initial state JSON: meta.me is the signed-in account id, absent when logged out (initial_state.js).
const INITIAL_STATE = 'script#initial-state';
const SIGN_IN_BANNER = '.sign-in-banner';
// Lists of accounts (following, followers): one .account row each, its name linking to /@acct.
const LIST_ACCOUNT_LINK = '.account a.account__display-name[href]';
// The follow button says its state only in words (English here; other locales read as unknown).
const NOT_FOLLOWING_LABELS = new Set(['follow', 'follow back', 'request to follow', 'request']);
const FOLLOWING_LABELS = new Set(['unfollow', 'mutual', 'following']);
const REQUESTED_LABELS = new Set(['cancel request', 'cancel', 'withdraw follow request', 'withdraw request']);
const FOLLOWS_YOU_LABELS = new Set(['follows you', 'you follow each other', 'follow back', 'mutual']);

function words(el: Element | null | undefined): string {
  return collapseSpaces(el?.textContent ?? '').toLowerCase();
}

/** The account an acct as shown ("@alice", "@bob@fosstodon.org", "alice@mastodon.social") is on `host`. */
function shownAccount(text: string, host: string): string | null {
  const acct = text.trim().replace(/^@/, '').split(/\s/)[0] ?? '';
  return accountFromAcct(acct, host);
}

interface InitialState {
  meta?: { me?: string; domain?: string };
  accounts?: Record<string, { acct?: string }>;
}

function initialState(doc: Document): InitialState | null {
  const script = doc.querySelector(INITIAL_STATE);
  if (!script) return null;
  try {
    return JSON.parse(script.textContent ?? '') as InitialState;
  } catch {
    return null;
  }
}

/** The signed-in account: its handle, '' when logged out, null when the page does not say. */
function signedIn(doc: Document, host: string): string | null {
  const state = initialState(doc);
  if (!state) return doc.querySelector(SIGN_IN_BANNER) ? '' : null;
  const me = state.meta?.me;
  if (!me) return '';
  const acct = state.accounts?.[me]?.acct;
  return acct ? (accountFromAcct(acct, state.meta?.domain ?? host) ?? null) : null;
}

function readProfile(doc: Document, handle: string): ProfileReading {
  const host = new URL(doc.URL).hostname;
  const header = [...doc.querySelectorAll(ACCOUNT_HEADER)].find((el) => {
    const acct = el.querySelector(ACCT);
    return acct !== null && shownAccount(acct.textContent ?? '', host) === handle;
  });
  if (!header) return { state: 'unknown', anchor: null };
  const anchor = header.querySelector(ACCOUNT_NAME) ?? header;
  const me = signedIn(doc, host);
  if (me === '') return { state: 'unknown', anchor };
  if (me === handle || header.querySelector(EDIT_PROFILE)) return { state: 'self', anchor };
  const button = header.querySelector<HTMLElement>(FOLLOW_BUTTON);
  const label = words(button);
  const tags = [...header.querySelectorAll(RELATIONSHIP_TAG)].map(words);
  const followsYou = [label, ...tags].some((text) => FOLLOWS_YOU_LABELS.has(text));
  if (FOLLOWING_LABELS.has(label)) return { state: 'following', followsYou, anchor };
  if (REQUESTED_LABELS.has(label)) return { state: 'requested', followsYou, anchor };
  if (button && NOT_FOLLOWING_LABELS.has(label))
    return { state: 'not-following', followsYou, followControl: button, anchor };
  return { state: 'unknown', anchor };
}

/** The account a path such as `/@bob@fosstodon.org` names, read on `host`. */
function accountFromPath(path: string, base: string): string | null {
  const url = URL.parse(path, base);
  if (!url) return null;
  const [first, ...rest] = decodeSegments(url.pathname) ?? [];
  if (!first?.startsWith('@') || rest.length > 0) return null;
  return accountFromAcct(first.slice(1), url.hostname);
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
  readProfile,
  followingListOwner(url) {
    // Only known instances: followingListOwner gets no ParseOptions, so added instances are not recognised here.
    if (url.protocol !== 'https:' || !MASTODON_INSTANCES.includes(url.hostname)) return null;
    const segments = decodeSegments(url.pathname) ?? [];
    if (segments[0] === 'web') segments.shift();
    const [first, user, list, ...rest] = segments;
    if (first === 'users' && user && list === 'following' && rest.length === 0)
      return account(user, url.hostname);
    if (!first?.startsWith('@') || user !== 'following' || list !== undefined) return null;
    return accountFromAcct(first.slice(1), url.hostname);
  },
  readFollowingList(doc) {
    const handles = new Set<string>();
    for (const link of doc.querySelectorAll(LIST_ACCOUNT_LINK)) {
      const handle = accountFromPath(link.getAttribute('href') ?? '', doc.URL);
      if (handle) handles.add(handle);
    }
    return [...handles];
  },
};
