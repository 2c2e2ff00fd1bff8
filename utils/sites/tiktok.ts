import {
  type LabelTable,
  labelsAt,
  languageAt,
  nearestFound,
  queryOutside,
  shownText,
  showsUsername,
} from './dom';
import type { FollowState, PageReader, ProfileReading, SiteAdapter } from './types';

// TikTok: profiles are /@{username}; everything else (videos, photos, live rooms, discover) is not (sites.md §10).
const HOSTS = ['www.tiktok.com', 'tiktok.com', 'm.tiktok.com'];

// Letters, digits, underscore, period, not ending with a period (TikTok support); ≤24 (secondary sources).
const USERNAME = /^(?!.*\.$)[A-Za-z0-9._]{1,24}$/;

function handleFromText(text: string): string | null {
  return USERNAME.test(text) ? text.toLowerCase() : null;
}

// Profile header hooks: data-e2e attributes, which do not depend on the locale (sites.md §10). user-title and
// user-subtitle per sky-follower-bridge tikTokProfileService.ts (2025-05-15); a 2026 list swaps which one holds the
// @username, so both are matched. follow-button: public automation code (unattributed, 2026; seen 2026-12-03).
const HEADER_NAME = '[data-e2e="user-title"], [data-e2e="user-subtitle"]';
const FOLLOW_BUTTON = 'button[data-e2e="follow-button"]';
// The followed state as its own hook: several 2025–26 automation scripts (unattributed, seen 2026-12-03) take
// `[data-e2e="unfollow-button"]` as "already following", whatever the page's language.
const UNFOLLOW_BUTTON = '[data-e2e="unfollow-button"]';
// The own profile's "Edit profile" entrance: public automation code (several scripts, seen 2026-12-03).
const EDIT_PROFILE = '[data-e2e="edit-profile-entrance"]';
// Signed out: the top bar's "Log in" button (public automation code, seen 2026-11-25 and 2026-12-03).
const LOGIN_BUTTON = '[data-e2e="top-login-button"], [data-e2e="nav-login-button"]';
// Signed in: the top bar's own avatar (public automation code, seen 2026-12-03).
const PROFILE_ICON = '[data-e2e="profile-icon"]';
// Follower/following popups and dialogs list other people with the same follow-button hook.
const POPUP = '[role="dialog"], [data-e2e="follow-info-popup"]';
// The page's own state: `webapp.app-context.user` is the signed-in account (its `uniqueId` the username), absent
// when signed out (public scrapers reading `__DEFAULT_SCOPE__`, seen 2026-12-03). It is written once at load and not
// updated on client-side navigation, so it only answers who is signed in, never the follow state.
const STATE_JSON = 'script#__UNIVERSAL_DATA_FOR_REHYDRATION__';
// The follow button sits in the header block with the names; a few levels up at most.
const HEADER_LEVELS = 4;

type Label = 'follow' | 'followBack' | 'following' | 'friends';

// The follow button's words per page language; read 2026-12-03. Where a kind has no source it is left empty (and a
// page showing it reads unknown with reason `language`). Sources:
// en: sites.md §10 (Follow / Following; "Friends" for mutual follows, greasyfork_archives js_greasyfork/515789.js);
//     "Follow back": a TikTok Playwright module (unattributed, 2026: FOLLOW_TEXT /^(folgen|follow|zurückfolgen|
//     follow back)$/, FOLLOWING_TEXT /^(gefolgt|following|freunde|friends)$/).
// de: the same module; "Folge ich": a TikTok follow-action extension script (unattributed, 2026: FOLLOW_TEXTS
//     follow, folgen, suivre, seguir, segui, volgen, seguire; FOLLOWING_TEXTS following, folge ich, gefolgt, abonné,
//     siguiendo, seguendo, volgend, friends, freunde, amis).
// fr, es, pt, it, nl: that extension script's lists, sorted by language; "seguendo" and "seguire" read as Italian.
//     No source found for their "Follow back", nor for "Friends" in es, pt, it and nl, nor "Following" in pt.
// ja: media.tiktok-saitan.com/function/tiktok-friends (「友達」 for mutual follows, 「フォロー返し」 when only they
//     follow you, 「フォロー中」) and maiuma.com/tiktok-mutual-follows (「フォロー」).
const LABELS: LabelTable<Label> = {
  en: { follow: ['Follow'], followBack: ['Follow back'], following: ['Following'], friends: ['Friends'] },
  de: {
    follow: ['Folgen'],
    followBack: ['Zurückfolgen'],
    following: ['Gefolgt', 'Folge ich'],
    friends: ['Freunde'],
  },
  fr: { follow: ['Suivre'], followBack: [], following: ['Abonné'], friends: ['Amis'] },
  es: { follow: ['Seguir'], followBack: [], following: ['Siguiendo'], friends: [] },
  pt: { follow: ['Seguir'], followBack: [], following: [], friends: [] },
  it: { follow: ['Segui', 'Seguire'], followBack: [], following: ['Seguendo'], friends: [] },
  nl: { follow: ['Volgen'], followBack: [], following: ['Volgend'], friends: [] },
  ja: { follow: ['フォロー'], followBack: ['フォロー返し'], following: ['フォロー中'], friends: ['友達'] },
};

