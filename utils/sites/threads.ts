import {
  type LabelTable,
  labelsAt,
  nearestFound,
  queryOutside,
  shownText,
  showsToken,
  unreadReason,
} from './dom';
import { INSTAGRAM_USERNAME } from './instagram';
import type { FollowState, PageReader, ProfileReading, SiteAdapter } from './types';

// Threads: profiles are /@{username} on threads.net and threads.com (the 2025 move); sites.md §6.
const HOSTS = ['www.threads.com', 'threads.com', 'www.threads.net', 'threads.net'];

// The profile's own tabs; a post is /@u/post/{id} and is not a profile.
const PROFILE_TABS = new Set(['replies', 'media', 'reposts']);

// Threads profiles are Instagram accounts, so the username rule is Instagram's.
function handleFromText(text: string): string | null {
  return INSTAGRAM_USERNAME.test(text) ? text.toLowerCase() : null;
}

// Public facts on Threads' markup are thin (sites.md §6, 2026-01-30 source): obfuscated classes, follow controls
// are text buttons "Follow" / "Following", signed out links to /login. The reader is conservative: it answers only
// when an element of the page shows the username (or @username) and exactly one Follow/Following button of the
// page's language sits next to it. Nothing documents Follow back or Requested, so those read as unknown.
// Signed in, the navigation links the activity feed and the signed-in profile by href (the 2026-01-30 source's
// /activity route; the icons' aria-labels are words, so they only count in English). The navigation's own profile
// link to this profile, with no follow button by the name, is your own profile.
const NAVIGATION = '[role="navigation"]';
const SIGNED_IN = 'a[href="/activity"], svg[aria-label="Create"], svg[aria-label="Profile"]';
const SIGNED_OUT = 'a[href*="/login"]';
const DIALOG = '[role="dialog"]';
// Posts and replies (stable ARIA-free hook, sites.md §6) show their author's username too; the header's is outside.
const POST = '[data-pressable-container="true"]';
const NAME = 'h1, h2, span';
const CONTROL = 'button, [role="button"]';
// The follow button sits under the name, bio and counts of the header: a few more levels up than on Instagram.
const HEADER_LEVELS = 6;

type Label = 'follow' | 'following';

// The header button's words per page language; read 2026-12-03. A kind without a source is left empty, and a page
// showing it reads unknown with reason `language`. Threads shares Instagram's accounts, not (as far as any source
// shows) its translations, so Instagram's table is not borrowed. Sources:
// en: sites.md §6 (threads-unfollower README: "Following" opens a modal with "Unfollow"; 2026-01-30 source).
// ja: a Threads UI survey script run with --lang=ja-JP against threads.net (unattributed, 2026:
//     svg[aria-label="フォローする"] for the follow control). No source found for "Following".
// de, fr, es, pt, it, nl: no source found for either label, so those pages read unknown with reason `language`.
const LABELS: LabelTable<Label> = {
  en: { follow: ['Follow'], following: ['Following'] },
  de: { follow: [], following: [] },
  fr: { follow: [], following: [] },
  es: { follow: [], following: [] },
  pt: { follow: [], following: [] },
  it: { follow: [], following: [] },
  nl: { follow: [], following: [] },
  ja: { follow: ['フォローする'], following: [] },
};

const STATES: Record<Label, FollowState> = { follow: 'not-following', following: 'following' };

function buttonState(el: Element): FollowState | undefined {
  const labels = labelsAt(LABELS, el);
  const text = shownText(el).toLowerCase();
  const kind = labels
    ? (Object.keys(labels) as Label[]).find((k) => labels[k].some((label) => label.toLowerCase() === text))
    : undefined;
  return kind ? STATES[kind] : undefined;
}

/** The Follow/Following buttons nearest to `name`, outside dialogs. */
function nearestButtons(name: Element): HTMLElement[] {
  return nearestFound(name, HEADER_LEVELS, (node) =>
    queryOutside(node, CONTROL, DIALOG).filter((el) => buttonState(el) !== undefined),
  );
}

/** Whether the navigation's own profile link (the signed-in user's) opens this profile. */
function navigationLinksTo(doc: Document, handle: string): boolean {
  return [...doc.querySelectorAll<HTMLAnchorElement>(`${NAVIGATION} a[href^="/@"]`)].some(
    (link) => link.getAttribute('href')?.replace(/\/$/, '').slice(2).toLowerCase() === handle,
  );
}

function readProfile(doc: Document, handle: string): ProfileReading {
  // The username shown as a text node of its own, outside posts and dialogs. A long page has many spans: the cheap
  // length test first.
  const names = [...doc.querySelectorAll(NAME)].filter(
    (el) =>
      (el.textContent ?? '').length <= handle.length + 60 &&
      !el.closest(`${DIALOG}, ${POST}`) &&
      (showsToken(el, handle) || showsToken(el, `@${handle}`)),
  );
  if (names.length === 0) return { state: 'unknown', reason: 'loading', anchor: null };
  const first = names[0] as Element;
  if (doc.querySelector(SIGNED_OUT)) return { state: 'unknown', reason: 'signed-out', anchor: first };
  if (!doc.querySelector(SIGNED_IN)) return { state: 'unknown', reason: 'layout', anchor: first };
  for (const name of names) {
    const buttons = nearestButtons(name);
    if (buttons.length === 0) continue;
    const button = buttons[0] as HTMLElement;
    const state = buttons.length === 1 ? buttonState(button) : undefined;
    if (!state) return { state: 'unknown', reason: 'layout', anchor: name };
    return { state, followControl: state === 'not-following' ? button : null, anchor: name };
  }
  if (navigationLinksTo(doc, handle)) return { state: 'self', anchor: first };
  return { state: 'unknown', reason: unreadReason(LABELS, first), anchor: first };
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
};

export const threadsPage: PageReader = {
  readProfile,
};
