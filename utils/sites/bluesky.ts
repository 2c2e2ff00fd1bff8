import { decodeOrNull, type LabelTable, labelsAt, nearestAncestor, textTokens } from './dom';
import type { PageReader, ProfileReading, SiteAdapter } from './types';

// Bluesky: the web client shows people at /profile/{handle or DID} (social-app src/routes.ts).
const HOSTS = ['bsky.app'];

// atproto handle spec: a DNS hostname of 2+ labels, TLD not starting with a digit, at most 253 characters.
const HANDLE = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_HANDLE_LENGTH = 253;

// TLDs the atproto handle spec refuses (handle.invalid is the "invalid handle" marker).
const DISALLOWED_TLDS = new Set([
  'alt',
  'arpa',
  'example',
  'internal',
  'invalid',
  'local',
  'localhost',
  'onion',
]);

// One DNS label: what a bare name typed without a dot must be to become {name}.bsky.social.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const DEFAULT_DOMAIN = 'bsky.social';

// DIDs are case-sensitive and stay as they are: did:plc + 24 base32 characters, or did:web + a hostname.
const DID_PLC = /^did:plc:[a-z2-7]{24}$/;
const DID_WEB_PREFIX = 'did:web:';

function domainHandle(text: string): string | null {
  const handle = text.toLowerCase();
  if (handle.length > MAX_HANDLE_LENGTH || !HANDLE.test(handle)) return null;
  return DISALLOWED_TLDS.has(handle.slice(handle.lastIndexOf('.') + 1)) ? null : handle;
}

function isDid(text: string): boolean {
  if (DID_PLC.test(text)) return true;
  return text.startsWith(DID_WEB_PREFIX) && domainHandle(text.slice(DID_WEB_PREFIX.length)) !== null;
}

/** A handle with a dot, or a DID: what a /profile/ URL may hold. */
function handleOrDid(text: string): string | null {
  return isDid(text) ? text : domainHandle(text);
}

function handleFromText(text: string): string | null {
  const bare = text.toLowerCase();
  if (LABEL.test(bare)) return domainHandle(`${bare}.${DEFAULT_DOMAIN}`);
  return handleOrDid(text);
}

// Words appear only in the "Follows you" pill (Handle.tsx) and the "Follow back" text of the follow button
// (ProfileHeaderStandard.tsx); the state itself is read from test ids, whatever the language. Labels from
// bluesky-social/social-app src/locale/locales/<lang>/messages.po, msgids "Follows you" and "Follow back" (read 2026-12-03):
// en the msgids; de @e627d37; fr, es, pt-BR @7d03cb5; it, nl @f4a5f22; ja @73fe15f.
const LABELS: LabelTable<'followsYou' | 'followBack'> = {
  en: { followsYou: ['Follows you'], followBack: ['Follow back'] },
  de: { followsYou: ['Folgt dir'], followBack: ['Zurückfolgen'] },
  fr: { followsYou: ['Vous suit'], followBack: ['Suivre en retour'] },
  es: { followsYou: ['Te sigue'], followBack: ['Seguir también'] },
  pt: { followsYou: ['Segue você'], followBack: ['Seguir de volta'] },
  it: { followsYou: ['Ti segue'], followBack: ['Ricambia follow'] },
  nl: { followsYou: ['Volgt jou'], followBack: ['Terugvolgen'] },
  ja: { followsYou: ['あなたをフォロー'], followBack: ['フォローバック'] },
};

