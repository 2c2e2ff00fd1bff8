import { type LabelTable, labelsAt, nearestFound, shownText, showsToken, unreadReason } from './dom';
import type { FollowState, PageReader, ProfileReading, SiteAdapter } from './types';

// Instagram: a profile is /{username}/ at the root, so reserved first segments must be ruled out (sites.md §7).
const HOSTS = ['www.instagram.com', 'instagram.com', 'm.instagram.com'];

// ≤30 of letters, digits, period, underscore; no leading, trailing or doubled period (sites.md §7).
// Exported because Threads profiles are Instagram accounts and share the rule.
export const INSTAGRAM_USERNAME = /^(?!\.)(?!.*\.\.)(?!.*\.$)[A-Za-z0-9._]{1,30}$/;

// Pages that sit where a username would: the 2019 web bundle's route list plus newer community lists (sites.md §7).
const RESERVED = new Set([
  '403invalidnonce',
  'a',
  'about',
  'accounts',
  'ads',
  'api',
  'challenge',
  'data',
  'developer',
  'direct',
  'directory',
  'donate',
  'download',
  'emails',
  'embed',
  'explore',
  'graphql',
  'help',
  'integrity',
  'invites',
  'legal',
  'login',
  'nametag',
  'oauth',
  'p',
  'press',
  'privacy',
  'push',
  'reel',
  'reels',
  'sem',
  'session',
  'signup',
  'stories',
  'tags',
  'terms',
  'tv',
  'web',
  'your_activity',
]);

// A profile's own tabs still show it (saved is the signed-in user's own); followers/following are lists.
const PROFILE_TABS = new Set(['reels', 'tagged', 'saved']);

function handleFromText(text: string): string | null {
  if (!INSTAGRAM_USERNAME.test(text)) return null;
  const username = text.toLowerCase();
  return RESERVED.has(username) ? null : username;
}

// The profile header of the page (not a post's header, not a dialog's): `main header`, with the username in a
// heading (scrapers read `header section h2`/`h1`; public code, checked 2026-11-25). Class names are obfuscated.
const PROFILE_HEADER = 'main header';
const HEADER_NAME = 'h1, h2, span';
// Only your own profile links to the profile editor (Maskbook's Instagram selectors; public code, checked 2026-11-25).
const EDIT_PROFILE = 'a[href="/accounts/edit/"]';
// Signed out: the top bar offers "Log in", or the page is the log-in form (public code, checked 2026-11-25). Both
// are read by href and field name, so in any language.
const LOGGED_OUT = 'a[href^="/accounts/login"], input[name="username"]';
const DIALOG = '[role="dialog"]';
const CONTROL = 'button, [role="button"]';
// The follow button sits in the block next to the username; a few levels up at most.
const HEADER_LEVELS = 4;

type Label = 'follow' | 'followBack' | 'following' | 'requested';

// The header button's words per page language (the button has no attribute that says its state); read 2026-12-03.
// A kind without a source is left empty, and a page showing it reads unknown with reason `language`. Sources:
// en: InstaBot_ChromeExtension chrome-extension/content.js (2025-09-16; sites.md §7): Follow, Following, Requested,
//     Follow Back.
// de: Instagram's own about.instagram.com/de-de/blog/tips-and-tricks/restrict-mute-block-report-guide (den Tab
//     „Folgen“ oder „Gefolgt“); legolasek/Instagram-Bulk-Unfollow-Tool instagram-unfollow-tool.js v1.2 (texts
//     following: abonniert …; followState: folgen …). No source found for Requested or Follow Back.
// fr: Instagram's help text as copied at formationdigital.mc-informatique.fr/Lecons/gestion-de-vos-abonnes/
//     (« Appuyez sur Abonné(e) … son profil affiche la mention S'abonner à la place de Abonné(e) »); the v1.2 tool
//     (suivre, abonné). No source found for Requested or Follow Back.
// es: the v1.2 tool (seguir, siguiendo); tecnobloggers.com/?p=22379 (el botón de Seguir cambia a Solicitado). No
//     source found for Follow Back.
// pt: the v1.2 tool (seguir, seguindo). No source found for Requested or Follow Back.
// it: laleggepertutti.it/383101 (2020-06-18: un bottone … con la scritta “Richiesta inviata” … diventerà … “Segui”).
//     No source found for Following or Follow Back.
// nl: no source found for any label, so Dutch pages read unknown with reason `language`.
// ja: pendelion.com/insta-follow-remove (「フォロー中」というボタン; 「フォローバックする」という青いボタン);
//     digitalnews365.com/instagram-follow (「フォローする」). No source found for Requested.
const LABELS: LabelTable<Label> = {
  en: { follow: ['Follow'], followBack: ['Follow Back'], following: ['Following'], requested: ['Requested'] },
  de: { follow: ['Folgen'], followBack: [], following: ['Gefolgt', 'Abonniert'], requested: [] },
  fr: {
    follow: ["S'abonner", 'S’abonner', 'Suivre'],
    followBack: [],
    following: ['Abonné(e)', 'Abonné'],
    requested: [],
  },
  es: { follow: ['Seguir'], followBack: [], following: ['Siguiendo'], requested: ['Solicitado'] },
  pt: { follow: ['Seguir'], followBack: [], following: ['Seguindo'], requested: [] },
  it: { follow: ['Segui'], followBack: [], following: [], requested: ['Richiesta inviata'] },
  nl: { follow: [], followBack: [], following: [], requested: [] },
  ja: {
    follow: ['フォローする'],
    followBack: ['フォローバックする'],
    following: ['フォロー中'],
    requested: [],
  },
};

