import {
  type LabelTable,
  languageAt,
  nearestAncestor,
  nearestFound,
  READ_LANGUAGES,
  type ReadLanguage,
  shownText,
  textTokens,
} from './dom';
import type { PageReader, ProfileReading, SiteAdapter, UnknownReason } from './types';

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

// mastodon app/models/account.rb (read 2026-12-03): USERNAME_RE (dots and hyphens inside, for remote accounts),
// USERNAME_LENGTH_LIMIT = 30 for accounts created on the instance, USERNAME_LENGTH_HARD_LIMIT = 2048 for federated ones.
const USERNAME = /^[a-z0-9_]+(?:[.-]+[a-z0-9_]+)*$/i;
const MAX_LOCAL_USERNAME_LENGTH = 30;
const MAX_REMOTE_USERNAME_LENGTH = 2048;
// The account's feeds, not an account: /@alice.rss and /@alice.json (config/routes.rb formats).
const FEED_SUFFIX = /\.(?:rss|json)$/i;

// An instance is a DNS hostname with a dot and a TLD that does not start with a digit (so no IP addresses).
const HOSTNAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_HOSTNAME_LENGTH = 253;

// Characters a typed instance name may hold before the URL parser turns it into punycode.
const TYPED_DOMAIN = /^[\p{L}\p{M}\p{Nd}.-]+$/u;

// Profile tabs (mastodon features/ui/index.jsx); /followers, /following and /{statusId} are other pages.
// 4.4 added the Featured tab (CHANGELOG 4.4.0, #34405): /@a/featured, /@a/featured/tags, /@a/featured/accounts.
const PROFILE_TABS = new Set(['with_replies', 'media']);
const TAGGED_TAB = 'tagged';
const FEATURED_TAB = 'featured';
const FEATURED_SUBTABS = new Set(['tags', 'accounts']);

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

function account(user: string, domain: string, maxLength = MAX_LOCAL_USERNAME_LENGTH): string | null {
  if (user.length > maxLength || !USERNAME.test(user)) return null;
  const instance = instanceDomain(domain);
  return instance === null ? null : `${user.toLowerCase()}@${instance}`;
}

/** The account an `@{acct}` path on `host` shows: `user` is local to the host, `user@domain` is remote. */
function accountFromAcct(acct: string, host: string): string | null {
  if (FEED_SUFFIX.test(acct)) return null;
  const [user = '', domain, ...extra] = acct.split('@');
  if (extra.length > 0) return null;
  if (domain === undefined) return account(user, host);
  // Seen from another instance the account is remote, so its username may be as long as federation allows.
  const remote = instanceDomain(domain) !== host;
  return account(user, domain, remote ? MAX_REMOTE_USERNAME_LENGTH : MAX_LOCAL_USERNAME_LENGTH);
}

function isProfileTab(rest: string[]): boolean {
  const [tab, sub, ...extra] = rest;
  if (tab === undefined) return true;
  if (tab === TAGGED_TAB) return sub !== undefined && extra.length === 0;
  if (tab === FEATURED_TAB) return (sub === undefined || FEATURED_SUBTABS.has(sub)) && extra.length === 0;
  return PROFILE_TABS.has(tab) && sub === undefined;
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
  // A typed account may live on any server of the fediverse: the federated limit applies.
  return account(user, domain, MAX_REMOTE_USERNAME_LENGTH);
}

