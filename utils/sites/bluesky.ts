import type { SiteAdapter } from './types';

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

export const bluesky: SiteAdapter = {
  id: 'bluesky',
  name: 'Bluesky',
  hosts: HOSTS,
  handleFromUrl(url) {
    if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return null;
    const [section, name, ...rest] = url.pathname.split('/').filter(Boolean);
    if (section !== 'profile' || !name || rest.length > 0) return null;
    try {
      return handleOrDid(decodeURIComponent(name));
    } catch {
      return null;
    }
  },
  handleFromText,
  profileUrl: (handle) => `https://bsky.app/profile/${handle}`,
};