// "Follow" would read "Follow Back" if they followed you, so it also says they do not.
const READINGS: Record<Label, { state: FollowState; followsYou?: boolean }> = {
  follow: { state: 'not-following', followsYou: false },
  followBack: { state: 'not-following', followsYou: true },
  following: { state: 'following' },
  requested: { state: 'requested' },
};

/** The kind of label `el` shows in the language of its page (case aside), or undefined. */
function labelOf(el: Element): Label | undefined {
  const labels = labelsAt(LABELS, el);
  const text = shownText(el).toLowerCase();
  return labels
    ? (Object.keys(labels) as Label[]).find((kind) =>
        labels[kind].some((label) => label.toLowerCase() === text),
      )
    : undefined;
}

const buttonReading = (el: Element | undefined) => {
  const kind = el ? labelOf(el) : undefined;
  return kind ? READINGS[kind] : undefined;
};

/** Follow buttons in `root`, leaving out those of a dialog that `root` is not part of. */
function followButtons(root: Element): HTMLElement[] {
  const dialog = root.closest(DIALOG);
  return [...root.querySelectorAll<HTMLElement>(CONTROL)].filter(
    (el) => el.closest(DIALOG) === dialog && buttonReading(el) !== undefined,
  );
}

/** The follow buttons nearest to `from` inside `within`: buttons further away (suggestions) belong to others. */
function nearestButtons(from: Element, within: Element): HTMLElement[] {
  // Once a level is outside `within`, so are all above it.
  return nearestFound(from, HEADER_LEVELS, (node) => (within.contains(node) ? followButtons(node) : []));
}

function readProfile(doc: Document, handle: string): ProfileReading {
  // The header must name this profile (a text node of its own, not glued text): after a client-side navigation the
  // previous one may still be on screen.
  const header = [...doc.querySelectorAll(PROFILE_HEADER)].find((el) => !el.closest(DIALOG));
  const name = header
    ? [...header.querySelectorAll(HEADER_NAME)].find((el) => showsToken(el, handle))
    : undefined;
  if (!header || !name) return { state: 'unknown', reason: 'loading', anchor: null };
  // Signed out, the Follow button only leads to the log-in page.
  if (doc.querySelector(LOGGED_OUT)) return { state: 'unknown', reason: 'signed-out', anchor: name };
  if (header.querySelector(EDIT_PROFILE)) return { state: 'self', anchor: name };
  // Exactly one follow button next to the name, or the page is not clear enough to tell.
  const buttons = nearestButtons(name, header);
  const button = buttons[0];
  const reading = buttons.length === 1 ? buttonReading(button) : undefined;
  if (buttons.length > 1) return { state: 'unknown', reason: 'layout', anchor: name };
  if (!button || !reading) return { state: 'unknown', reason: unreadReason(LABELS, name), anchor: name };
  return { ...reading, followControl: reading.state === 'not-following' ? button : null, anchor: name };
}

const FOLLOWING_LIST = /^\/([^/]+)\/following\/?$/;

/** The username a profile link (`/{u}/`) points to, or null for any other link. */
function linkedUsername(link: HTMLAnchorElement): string | null {
  const url = URL.parse(link.href);
  const match = url && HOSTS.includes(url.hostname) ? /^\/([^/]+)\/?$/.exec(url.pathname) : null;
  return match?.[1] ? handleFromText(match[1]) : null;
}

export const instagram: SiteAdapter = {
  id: 'instagram',
  name: 'Instagram',
  hosts: HOSTS,
  handleFromUrl(url) {
    // Checked here too, since every adapter is also asked directly about every URL.
    if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return null;
    const [username, tab, ...rest] = url.pathname.split('/').filter(Boolean);
    if (!username || rest.length > 0) return null;
    if (tab !== undefined && !PROFILE_TABS.has(tab.toLowerCase())) return null;
    return handleFromText(username);
  },
  handleFromText,
  profileUrl: (handle) => `https://www.instagram.com/${handle}/`,
  followingListUrl: (handle) => `https://www.instagram.com/${handle}/following/`,
  followingListOwner(url) {
    if (!HOSTS.includes(url.hostname)) return null;
    const owner = FOLLOWING_LIST.exec(url.pathname)?.[1];
    return owner ? handleFromText(owner) : null;
  },
};

export const instagramPage: PageReader = {
  readProfile,
  readFollowingList(doc) {
    // The list opens as a dialog over the profile; each row links the account (avatar and name) and has a button.
    // A row whose button offers Follow is a suggestion (or someone you do not follow), not a follow.
    const handles = new Set<string>();
    for (const link of doc.querySelectorAll<HTMLAnchorElement>(`${DIALOG} a[href]`)) {
      const username = linkedUsername(link);
      if (!username) continue;
      const buttons = nearestButtons(link, link.closest(DIALOG) as Element);
      if (buttons.length === 1 && buttonReading(buttons[0])?.state === 'not-following') continue;
      handles.add(username);
    }
    return [...handles];
  },
};