// ---------------------------------------------------------------------------------------------------------------------
// The account header, 4.2 to 4.7 (mastodon/mastodon, read 2026-12-03; release dates from its CHANGELOG.md):
// - 4.2 (v4.2.0, 2023-09-21, features/account/components/header.jsx @4fcc026): `.account__header`; the follow button
//   `button.button` first in `.account__header__tabs__buttons` ("Follow", "Unfollow", "Cancel follow" while a request
//   is pending), then the bell `button.icon-button` (only while following or requested); the name `h1 > small >
//   span` shows `@user@domain`; locked: `i.fa.fa-lock`; tags `.account__header__info .relationship-tag`: "Follows you",
//   "Blocked", "Muted", "Domain blocked"; own profile: a "Edit profile" button that opens /settings/profile.
// - 4.3 (v4.3.0, 2024-10-08, features/account_timeline/components/account_header.tsx, messageForFollowButton): same
//   classes, Material icons (`svg.icon.icon-lock`, `svg.icon.icon-bell-o`); `@user` plus a visually hidden `@domain`
//   and a domain pill; labels "Mutual" (both ways), "Unfollow" (following OR requested), "Follow back", "Follow";
//   tags only "Blocked", "Muted", "Domain blocked". A pending request reads "Unfollow": on a locked account that is
//   ambiguous.
// - 4.4 (v4.4.0, 2025-07-08): "Change unfollow button label from “Mutual” to “Unfollow”" (#34392) and "Add relationship
//   tags to profiles" (#34467): tags "You follow each other", "Follows you", "Requests to follow you", "Blocking",
//   "Muting", "Blocking domain" (account_timeline/components/info.tsx @12557f2); the buttons sit in
//   `.account__header__buttons--desktop` / `--mobile`, the follow button `button.account__header__follow-button`.
//   A pending request still reads "Unfollow".
// - 4.5 (v4.5.0, 2025-11-06): "Change “Follow” button labels" (#36264, components/follow_button.tsx): "Follow",
//   "Request to follow" (locked), "Follow back", "Unfollow", "Cancel request", "Unmute" (muting), "Unblock", "Edit
//   profile" (a link to /settings/profile, later /profile/edit).
// - 4.6 (2026-06) and 4.7 (main, mastodon.social): the header moved to CSS Modules (components/account_header/
//   index.tsx @cede41a, name.tsx, buttons.tsx @0eca55c, badges.tsx): no `.account__header…` class is left; the name is an
//   `h1` inside a wrapper with a "Follows you" badge, the handle `@user@domain` is the text of a help `button` next to
//   it; the follow control is a `button` (or, on one's own profile, a link to /profile/edit) with hashed classes; a
//   muted account shows "Unmute" and a "Muted" badge.
// So the header is found from the page's own text: the handle, shown whole by one element, next to an `h1`.
// Class names are only supporting evidence for the older lines (TODO 2026-12-03: drop them once 4.2-4.5 are gone).
// ---------------------------------------------------------------------------------------------------------------------

/** The words of the header's controls and tags, by what they say. */
type LabelKind =
  | 'follow' // account.follow: not following
  | 'followBack' // account.follow_back(_short): not following, follows you (4.3+)
  | 'followRequest' // account.follow_request(_short): not following a locked account (4.5+)
  | 'unfollow' // account.unfollow: following (and, in 4.3 and 4.4, a pending request)
  | 'mutual' // account.mutual in 4.3 ("Mutual"): following each other
  | 'cancelRequest' // account.cancel_follow_request (4.2), account.follow_request_cancel(_short) (4.5+): requested
  | 'unmute' // account.unmute_short (4.5+ on a muted account): says nothing about following
  | 'editProfile' // account.edit_profile(_short): one's own profile
  | 'followsYouTag' // account.follows_you: the tag or badge
  | 'mutualTag'; // account.mutual in 4.4+ ("You follow each other"): the tag

const FOLLOW_KINDS: readonly LabelKind[] = [
  'follow',
  'followBack',
  'followRequest',
  'unfollow',
  'mutual',
  'cancelRequest',
  'unmute',
];

