import { decodeOrNull, type LabelTable, labelsAt, textTokens } from './dom';
import type { FollowState, PageReader, ProfileReading, SiteAdapter } from './types';

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

// Profile top card, read 2026-12-03. LinkedIn is closed source: the hooks come from automation code that drives
// www.linkedin.com in 2025–26 (third-party, unattributed: a Playwright selector module "allActions4" and its
// refactoring notes, a LinkedIn DOM health check, profile scrapers; docs/sites.md §2). The header shows no slug,
// so the page's own URL (and its "Contact info" link) says whose profile it is.
// 2025–26 layout: the card div[componentkey$="Topcard"] with the name in an h2 or p inside
// [data-view-name="profile-top-card-verified-badge"] (often in a div[role="button"] that opens the verifications).
const TOP_CARD = '[componentkey*="Topcard"]';
const NAME_BADGE = '[data-view-name="profile-top-card-verified-badge"]';
const BADGE_NAME = 'h2, p';
// TODO(2026-12-03): the classic layout (section.pv-top-card, the name in an h1, buttons in .pvs-profile-actions,
// the More menu in .artdeco-dropdown__content) is still served to some members; drop it once it is gone.
const LEGACY_TOP_CARD = '.pv-top-card';
const LEGACY_NAME = 'h1';
const CONTACT_INFO = 'a[href*="/overlay/contact-info"]';
const ACTIONS = 'button, a, [role="menuitem"], [role="button"]';
const MENU = '.artdeco-dropdown__content, [role="menu"]';
// Language-independent hooks, first: the slots of the relationship button (data-view-name; Follow and Following share
// edge-creation-follow-action, so there the icon tells them apart), the buttons' icons (svg id or data-test-icon in
// the 2025 layout, li-icon type in the classic one) and the invitation link.
const SLOTS: [string, Action][] = [
  ['[data-view-name="edge-creation-withdraw-action"]', 'pending'],
  ['[data-view-name="edge-creation-accept-action"]', 'accept'],
  ['[data-view-name="edge-creation-connect-action"]', 'connect'],
  ['[data-view-name="profile-primary-message"], [data-view-name="profile-secondary-message"]', 'message'],
  ['[data-view-name="profile-overflow-button"]', 'more'],
];
const ICON = 'svg[id], svg[data-test-icon], li-icon[type]';
// add-small on Follow, check-small on Following, clock-small on Pending, connect-small on Connect.
const ICON_ACTIONS: Record<string, Action> = {
  add: 'follow',
  check: 'following',
  clock: 'pending',
  connect: 'connect',
};
const INVITE_LINK = 'a[href^="/preload/custom-invite/"], a[href*="linkedin.com/preload/custom-invite/"]';
// Own profile: the pencil that edits the intro (/in/{slug}/edit/intro/, /edit/forms/intro/), the self-view block.
const EDIT_INTRO = /\/edit\/(?:forms\/)?intro\//;
const SELF_VIEW = '[data-view-name="profile-self-view"]';
// Signed out: the public (guest) profile layout and its sign-in links.
const SIGNED_OUT =
  '.top-card-layout, a[href*="linkedin.com/login"], a[href^="/login"], a[href*="/signup/public-profile-join"]';
const SKELETON = '.scaffold-skeleton, [aria-busy="true"]';

type Action =
  | 'ambiguous'
  | 'self'
  | 'following'
  | 'pending'
  | 'connected'
  | 'follow'
  | 'connect'
  | 'accept'
  | 'message'
  | 'more';
type LabelKind = 'follow' | 'following' | 'pending' | 'connect' | 'connected' | 'message' | 'more';

// Words, last: a button's visible word or the start of its aria-label ("Follow Alice", "Following, click to
// unfollow Alice", "Pending, click to withdraw invitation sent to Alice", "Invite Alice to connect", "Remove your
// connection to Alice"). Sources, read 2026-12-03: English from docs/sites.md §2 (automation code, 2025–26);
// the other languages' Follow / Following / Connect from a third-party LinkedIn UI translation table
// (CUSTOM_TRANSLATIONS of a LinkedIn mock-up plugin, unattributed); fr More from a LinkedIn automation LABELS
// table (unattributed); ja その他 / メッセージ and de Vernetzen from automation code driving linkedin.com (2025–26).
// No source was found for Pending, Message and More in de, es, pt, it, nl (and fr Pending / Message), nor for the
// connection-removal item outside English: those stay empty, so such a page reads only from the hooks above and
// otherwise says `language`. The table's German "Following" (Folgen) equals its Follow, so it is left out.
const LABELS: LabelTable<LabelKind> = {
  en: {
    follow: ['Follow'],
    following: ['Following', 'Unfollow'],
    pending: ['Pending'],
    connect: ['Connect', 'Invite'],
    connected: ['Remove your connection', 'Remove connection'],
    message: ['Message'],
    more: ['More', 'More actions'],
  },
  de: {
    follow: ['Folgen'],
    following: [],
    pending: [],
    connect: ['Vernetzen'],
    connected: [],
    message: [],
    more: [],
  },
  fr: {
    follow: ['Suivre'],
    following: ['Suivi'],
    pending: [],
    connect: ['Se connecter'],
    connected: [],
    message: [],
    more: ['Plus', 'Plus d’actions', "Plus d'actions"],
  },
  es: {
    follow: ['Seguir'],
    following: ['Siguiendo'],
    pending: [],
    connect: ['Conectar'],
    connected: [],
    message: [],
    more: [],
  },
  pt: {
    follow: ['Seguir'],
    following: ['Seguindo'],
    pending: [],
    connect: ['Conectar'],
    connected: [],
    message: [],
    more: [],
  },
  it: {
    follow: ['Segui'],
    following: ['Già segui'],
    pending: [],
    connect: ['Collegati'],
    connected: [],
    message: [],
    more: [],
  },
  nl: {
    follow: ['Volgen'],
    following: ['Aan het volgen'],
    pending: [],
    connect: ['Connectie maken'],
    connected: [],
    message: [],
    more: [],
  },
  ja: {
    follow: ['フォロー'],
    following: ['フォロー中'],
    pending: [],
    connect: ['つながりを申請'],
    connected: [],
    message: ['メッセージ'],
    more: ['その他'],
  },
};

