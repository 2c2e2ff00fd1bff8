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

// Text as shown: an icon's <title> (such as "Down chevron icon") is not part of a label.
function shownText(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? ''; // a text node
  return node.nodeName.toLowerCase() === 'svg' ? '' : [...node.childNodes].map(shownText).join('');
}
const text = (el: Element) => shownText(el).replace(/\s+/g, ' ').trim();

/** The nearest ancestor of `from` (a few levels up at most) holding elements that match `selector`. */
function nearest(from: Element, selector: string): Element[] {
  let node: Element | null = from;
  for (let level = 0; node && level <= HEADER_LEVELS; level++, node = node.parentElement) {
    const found = [...node.querySelectorAll(selector)].filter((el) => !el.closest(POPUP));
    if (found.length > 0) return found;
  }
  return [];
}

function readProfile(doc: Document, handle: string): ProfileReading {
  // The header must name this profile: after a client-side navigation the previous one may still be on screen.
  const name = [...doc.querySelectorAll(HEADER_NAME)].find(
    (el) => !el.closest(POPUP) && text(el).replace(/^@/, '').toLowerCase() === handle,
  );
  if (!name) return { state: 'unknown', anchor: null };
  const unknown: ProfileReading = { state: 'unknown', anchor: name };
  // Signed out, the Follow button only opens the log-in dialog.
  if (doc.querySelector(LOGIN_BUTTON)) return unknown;
  const controls = nearest(name, `${FOLLOW_BUTTON}, ${EDIT_PROFILE}`);
  if (controls.some((el) => el.matches(EDIT_PROFILE))) return { state: 'self', anchor: name };
  if (controls.length !== 1) return unknown;
  const button = controls[0] as HTMLElement;
  const reading = BUTTON_TEXT.get(text(button).toLowerCase());
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