// TikTok's Chinese UI, beyond the eight languages every adapter reads (sites.md §10: 已关注, 互相关注).
const CHINESE: Readonly<Record<Label, readonly string[]>> = {
  follow: ['关注'],
  followBack: [],
  following: ['已关注'],
  friends: ['互相关注'],
};

const READINGS: Record<Label, { state: FollowState; followsYou: boolean }> = {
  follow: { state: 'not-following', followsYou: false },
  followBack: { state: 'not-following', followsYou: true },
  following: { state: 'following', followsYou: false },
  friends: { state: 'following', followsYou: true },
};

/** The kind of label `text` is in `labels` (case aside), or undefined. */
function labelOf(labels: Readonly<Record<Label, readonly string[]>>, text: string): Label | undefined {
  const wanted = text.toLowerCase();
  return (Object.keys(labels) as Label[]).find((kind) =>
    labels[kind].some((label) => label.toLowerCase() === wanted),
  );
}

/** The signed-in username from the page's state JSON: a string, null when it says signed out, undefined if silent. */
function signedInUser(doc: Document): string | null | undefined {
  const text = doc.querySelector(STATE_JSON)?.textContent;
  if (!text) return undefined;
  try {
    const context = JSON.parse(text)?.__DEFAULT_SCOPE__?.['webapp.app-context'];
    if (!context || typeof context !== 'object') return undefined;
    const uniqueId = context.user?.uniqueId;
    if (typeof uniqueId === 'string') return uniqueId.toLowerCase();
    return context.user ? undefined : null;
  } catch {
    return undefined;
  }
}

/** The elements matching `selector`, outside popups, in the nearest ancestor of `from` (a few levels up) with any. */
function nearest(from: Element, selector: string): HTMLElement[] {
  return nearestFound(from, HEADER_LEVELS, (node) => queryOutside(node, selector, POPUP));
}

function readProfile(doc: Document, handle: string): ProfileReading {
  // The header must name this profile: after a client-side navigation the previous one may still be on screen.
  const name = [...doc.querySelectorAll(HEADER_NAME)].find(
    (el) => !el.closest(POPUP) && showsUsername(el, handle),
  );
  if (!name) return { state: 'unknown', reason: 'loading', anchor: null };
  const unknown = (reason: ProfileReading['reason']): ProfileReading => ({
    state: 'unknown',
    reason,
    anchor: name,
  });
  const user = signedInUser(doc);
  // Signed out, the Follow button only opens the log-in dialog.
  if (doc.querySelector(LOGIN_BUTTON) || (user === null && !doc.querySelector(PROFILE_ICON)))
    return unknown('signed-out');
  const controls = nearest(name, `${FOLLOW_BUTTON}, ${UNFOLLOW_BUTTON}, ${EDIT_PROFILE}`);
  if (user === handle || controls.some((el) => el.matches(EDIT_PROFILE)))
    return { state: 'self', anchor: name };
  if (controls.length !== 1) return unknown('layout');
  const button = controls[0] as HTMLElement;
  if (button.matches(UNFOLLOW_BUTTON)) return { state: 'following', anchor: name };
  const labels = labelsAt(LABELS, button) ?? (languageAt(button) === 'zh' ? CHINESE : null);
  if (!labels) return unknown('language');
  const kind = labelOf(labels, shownText(button));
  if (!kind) {
    // A language whose table still lacks a kind may be showing just that one; a full table means a new layout.
    const complete = Object.values(labels).every((list) => list.length > 0);
    return unknown(complete ? 'layout' : 'language');
  }
  const reading = READINGS[kind];
  return { ...reading, followControl: reading.state === 'not-following' ? button : null, anchor: name };
}

export const tiktok: SiteAdapter = {
  id: 'tiktok',
  name: 'TikTok',
  hosts: HOSTS,
  handleFromUrl(url) {
    // Checked here too, since every adapter is also asked directly about every URL.
    if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return null;
    // TikTok's profile tabs do not change the URL, so anything after /@u (video, photo, live) is another page.
    const [first, ...rest] = url.pathname.split('/').filter(Boolean);
    if (!first?.startsWith('@') || rest.length > 0) return null;
    return handleFromText(first.slice(1));
  },
  handleFromText,
  profileUrl: (handle) => `https://www.tiktok.com/@${handle}`,
};

export const tiktokPage: PageReader = {
  readProfile,
};
