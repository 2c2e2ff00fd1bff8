import { nearestFound, queryOutside, shownText, showsUsername } from './dom';
import { INSTAGRAM_USERNAME } from './instagram';
import type { FollowState, ProfileReading, SiteAdapter } from './types';

// Threads: profiles are /@{username} on threads.net and threads.com (the 2025 move); sites.md §6.
const HOSTS = ['www.threads.com', 'threads.com', 'www.threads.net', 'threads.net'];

// The profile's own tabs; a post is /@u/post/{id} and is not a profile.
const PROFILE_TABS = new Set(['replies', 'media', 'reposts']);

// Threads profiles are Instagram accounts, so the username rule is Instagram's.
function handleFromText(text: string): string | null {
  return INSTAGRAM_USERNAME.test(text) ? text.toLowerCase() : null;
}

// Public facts on Threads' markup are thin (sites.md §6, 2026-01-30 source): obfuscated classes, follow controls
// are text buttons "Follow" / "Following", signed in shows the Create or Profile navigation icon, signed out links to
// /login. Nothing documents Follow back, Requested or self, so those read as unknown. The reader is conservative:
// it answers only when an element of the page shows the username (or @username) and exactly one Follow/Following
// button sits next to it.
const SIGNED_IN = 'svg[aria-label="Create"], svg[aria-label="Profile"]';
const SIGNED_OUT = 'a[href*="/login"]';
const DIALOG = '[role="dialog"]';
const NAME = 'h1, h2, span';
const CONTROL = 'button, [role="button"]';
// The follow button sits under the name, bio and counts of the header: a few more levels up than on Instagram.
const HEADER_LEVELS = 6;
const BUTTON_TEXT = new Map<string, FollowState>([
  ['follow', 'not-following'],
  ['following', 'following'],
]);

const buttonState = (el: Element) => BUTTON_TEXT.get(shownText(el).toLowerCase());

/** The Follow/Following buttons nearest to `name`, outside dialogs. */
function nearestButtons(name: Element): HTMLElement[] {
  return nearestFound(name, HEADER_LEVELS, (node) =>
    queryOutside(node, CONTROL, DIALOG).filter((el) => buttonState(el) !== undefined),
  );
}

function readProfile(doc: Document, handle: string): ProfileReading {
  // The username shown as text (posts show it too, but no follow button sits next to those). A long page has many
  // spans: the cheap length test first.
  const names = [...doc.querySelectorAll(NAME)].filter(
    (el) =>
      (el.textContent ?? '').length <= handle.length + 60 && !el.closest(DIALOG) && showsUsername(el, handle),
  );
  if (names.length === 0) return { state: 'unknown', anchor: null };
  const unknown: ProfileReading = { state: 'unknown', anchor: names[0] };
  if (!doc.querySelector(SIGNED_IN) || doc.querySelector(SIGNED_OUT)) return unknown;
  for (const name of names) {
    const buttons = nearestButtons(name);
    if (buttons.length === 0) continue;
    const button = buttons[0] as HTMLElement;
    const state = buttons.length === 1 ? buttonState(button) : undefined;
    if (!state) return { state: 'unknown', anchor: name };
    return { state, followControl: state === 'not-following' ? button : null, anchor: name };
  }
  return unknown;
}

export const threads: SiteAdapter = {
  id: 'threads',
  name: 'Threads',
  hosts: HOSTS,
  handleFromUrl(url) {
    // Checked here too, since every adapter is also asked directly about every URL.
    if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return null;
    const [first, tab, ...rest] = url.pathname.split('/').filter(Boolean);
    if (!first?.startsWith('@') || rest.length > 0) return null;
    if (tab !== undefined && !PROFILE_TABS.has(tab.toLowerCase())) return null;
    return handleFromText(first.slice(1));
  },
  handleFromText,
  profileUrl: (handle) => `https://www.threads.com/@${handle}`,
  readProfile,
};