// Mastodon's locale files (app/javascript/mastodon/locales/<lang>.json). Sources, read 2026-12-03:
// [4.2] mastodon/mastodon v4.2.0 (4fcc026, 2023-09-21), every language below (through a glitch-soc based mirror that
//       carries upstream's history); [en] mastodon/mastodon en.json @000199f (main, 2026) and the defaultMessages of
//       components/follow_button.tsx (@e5d530e for 4.3's "Mutual"); [de] mastodon/mastodon de.json @00846f9 (4.5+);
//       [ja] kmycode/mastodon ja.json @00ac88b (kmyblue fork carrying upstream's 4.5 strings); [fr] kmycode/mastodon
//       fr.json @9c8b598 (4.4 strings); [it] polyamspace/mastodon it.json @7a18008 (fork carrying upstream's 4.5+
//       strings); [es, pt, nl] only 4.2 (v4.2.0) and polyamspace/mastodon @afeb373 / @05c707f (2023) were found.
// Not found (left out rather than invented): the 4.3 "Mutual" button in every language but English; "Follow back",
// "Request to follow", "Cancel request" and "You follow each other" in es, pt and nl; "Request to follow" and "Cancel
// request" in fr. A page showing one of these reads unknown (reason `layout`). Portuguese is pt-BR.
const LABELS: LabelTable<LabelKind> = {
  en: {
    follow: ['Follow'],
    followBack: ['Follow back'],
    followRequest: ['Request to follow', 'Request'],
    unfollow: ['Unfollow'],
    mutual: ['Mutual'],
    cancelRequest: ['Cancel follow', 'Withdraw follow request', 'Cancel request', 'Cancel'],
    unmute: ['Unmute'],
    editProfile: ['Edit profile', 'Edit'],
    followsYouTag: ['Follows you'],
    mutualTag: ['You follow each other'],
  },
  de: {
    follow: ['Folgen'],
    followBack: ['Ebenfalls folgen'],
    followRequest: ['Anfrage zum Folgen', 'Anfragen'],
    unfollow: ['Entfolgen'],
    mutual: [],
    cancelRequest: [
      'Folgeanfrage zurückziehen',
      'Follower-Anfrage zurückziehen',
      'Anfrage abbrechen',
      'Abbrechen',
    ],
    unmute: ['Stummschaltung aufheben'],
    editProfile: ['Profil bearbeiten', 'Bearbeiten'],
    followsYouTag: ['Folgt dir'],
    mutualTag: ['Ihr folgt einander'],
  },
  fr: {
    follow: ['Suivre'],
    followBack: ['Suivre en retour'],
    followRequest: [],
    unfollow: ['Ne plus suivre'],
    mutual: [],
    cancelRequest: ['Retirer la demande d’abonnement', "Annuler l'abonnement"],
    unmute: ['Ne plus masquer'],
    editProfile: ['Modifier le profil'],
    followsYouTag: ['Vous suit'],
    mutualTag: ['Vous vous suivez mutuellement'],
  },
  es: {
    follow: ['Seguir'],
    followBack: [],
    followRequest: [],
    unfollow: ['Dejar de seguir'],
    mutual: [],
    cancelRequest: ['Retirar solicitud de seguimiento'],
    unmute: ['Desilenciar'],
    editProfile: ['Editar perfil'],
    followsYouTag: ['Te sigue'],
    mutualTag: [],
  },
  pt: {
    follow: ['Seguir'],
    followBack: [],
    followRequest: [],
    unfollow: ['Deixar de seguir'],
    mutual: [],
    cancelRequest: ['Cancelar solicitação para seguir'],
    unmute: ['Dessilenciar'],
    editProfile: ['Editar perfil'],
    followsYouTag: ['Te segue'],
    mutualTag: [],
  },
  it: {
    follow: ['Segui'],
    followBack: ['Segui a tua volta'],
    followRequest: ['Richiedi di seguire', 'Richiesta'],
    unfollow: ['Smetti di seguire'],
    mutual: [],
    cancelRequest: ['Annulla la richiesta di seguire', 'Annulla la richiesta', 'Annulla'],
    unmute: ['Riattiva'],
    editProfile: ['Modifica profilo', 'Modifica'],
    followsYouTag: ['Ti segue'],
    mutualTag: ['Vi seguite a vicenda'],
  },
  nl: {
    follow: ['Volgen'],
    followBack: [],
    followRequest: [],
    // 4.2's nl.json gives the pending request the same word as following ("Ontvolgen"): ambiguous by itself.
    unfollow: ['Ontvolgen'],
    mutual: [],
    cancelRequest: ['Ontvolgen', 'Volgverzoek annuleren'],
    unmute: ['Niet langer negeren'],
    editProfile: ['Profiel bewerken'],
    followsYouTag: ['Volgt jou'],
    mutualTag: [],
  },
  ja: {
    follow: ['フォロー'],
    followBack: ['フォローバック'],
    followRequest: ['フォローリクエスト', 'リクエスト'],
    unfollow: ['フォロー解除'],
    mutual: [],
    cancelRequest: ['フォローリクエストの取り消し', 'リクエストをキャンセル', 'キャンセル'],
    unmute: ['ミュート解除'],
    editProfile: ['プロフィール編集', '編集'],
    followsYouTag: ['フォローされています'],
    mutualTag: ['相互フォロー中'],
  },
};