// Profile header (social-app src/screens/Profile/Header/ProfileHeaderStandard.tsx @008fe5e, DisplayName.tsx @00521b6,
// Handle.tsx @094a877 and the 2026 version with invalidHandleDialogControl, read 2026-12-03; React Native Web renders
// testID as data-testid). The name row and the "@handle" line share a column below the buttons row.
const DISPLAY_NAME = '[data-testid="profileHeaderDisplayName"]';
const FOLLOW_BUTTON = '[data-testid="followBtn"]';
const UNFOLLOW_BUTTON = '[data-testid="unfollowBtn"]';
// Only on the signed-in user's own profile, in place of the follow button (HeaderStandardButtons, isMe).
const EDIT_PROFILE = '[data-testid="profileHeaderEditProfileButton"]';
// When you block the account; a block through a list, or being blocked, leaves only the menu.
const UNBLOCK_BUTTON = '[data-testid="unblockBtn"]';
// The profile menu renders in every state, so it finds the buttons row even when no follow button is there.
const PROFILE_MENU = '[data-testid="profileHeaderDropdownBtn"]';
const HEADER_CONTROL = [FOLLOW_BUTTON, UNFOLLOW_BUTTON, EDIT_PROFILE, UNBLOCK_BUTTON, PROFILE_MENU].join(
  ', ',
);
// The signed-in shell links to the notifications and chat screens: the desktop left nav (src/view/shell/desktop/
// LeftNav.tsx @03e0a33, NavItem href) and the mobile web bottom bar (src/view/shell/bottom-bar/BottomBarWeb.tsx, NavItem
// href) render them only with a session. Signed out they show NavSignupCard's "Sign in" / "Create account" buttons
// instead, which carry no test id; so the absence of these links says "signed out" in every language (read 2026-12-03).
const SIGNED_IN_SHELL = 'a[href="/notifications"], a[href="/messages"]';
// The same shell links to the signed-in user's own profile, /profile/{handle} (makeProfileLink of currentAccount).
const SHELL_PROFILE_LINK = '[role="navigation"] a[href^="/profile/"], nav a[href^="/profile/"]';
// Following list cards: testID profileCard-{handle}-link on the link to the profile (components/ProfileCard.tsx, 2025).
const PROFILE_CARD_LINK = 'a[data-testid^="profileCard-"][data-testid$="-link"]';
// The account's DID, its stable id: the profile's avatar (and banner) images are served from the CDN under it,
// cdn.bsky.app/img/avatar/plain/{did}/{cid}@jpeg (avatar_thumbnail below 90 px; hackModifyThumbnailPath). The header
// avatar is the UserAvatar (testID userAvatarImage, an <img> inside on web) in the profileHeaderAviButton of the
// header shell (src/screens/Profile/Header/Shell.tsx @28a458f, src/view/com/util/UserAvatar.tsx @3b4ffd1); an account
// without an avatar shows userAvatarFallback, and then only its banner (UserBanner, userBannerImage) names the DID.
const AVATAR_IMAGE = '[data-testid="profileHeaderAviButton"] [data-testid="userAvatarImage"] img[src]';
const BANNER_IMAGE = '[data-testid="userBannerImage"] img[src]';
const CDN_HOST = 'cdn.bsky.app';
const CDN_IMAGE_PATH = /^\/img\/(?:avatar|avatar_thumbnail|banner)\/plain\/([^/]+)\//;
// Levels up from the header block to the profile view that holds its avatar and banner, at most.
const SHELL_LEVELS = 2;
// Levels up from the name column to the header block that holds the buttons row, at most.
const HEADER_LEVELS = 3;
// The web forces the handle left-to-right with CSS; native builds wrap it in bidi marks (Handle.tsx, sanitizeHandle).
const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The handle or DID a `/profile/{name}` link or path points to, or null. */
function profileHandle(path: string): string | null {
  const url = URL.parse(path, 'https://bsky.app/');
  return url ? bluesky.handleFromUrl(url) : null;
}

function headerBox(column: Element): Element | null {
  return nearestAncestor(column, HEADER_LEVELS, (el) => el.querySelector(HEADER_CONTROL) !== null);
}

/** Whether `label` names `handle` as a whole word: "Follow a.b", "a.b folgen", "a.bをフォロー" (messages.po "Follow {0}"). */
function labelNames(label: string, handle: string): boolean {
  const at = label.toLowerCase().indexOf(handle);
  if (at < 0) return false;
  const handleChar = /[a-z0-9.-]/;
  const before = label[at - 1] ?? ' ';
  const after = label[at + handle.length] ?? ' ';
  return !handleChar.test(before.toLowerCase()) && !handleChar.test(after.toLowerCase());
}

/** Whether the header shows `handle`: its "@handle" text node, the follow button's label, or for a DID the page URL. */
function showsHandle(handleLine: string[], control: Element | null, handle: string, doc: Document): boolean {
  if (handleLine.some((token) => token.replace(BIDI_MARKS, '').toLowerCase() === `@${handle}`)) return true;
  const label = control?.matches(`${FOLLOW_BUTTON}, ${UNFOLLOW_BUTTON}`)
    ? control.getAttribute('aria-label')
    : null;
  if (label && labelNames(label, handle)) return true;
  return handle.startsWith('did:') && profileHandle(doc.URL) === handle;
}

/** The handle of the signed-in user's own profile, as the signed-in shell links to it, or null. */
function ownHandle(doc: Document): string | null {
  for (const link of doc.querySelectorAll(SHELL_PROFILE_LINK)) {
    const handle = profileHandle(link.getAttribute('href') ?? '');
    if (handle) return handle;
  }
  return null;
}

/** The DID in the URL of a CDN image of the account, or undefined. */
function didOfImage(img: Element | null): string | undefined {
  const url = URL.parse(img?.getAttribute('src') ?? '');
  if (url?.protocol !== 'https:' || url.hostname !== CDN_HOST) return undefined;
  const raw = url.pathname.match(CDN_IMAGE_PATH)?.[1];
  const did = raw === undefined ? null : decodeOrNull(raw);
  return did !== null && isDid(did) ? did : undefined;
}