type Labels = Readonly<Record<LabelKind, readonly string[]>>;

/** Whether `text` is `word` or starts with it followed by something that is not a letter ("Following, click…"). */
function startsWithWord(text: string, word: string): boolean {
  const lower = text.toLowerCase();
  const wanted = word.toLowerCase();
  return lower.startsWith(wanted) && !/[\p{L}\p{M}]/u.test(lower.charAt(wanted.length));
}

/** The kind of control the words of `el` name; null for none, 'ambiguous' for words of two kinds. */
function labelled(el: Element, labels: Labels): LabelKind | 'ambiguous' | null {
  const words = [el.getAttribute('aria-label')?.trim() ?? '', ...textTokens(el)].filter(Boolean);
  const kinds = (Object.keys(labels) as LabelKind[]).filter((kind) =>
    labels[kind].some((word) => words.some((text) => startsWithWord(text, word))),
  );
  if (kinds.length > 1) return 'ambiguous';
  return kinds[0] ?? null;
}

function iconAction(el: Element): Action | null {
  const icon = el.querySelector(ICON);
  const name = icon?.getAttribute('data-test-icon') ?? icon?.getAttribute('type') ?? icon?.id ?? '';
  return ICON_ACTIONS[name.replace(/-(?:small|medium|large)$/, '')] ?? null;
}

/** What a control of the top card does, from hooks first and words last. */
function action(el: Element, labels: Labels | null): Action | null {
  if (EDIT_INTRO.test(el.getAttribute('href') ?? '')) return 'self';
  const slot = SLOTS.find(([selector]) => el.closest(selector));
  // A pressed slot keeps its place while its icon already shows the new state.
  const icon = iconAction(el);
  if (slot && !(icon && slot[1] === 'connect')) return slot[1];
  if (icon) return icon;
  if (el.matches(INVITE_LINK)) return 'connect';
  return labels ? labelled(el, labels) : null;
}

function urlHandle(href: string): string | null {
  const url = URL.parse(href, 'https://www.linkedin.com/');
  return url ? linkedin.handleFromUrl(url) : null;
}

/** The top card and the element that shows the name: the 2025–26 layout first, then the classic one. */
function topCard(doc: Document): { card: Element; name: Element } | null {
  for (const badge of doc.querySelectorAll(NAME_BADGE)) {
    const name = badge.querySelector(BADGE_NAME);
    const card = badge.closest(TOP_CARD) ?? badge.closest('section');
    if (name && card) return { card, name };
  }
  const card =
    doc.querySelector(`${TOP_CARD}, ${LEGACY_TOP_CARD}`) ?? doc.querySelector('main h1')?.closest('section');
  const name = card?.querySelector(LEGACY_NAME);
  return card && name ? { card, name } : null;
}

function readProfile(doc: Document, handle: string): ProfileReading {
  if (urlHandle(doc.URL) !== handle) return { state: 'unknown', reason: 'loading', anchor: null };
  const signedOut = doc.querySelector(SIGNED_OUT) !== null;
  const found = topCard(doc);
  if (!found) return { state: 'unknown', reason: signedOut ? 'signed-out' : 'loading', anchor: null };
  const { card, name } = found;
  const anchor = name.parentElement ?? name;
  const contact = card.querySelector(CONTACT_INFO)?.getAttribute('href');
  // After a client-side navigation the previous member's card may still be on screen.
  if (contact && urlHandle(contact) !== handle) return { state: 'unknown', reason: 'loading', anchor: null };
  if (signedOut) return { state: 'unknown', reason: 'signed-out', anchor };
  if (card.querySelector(SELF_VIEW)) return { state: 'self', anchor };
  const labels = labelsAt(LABELS, card);
  const actions = [...card.querySelectorAll<HTMLElement>(ACTIONS)]
    .filter((el) => !el.closest(NAME_BADGE))
    .map((el) => ({ el, kind: action(el, labels) }))
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
  // Follow where offered; else Connect (or Accept), which makes a connection that follows (the page then shows Pending).
  const follow = find('follow');
  const control = follow ?? find('connect') ?? find('accept');
  if (control)
    return {
      state: 'not-following',
      followControl: control,
      controlKind: follow ? 'follow' : 'connect',
      anchor,
    };
  if (card.querySelector(SKELETON)) return { state: 'unknown', reason: 'loading', anchor };
  // Only words could tell, and the page's language is one whose labels TeamFollow does not (fully) know; words
  // that name two kinds at once are never a guess.
  const complete = labels && Object.values(labels).every((words) => words.length > 0);
  if (find('ambiguous')) return { state: 'unknown', reason: 'layout', anchor };
  return { state: 'unknown', reason: complete ? 'layout' : 'language', anchor };
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
};

export const linkedinPage: PageReader = {
  readProfile,
};