// Language-independent evidence (same sources and dates as above).
// The page's own state: <script id="initial-state" type="application/json"> with meta.me (the signed-in account id,
// absent when signed out), meta.domain, meta.version, meta.locale and accounts[me].acct (initial_state_serializer.rb).
// Its meta.access_token is never read.
const INITIAL_STATE = 'script#initial-state';
// Signed-out markers when the state is missing: the sign-in banner and the sign-in / sign-up links.
const SIGNED_OUT = '.sign-in-banner, a[href$="/auth/sign_in"], a[href$="/auth/sign_up"]';
// One's own profile: the "Edit profile" control links here (4.5+: /settings/profile, 4.6+: /profile/edit).
const EDIT_PROFILE_HREF = /\/(?:settings\/profile|profile\/edit)\/?$/;
// Icons (components/icon.tsx: `icon icon-{id}`; 4.2: `fa fa-{id}`): the lock beside a locked account's name, the bell
// that appears only while following or requested.
const LOCK_ICON = '.icon-lock, .fa-lock';
const BELL_ICON = '.icon-bell, .icon-bell-o, .fa-bell, .fa-bell-o';
// A relationship still loading: the follow button holds a loading indicator (4.3+), or nothing yet.
const LOADING = '.loading-indicator, [role="progressbar"]';
// Places that show other people's names and buttons: hover cards, dialogs, dropdowns.
const ELSEWHERE = '.hover-card, [role="dialog"], [role="tooltip"], .modal-root, .dropdown-menu';
// The controls of the header (the follow button, the bell, the menu, links); which one follows is read from its words.
const CONTROLS = 'button, a';
// Lists of accounts (following, followers): one .account row each, its name linking to /@acct.
const LIST_ACCOUNT_LINK = '.account a.account__display-name[href]';
// An account that moved says so above its header, with a link to the new account (read 2026-12-03):
// 4.3–4.5 features/account_timeline/components/moved_note.tsx (@0682920, @64de9c6): `.moved-account-banner`, its
// `.moved-account-banner__action` holds a link to the new account (its avatar and name) and a "Go to profile"
// `a.button`, both to `/@{acct}` (a Permalink carries the account's own URL as href in some versions);
// 4.6+ components/account_header/banners.tsx (@0eca55c): the same two links with CSS Modules classes, so there it is
// found as a "Go to profile" `a.button` right after a link to the same address, whatever the language.
const MOVED_LINK = '.moved-account-banner__action a[href]';
const GO_TO_PROFILE = 'a.button[href]';
/** How many levels above the name block the moved-account banner can sit (4.3–4.5 and 4.6+: four). */
const MOVED_LEVELS = 5;
// The 4.2–4.5 classes kept as supporting evidence (TODO 2026-12-03: drop with those lines).
const LEGACY_HEADER = '.account__header';
const LEGACY_TAGS = '.account__header__info';

/** How many levels above the name block the header's own controls can sit (4.2–4.5: two; 4.6+: one). */
const HEADER_LEVELS = 3;
/** How many levels above the handle's text the name's `h1` can be. */
const NAME_LEVELS = 3;

interface InitialState {
  meta?: { me?: string; domain?: string; version?: string; locale?: string };
  accounts?: Record<string, { acct?: string }>;
}

function initialState(doc: Document): InitialState | null {
  const script = doc.querySelector(INITIAL_STATE);
  if (!script) return null;
  try {
    const parsed = JSON.parse(script.textContent ?? '') as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as InitialState) : null;
  } catch {
    return null;
  }
}

/** Who is signed in: their handle, '' when signed out, null when the page does not say. */
function signedIn(doc: Document, state: InitialState | null, host: string): string | null {
  if (!state) return doc.querySelector(SIGNED_OUT) ? '' : null;
  const me = state.meta?.me;
  if (!me) return '';
  const acct = state.accounts?.[me]?.acct;
  return acct ? (accountFromAcct(acct, state.meta?.domain ?? host) ?? null) : null;
}

/** The release line of meta.version ("4.5.2", "4.7.0-alpha.3+glitch") as major*100+minor, null when not said. */
function releaseLine(state: InitialState | null): number | null {
  const match = /^(\d+)\.(\d+)/.exec(state?.meta?.version ?? '');
  return match ? Number(match[1]) * 100 + Number(match[2]) : null;
}

/** The primary language subtag of the page: its `lang`, else the state's meta.locale, else English. */
function pageLanguage(el: Element, state: InitialState | null): string {
  return languageAt(el) || (state?.meta?.locale ?? '').split(/[-_]/)[0]?.toLowerCase() || 'en';
}

function labelsFor(lang: string): Readonly<Record<LabelKind, readonly string[]>> | null {
  return (READ_LANGUAGES as readonly string[]).includes(lang) ? LABELS[lang as ReadLanguage] : null;
}

