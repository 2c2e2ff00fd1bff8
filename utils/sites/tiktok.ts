import { nearestFound, queryOutside, shownText, showsUsername } from './dom';
import type { FollowState, ProfileReading, SiteAdapter } from './types';

// TikTok: profiles are /@{username}; everything else (videos, photos, live rooms, discover) is not (sites.md §10).
const HOSTS = ['www.tiktok.com', 'tiktok.com', 'm.tiktok.com'];

// Letters, digits, underscore, period, not ending with a period (TikTok support); ≤24 (secondary sources).
const USERNAME = /^(?!.*\.$)[A-Za-z0-9._]{1,24}$/;

function handleFromText(text: string): string | null {
  return USERNAME.test(text) ? text.toLowerCase() : null;
}

// Profile header hooks: data-e2e attributes, which do not depend on the locale (sites.md §10). user-title and
// user-subtitle per sky-follower-bridge tikTokProfileService.ts (2025-05-15); a 2026 list swaps which one holds the
// @username, so both are matched. follow-button: public automation code (unattributed, 2026).
const HEADER_NAME = '[data-e2e="user-title"], [data-e2e="user-subtitle"]';
const FOLLOW_BUTTON = 'button[data-e2e="follow-button"]';
// The own profile's "Edit profile" entrance: public automation code (several scripts, checked 2026-11-25).
const EDIT_PROFILE = '[data-e2e="edit-profile-entrance"]';
// Signed out: the top bar's "Log in" button (public automation code, checked 2026-11-25).
const LOGIN_BUTTON = '[data-e2e="top-login-button"], [data-e2e="nav-login-button"]';
// Follower/following popups and dialogs list other people with the same follow-button hook.
const POPUP = '[role="dialog"], [data-e2e="follow-info-popup"]';
// The follow button sits in the header block with the names; a few levels up at most.
const HEADER_LEVELS = 4;

// Button text per state: Follow / Following / Friends (mutual), and the Chinese UI (sites.md §10); "Follow back"
// when only they follow you (general knowledge). Any other text (another locale) is no evidence.
const BUTTON_TEXT = new Map<string, { state: FollowState; followsYou: boolean }>([
  ['follow', { state: 'not-following', followsYou: false }],
  ['follow back', { state: 'not-following', followsYou: true }],
  ['following', { state: 'following', followsYou: false }],
  ['friends', { state: 'following', followsYou: true }],
  ['关注', { state: 'not-following', followsYou: false }],
  ['已关注', { state: 'following', followsYou: false }],
  ['互相关注', { state: 'following', followsYou: true }],
]);

/** The elements matching `selector`, outside popups, in the nearest ancestor of `from` (a few levels up) with any. */
function nearest(from: Element, selector: string): HTMLElement[] {
  return nearestFound(from, HEADER_LEVELS, (node) => queryOutside(node, selector, POPUP));
}

function readProfile(doc: Document, handle: string): ProfileReading {
  // The header must name this profile: after a client-side navigation the previous one may still be on screen.
  const name = [...doc.querySelectorAll(HEADER_NAME)].find(
    (el) => !el.closest(POPUP) && showsUsername(el, handle),
  );
  if (!name) return { state: 'unknown', anchor: null };
  const unknown: ProfileReading = { state: 'unknown', anchor: name };
  // Signed out, the Follow button only opens the log-in dialog.
  if (doc.querySelector(LOGIN_BUTTON)) return unknown;
  const controls = nearest(name, `${FOLLOW_BUTTON}, ${EDIT_PROFILE}`);
  if (controls.some((el) => el.matches(EDIT_PROFILE))) return { state: 'self', anchor: name };
  if (controls.length !== 1) return unknown;
  const button = controls[0] as HTMLElement;
  const reading = BUTTON_TEXT.get(shownText(button).toLowerCase());
  if (!reading) return unknown;
  return {
    ...reading,
    followControl: reading.state === 'not-following' ? button : null,
    anchor: name,
  };
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
  readProfile,
};