/** The DID the header's own avatar (else its banner) shows: only the profile view around this header is read. */
function shownDid(box: Element): string | undefined {
  const view = nearestAncestor(box, SHELL_LEVELS, (el) => el.querySelector(AVATAR_IMAGE) !== null);
  const avatar = didOfImage(view?.querySelector(AVATAR_IMAGE) ?? null);
  if (avatar) return avatar;
  const shell = nearestAncestor(box, SHELL_LEVELS, (el) => el.querySelector(BANNER_IMAGE) !== null);
  return didOfImage(shell?.querySelector(BANNER_IMAGE) ?? null);
}

/** Whether the profile follows the signed-in user, from the pill or "Follow back"; undefined outside the labels. */
function followsYouFrom(handleLine: string[], follow: Element | null, at: Element): boolean | undefined {
  const labels = labelsAt(LABELS, at);
  if (!labels) return undefined;
  const pill = handleLine.some((token) => labels.followsYou.includes(token));
  const followBack = follow !== null && textTokens(follow).some((token) => labels.followBack.includes(token));
  return pill || followBack;
}

function readProfile(doc: Document, handle: string): ProfileReading {
  // Screens stay mounted under the navigator, so there may be several headers: take the one of this handle.
  for (const name of doc.querySelectorAll(DISPLAY_NAME)) {
    const block = name.parentElement ?? name;
    const column = block.parentElement ?? block;
    const handleLine = [...column.children].filter((child) => child !== block).flatMap(textTokens);
    const box = headerBox(column);
    const control = box?.querySelector(`${FOLLOW_BUTTON}, ${UNFOLLOW_BUTTON}`) ?? null;
    if (!showsHandle(handleLine, control, handle, doc)) continue;
    if (!box) return { state: 'unknown', reason: 'layout', anchor: block };
    const stableId = shownDid(box);
    const header = { anchor: block, ...(stableId ? { stableId } : {}) };
    if (box.querySelector(EDIT_PROFILE)) return { state: 'self', ...header };
    // Signed out the follow button still renders (it asks to sign in): only the shell tells.
    if (!doc.querySelector(SIGNED_IN_SHELL)) return { state: 'unknown', reason: 'signed-out', ...header };
    const follow = box.querySelector<HTMLElement>(FOLLOW_BUTTON);
    const unfollow = box.querySelector(UNFOLLOW_BUTTON);
    if (!follow && !unfollow && ownHandle(doc) === handle) return { state: 'self', ...header };
    const followsYou = followsYouFrom(handleLine, follow, name);
    const known = followsYou === undefined ? {} : { followsYou };
    if (unfollow) return { state: 'following', ...known, ...header };
    if (follow) return { state: 'not-following', ...known, followControl: follow, ...header };
    return { state: 'unknown', reason: box.querySelector(UNBLOCK_BUTTON) ? 'other' : 'layout', ...header };
  }
  return { state: 'unknown', reason: 'loading', anchor: null };
}

export const bluesky: SiteAdapter = {
  id: 'bluesky',
  name: 'Bluesky',
  hosts: HOSTS,
  handleFromUrl(url) {
    if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return null;
    const [section, name, ...rest] = url.pathname.split('/').filter(Boolean);
    if (section !== 'profile' || !name || rest.length > 0) return null;
    const decoded = decodeOrNull(name);
    return decoded === null ? null : handleOrDid(decoded);
  },
  handleFromText,
  profileUrl: (handle) => `https://bsky.app/profile/${handle}`,
  followingListUrl: (handle) => `https://bsky.app/profile/${handle}/follows`,
  followingListOwner(url) {
    if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return null;
    const [section, name, list, ...rest] = url.pathname.split('/').filter(Boolean);
    if (section !== 'profile' || !name || list !== 'follows' || rest.length > 0) return null;
    return profileHandle(`/profile/${name}`);
  },
};

export const blueskyPage: PageReader = {
  readProfile,
  readsStableId: true,
  readFollowingList(doc) {
    const handles = new Set<string>();
    for (const link of doc.querySelectorAll(PROFILE_CARD_LINK)) {
      const fromHref = profileHandle(link.getAttribute('href') ?? '');
      // Cards may link by DID; the test id names the handle, which is what a roster holds.
      const testId = link.getAttribute('data-testid') ?? '';
      const fromTestId = profileHandle(`/profile/${testId.slice('profileCard-'.length, -'-link'.length)}`);
      const handle = fromHref?.startsWith('did:') ? (fromTestId ?? fromHref) : fromHref;
      if (handle) handles.add(handle);
    }
    return [...handles];
  },
};