/** The kinds of label `text` is in `labels` (usually one; a word shared by two kinds gives both). */
function kindsOf(text: string, labels: Readonly<Record<LabelKind, readonly string[]>>): LabelKind[] {
  const wanted = text.toLowerCase();
  return (Object.keys(labels) as LabelKind[]).filter((kind) =>
    labels[kind].some((label) => label.toLowerCase() === wanted),
  );
}

/** Whether `el` shows `handle` whole: "@user@domain" (or "user@domain") as its own text, icons left out. */
function showsHandle(el: Element, handle: string): boolean {
  return shownText(el).replace(/^@/, '').toLowerCase() === handle;
}

/**
 * The elements that show `handle` whole, found from the text nodes holding its username: a text node, or the element
 * around the pieces of one handle ("@alice" + a hidden "@mastodon.social"), never a match inside glued text.
 */
function handleElements(doc: Document, handle: string): Element[] {
  const user = handle.split('@')[0] ?? '';
  const found: Element[] = [];
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node.nodeValue ?? '').toLowerCase().includes(user)) continue;
    const el = nearestAncestor(node.parentElement as Element, 2, (candidate) =>
      showsHandle(candidate, handle),
    );
    if (el && !el.closest(ELSEWHERE) && !found.includes(el)) found.push(el);
  }
  return found;
}

/** The block that holds the profile's `h1` and its handle: the header's name, or null when the handle is elsewhere. */
function nameBlock(handleEl: Element): Element | null {
  return nearestAncestor(
    handleEl,
    NAME_LEVELS,
    (el) =>
      el.tagName === 'H1' ||
      [...el.children].some((child) => child.tagName === 'H1' || child.querySelector(':scope > h1')),
  );
}

interface HeaderControl {
  el: HTMLElement;
  kinds: LabelKind[];
}

/** The header's controls with what they say, from the nearest level above the name that has any. */
function headerControls(
  block: Element,
  labels: Readonly<Record<LabelKind, readonly string[]>>,
  handle: string,
): HeaderControl[] {
  return nearestFound(block, HEADER_LEVELS, (node) =>
    [...node.querySelectorAll<HTMLElement>(CONTROLS)]
      .filter((el) => !el.closest(ELSEWHERE) && !showsHandle(el, handle))
      .map((el) => ({ el, kinds: kindsOf(shownText(el), labels) }))
      .filter(({ kinds }) => kinds.some((kind) => FOLLOW_KINDS.includes(kind) || kind === 'editProfile')),
  );
}

/** The nearest level above the name that holds any of `selector` (the header's own icons, tags or links). */
function nearHeader(block: Element, selector: string): Element[] {
  return nearestFound(block, HEADER_LEVELS, (node) =>
    [...node.querySelectorAll(selector)].filter((el) => !el.closest(ELSEWHERE)),
  );
}

/** The header region: the legacy `.account__header` around the name, else the nearest levels above it. */
function headerRegion(block: Element): Element {
  return block.closest(LEGACY_HEADER) ?? climb(block);
}

function climb(el: Element): Element {
  let node = el;
  for (let level = 0; level < HEADER_LEVELS && node.parentElement; level++) node = node.parentElement;
  return node;
}

/** Whether the header's tags or badges say the profile follows the signed-in user. */
function tagsSayFollowsYou(region: Element, labels: Readonly<Record<LabelKind, readonly string[]>>): boolean {
  return textTokens(region).some((token) => {
    const kinds = kindsOf(token, labels);
    return kinds.includes('followsYouTag') || kinds.includes('mutualTag');
  });
}

const unknown = (reason: UnknownReason, anchor: Element | null = null): ProfileReading => ({
  state: 'unknown',
  reason,
  anchor,
});

/** The account the moved-account banner above this header links to, or undefined. */
function movedAccount(block: Element, doc: Document, handle: string): string | undefined {
  const links = nearestFound(block, MOVED_LEVELS, (node) => [
    ...node.querySelectorAll(MOVED_LINK),
    ...[...node.querySelectorAll(GO_TO_PROFILE)].filter((el) => {
      const before = el.previousElementSibling;
      return before?.tagName === 'A' && before.getAttribute('href') === el.getAttribute('href');
    }),
  ]);
  const targets = new Set(
    links
      .filter((el) => !el.closest(ELSEWHERE))
      .map((el) => accountFromPath(el.getAttribute('href') ?? '', doc.URL))
      .filter((account): account is string => account !== null && account !== handle),
  );
  // Links to two different accounts say nothing for sure.
  return targets.size === 1 ? [...targets][0] : undefined;
}

