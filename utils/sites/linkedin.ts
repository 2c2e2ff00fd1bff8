import { decodeOrNull } from './dom';
import type { FollowState, ProfileReading, SiteAdapter } from './types';

// LinkedIn: members live under /in/{slug}, so root paths (company, school, feed…) never collide with people.
const HOSTS = ['www.linkedin.com', 'linkedin.com'];

// Country subdomains (uk.linkedin.com/in/…) serve the same public profiles and appear in pasted links.
const COUNTRY_HOST = /^[a-z]{2}\.linkedin\.com$/;

// Help text allows 3–100 letters/digits; system slugs add hyphens (first-last-1a2b3c), older ones are shorter,
// non-ASCII ones arrive percent-encoded. Slashes, spaces, quotes and other symbols never belong to a slug.
const SLUG = /^[\p{L}\p{M}\p{Nd}_-]{1,100}$/u;

// Opaque member ids from messaging and search links (/in/ACoAA…) are case-sensitive.
const MEMBER_ID = /^ACoAA[A-Za-z0-9_-]{10,95}$/;

// Sub-pages of a profile that still show that person (recent-posts-button, community code).
const PROFILE_SUBPAGES = new Set(['recent-activity', 'detail', 'details', 'overlay']);

// A language suffix, /in/{slug}/en/ or /in/{slug}/pt-br/.
const LOCALE_SUFFIX = /^[a-z]{2}(?:[-_][a-z]{2})?$/i;

function slugHandle(slug: string): string | null {
  if (MEMBER_ID.test(slug)) return slug;
  const normalized = slug.normalize('NFC');
  return SLUG.test(normalized) ? normalized.toLowerCase() : null;
}

function isProfileSubpath(rest: string[]): boolean {
  const [first] = rest;
  if (first === undefined) return true;
  if (PROFILE_SUBPAGES.has(first.toLowerCase())) return true;
  return rest.length === 1 && LOCALE_SUFFIX.test(first);
}

function handleFromText(text: string): string | null {
  const slug = decodeOrNull(text);
  return slug === null ? null : slugHandle(slug);
}

// Profile top card. The header shows no slug, so the page's own URL (and its "Contact info" link) says whose it is.
// Sources: third-party automation code, unattributed, 2025–2026 (docs/sites.md §2): SDUI layout div[componentkey*="Topcard"]
// with data-view-name hooks; classic layout .pv-top-card / .ph5 with the More menu in .artdeco-dropdown__content.
const TOP_CARD = '[componentkey*="Topcard"], .pv-top-card';
const CONTACT_INFO = 'a[href*="/overlay/contact-info"]';
const ACTIONS = 'button, a, [role="menuitem"], [role="button"]';
const MENU = '.artdeco-dropdown__content, [role="menu"]';
// Locale-independent hooks: the follow / connect slots and their icons (svg#add-small, svg#connect-small).
const FOLLOW_SLOT = '[data-view-name="edge-creation-follow-action"]';
const CONNECT_SLOT = '[data-view-name="edge-creation-connect-action"]';
// Own profile: the pencil that edits the intro (/in/{slug}/edit/intro/, /edit/forms/intro/).
const EDIT_INTRO = /\/edit\/(?:forms\/)?intro\//;
// Logged out: the public (guest) profile layout and its sign-in links.
const LOGGED_OUT = '.top-card-layout, a[href*="linkedin.com/login"], a[href^="/login"]';
// English aria-labels: "Follow {Name}", "Following, click to unfollow {Name}", "Pending, click to withdraw invitation
// sent to {Name}", "Invite {Name} to connect", "Remove your connection to {Name}".
const LABELS: [RegExp, Action][] = [
  [/^Following, click to unfollow\b|^Unfollow /, 'following'],
  [/^Pending, click to withdraw invitation\b/, 'pending'],
  [/^Remove your connection to\b/, 'connected'],
  [/^Follow /, 'follow'],
  [/^Invite .+ to connect$/, 'connect'],
];

type Action = 'self' | 'following' | 'pending' | 'connected' | 'follow' | 'connect';

function action(el: Element): Action | null {
  if (EDIT_INTRO.test(el.getAttribute('href') ?? '')) return 'self';
  const label = el.getAttribute('aria-label')?.trim() ?? '';
  const labelled = LABELS.find(([pattern]) => pattern.test(label));
  if (labelled) return labelled[1];
  if (el.closest(FOLLOW_SLOT) && el.querySelector('svg#add-small')) return 'follow';
  if (el.closest(CONNECT_SLOT) || el.querySelector('svg#connect-small')) return 'connect';
  return null;
}

function urlHandle(href: string): string | null {
  const url = URL.parse(href, 'https://www.linkedin.com/');
  return url ? linkedin.handleFromUrl(url) : null;
}

function readProfile(doc: Document, handle: string): ProfileReading {
  if (urlHandle(doc.URL) !== handle) return { state: 'unknown', anchor: null };
  const card = doc.querySelector(TOP_CARD) ?? doc.querySelector('main h1')?.closest('section') ?? null;
  const name = card?.querySelector('h1');
  if (!card || !name) return { state: 'unknown', anchor: null };
  const anchor = name.parentElement ?? name;
  const contact = card.querySelector(CONTACT_INFO)?.getAttribute('href');
  // After a client-side navigation the previous member's card may still be on screen.
  if (contact && urlHandle(contact) !== handle) return { state: 'unknown', anchor: null };
  if (doc.querySelector(LOGGED_OUT)) return { state: 'unknown', anchor };
  const actions = [...card.querySelectorAll<HTMLElement>(ACTIONS)]
    .map((el) => ({ el, kind: action(el) }))
    // Visible buttons first, then items of the More menu.
    .sort((a, b) => Number(a.el.closest(MENU) !== null) - Number(b.el.closest(MENU) !== null));
  const find = (kind: Action) => actions.find((a) => a.kind === kind)?.el;
  const states: [Action, FollowState][] = [
    ['self', 'self'],
    ['following', 'following'],
    // An invitation makes you follow them: a pending one is `requested`, a connection counts as following.
    ['pending', 'requested'],
    ['connected', 'following'],
  ];
  for (const [kind, state] of states) if (find(kind)) return { state, anchor };
  // Follow where offered; else Connect, which sends an invitation and follows (the page then shows Pending).
  const control = find('follow') ?? find('connect');
  return control ? { state: 'not-following', followControl: control, anchor } : { state: 'unknown', anchor };
}

export const linkedin: SiteAdapter = {
  id: 'linkedin',
  name: 'LinkedIn',
  hosts: HOSTS,
  handleFromUrl(url) {
    if (url.protocol !== 'https:') return null;
    if (!HOSTS.includes(url.hostname) && !COUNTRY_HOST.test(url.hostname)) return null;
    const [section, slug, ...rest] = url.pathname.split('/').filter(Boolean);
    if (section !== 'in' || !slug || !isProfileSubpath(rest)) return null;
    return handleFromText(slug);
  },
  handleFromText,
  profileUrl: (handle) => `https://www.linkedin.com/in/${encodeURIComponent(handle)}/`,
  readProfile,
};
