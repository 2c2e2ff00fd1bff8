import { decodeOrNull, nearestAncestor } from './dom';
import type { ProfileReading, SiteAdapter } from './types';

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

// Profile header (social-app ProfileHeaderStandard.tsx @008fe5e, DisplayName.tsx, Handle.tsx @094a877, 2025;
// React Native Web renders testID as data-testid). The follow button's label is "Follow {handle}" / "Unfollow {handle}".
const DISPLAY_NAME = '[data-testid="profileHeaderDisplayName"]';
const FOLLOW_BUTTON = '[data-testid="followBtn"]';
const UNFOLLOW_BUTTON = '[data-testid="unfollowBtn"]';
const EDIT_PROFILE = '[data-testid="profileHeaderEditProfileButton"]';
const HEADER_CONTROL = `${FOLLOW_BUTTON}, ${UNFOLLOW_BUTTON}, ${EDIT_PROFILE}, [data-testid="unblockBtn"]`;
// Logged out the follow button still renders (it asks to sign in): the shell's sign-in buttons tell (NavSignupCard.tsx).
const LOGGED_OUT = '[aria-label="Sign in"], [aria-label="Sign up"], [aria-label="Create account"]';
// English only: the "Follows you" pill (Handle.tsx) and the "Follow back" button text.
const FOLLOWS_YOU_TEXT = /\bfollows you\b/i;
const FOLLOW_BACK_TEXT = /^\s*follow back\s*$/i;
// Following list cards: testID profileCard-{handle}-link on the link to the profile (components/ProfileCard.tsx, 2025).
const PROFILE_CARD_LINK = 'a[data-testid^="profileCard-"][data-testid$="-link"]';
// Levels up from the name column to the header block that holds the buttons row, at most.
const HEADER_LEVELS = 3;

/** The handle or DID a `/profile/{name}` link or path points to, or null. */
function profileHandle(path: string): string | null {
  const url = URL.parse(path, 'https://bsky.app/');
  return url ? bluesky.handleFromUrl(url) : null;
}

function headerBox(column: Element): Element | null {
  return nearestAncestor(column, HEADER_LEVELS, (el) => el.querySelector(HEADER_CONTROL) !== null);
}

/** Whether the header shows `handle`: its "@handle" line, the button label, or for a DID the page's own URL. */
function showsHandle(handleLine: string, control: Element | null, handle: string, doc: Document): boolean {
  const shown = handleLine.split(/\s+/).filter((word) => word.startsWith('@'));
  if (shown.some((word) => word.slice(1).toLowerCase() === handle)) return true;
  const label = control?.getAttribute('aria-label')?.trim().split(/\s+/).pop()?.toLowerCase();
  if (label === handle) return true;
  return handle.startsWith('did:') && profileHandle(doc.URL) === handle;
}

function readProfile(doc: Document, handle: string): ProfileReading {
  // Screens stay mounted under the navigator, so there may be several headers: take the one of this handle.
  for (const name of doc.querySelectorAll(DISPLAY_NAME)) {
    const block = name.parentElement ?? name;
    const column = block.parentElement ?? block;
    const handleLine = [...column.children]
      .filter((child) => child !== block)
      .map((child) => child.textContent ?? '')
      .join(' ');
    const box = headerBox(column);
    const control = box?.querySelector(HEADER_CONTROL) ?? null;
    if (!showsHandle(handleLine, control, handle, doc)) continue;
    const unknown: ProfileReading = { state: 'unknown', anchor: block };
    if (!box || doc.querySelector(LOGGED_OUT)) return unknown;
    if (box.querySelector(EDIT_PROFILE)) return { state: 'self', anchor: block };
    const follow = box.querySelector<HTMLElement>(FOLLOW_BUTTON);
    const followsYou = FOLLOWS_YOU_TEXT.test(handleLine) || FOLLOW_BACK_TEXT.test(follow?.textContent ?? '');
    if (box.querySelector(UNFOLLOW_BUTTON)) return { state: 'following', followsYou, anchor: block };
    if (follow) return { state: 'not-following', followsYou, followControl: follow, anchor: block };
    return unknown;
  }
  return { state: 'unknown', anchor: null };
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
  readProfile,
  followingListOwner(url) {
    if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return null;
    const [section, name, list, ...rest] = url.pathname.split('/').filter(Boolean);
    if (section !== 'profile' || !name || list !== 'follows' || rest.length > 0) return null;
    return profileHandle(`/profile/${name}`);
  },
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