function readProfile(doc: Document, handle: string): ProfileReading {
  const reading = readHeader(doc, handle);
  const movedTo = reading.anchor ? movedAccount(reading.anchor, doc, handle) : undefined;
  if (!movedTo) return reading;
  // A moved account one does not follow shows no follow button (buttons.tsx, isMovedAndUnfollowedAccount): a known form.
  if (reading.state === 'unknown' && reading.reason === 'layout')
    return { ...reading, reason: 'other', movedTo };
  return { ...reading, movedTo };
}

function readHeader(doc: Document, handle: string): ProfileReading {
  const host = new URL(doc.URL).hostname;
  const block = handleElements(doc, handle)
    .map(nameBlock)
    .find((el): el is Element => el !== null);
  if (!block) return unknown('loading');
  const anchor = block;
  const state = initialState(doc);
  const me = signedIn(doc, state, host);
  if (me === '') return unknown('signed-out', anchor);
  if (me === handle) return { state: 'self', anchor };
  // One's own profile also shows by its link to the profile editor, whatever the language.
  const links = nearHeader(block, 'a[href]').filter((el) =>
    EDIT_PROFILE_HREF.test(el.getAttribute('href') ?? ''),
  );
  if (links.length > 0) return { state: 'self', anchor };

  const labels = labelsFor(pageLanguage(block, state));
  if (!labels) return unknown('language', anchor);
  const region = headerRegion(block);
  const controls = headerControls(block, labels, handle);
  if (controls.some(({ kinds }) => kinds.includes('editProfile'))) return { state: 'self', anchor };
  const control = controls.find(({ kinds }) => kinds.some((kind) => FOLLOW_KINDS.includes(kind)));
  if (!control) {
    if (nearHeader(block, LOADING).length > 0) return unknown('loading', anchor);
    return unknown('layout', anchor);
  }
  const tags = region.querySelector(LEGACY_TAGS) ?? region;
  const followsYou =
    tagsSayFollowsYou(tags, labels) ||
    control.kinds.includes('followBack') ||
    control.kinds.includes('mutual');
  const locked = nearHeader(block, LOCK_ICON).length > 0;
  const bell = nearHeader(block, BELL_ICON).length > 0;
  const line = releaseLine(state);
  const kinds = new Set(control.kinds);
  const one = kinds.size === 1;

  if (one && (kinds.has('follow') || kinds.has('followBack') || kinds.has('followRequest')))
    return { state: 'not-following', followsYou, followControl: control.el, anchor };
  if (one && kinds.has('mutual')) return { state: 'following', followsYou: true, anchor };
  if (one && kinds.has('cancelRequest')) return { state: 'requested', followsYou, anchor };
  if (kinds.has('unfollow')) {
    // 4.3 and 4.4 label a pending request "Unfollow" too (and 4.2's Dutch gives both the same word); on an account
    // that takes requests (the lock beside its name) the page then cannot tell following from requested.
    const requestsShareTheWord = !one || line === null || line === 403 || line === 404;
    if (requestsShareTheWord && locked) return unknown('layout', anchor);
    return { state: 'following', followsYou, anchor };
  }
  if (one && kinds.has('unmute')) {
    // 4.5+ shows "Unmute" instead of the follow button on a muted account; the bell still shows while following or
    // requested. Without the bell, or where a lock could hide a pending request (4.6+ shows no lock), it says nothing.
    const classic = block.closest(LEGACY_HEADER) !== null;
    if (bell && classic && !locked) return { state: 'following', followsYou, anchor };
    return unknown('other', anchor);
  }
  return unknown('layout', anchor);
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
      return user !== undefined && more.length === 0 && !FEED_SUFFIX.test(user) ? account(user, host) : null;
    }
    if (!first.startsWith('@') || !isProfileTab(rest)) return null;
    return accountFromAcct(first.slice(1), host);
  },
  handleFromText,
  profileUrl: (handle) => {
    const [user, instance] = handle.split('@');
    return `https://${instance}/@${user}`;
  },
  followingListUrl: (handle) => {
    const [user, instance] = handle.split('@');
    return `https://${instance}/@${user}/following`;
  },
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
};

export const mastodonPage: PageReader = {
  readProfile,
  readFollowingList(doc) {
    const handles = new Set<string>();
    for (const link of doc.querySelectorAll(LIST_ACCOUNT_LINK)) {
      const handle = accountFromPath(link.getAttribute('href') ?? '', doc.URL);
      if (handle) handles.add(handle);
    }
    return [...handles];
  },
};
