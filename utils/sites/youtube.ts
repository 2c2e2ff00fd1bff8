import type { SiteAdapter } from './types';

// YouTube channels: /@{handle} and /channel/{UC…}; youtu.be serves videos only (sites.md §9).
const HOSTS = ['www.youtube.com', 'youtube.com', 'm.youtube.com'];

// A channel id is "UC" + 22 URL-safe base64 characters, and its case matters (DESIGN).
const CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/;

// Letters or digits of any of YouTube's 75 handle languages, plus _ - . and the Latin middle dot;
// 3–30 for new handles (YouTube help 11585688), but no sign-up minimum is enforced here.
const HANDLE = /^[\p{L}\p{M}\p{N}_.\-·]{1,30}$/u;

// A channel's own tabs still show the channel; /@h/live is the current stream's watch page instead.
const CHANNEL_TABS = new Set([
  'featured',
  'videos',
  'shorts',
  'streams',
  'podcasts',
  'releases',
  'playlists',
  'community',
  'posts',
  'channels',
  'store',
  'courses',
  'about',
  'search',
]);

// International handles reach us percent-encoded; a malformed escape is not a handle.
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

// Handles are case-insensitive; NFC so that one handle has one spelling.
function canonicalHandle(text: string): string | null {
  const handle = text.normalize('NFC').toLowerCase();
  return HANDLE.test(handle) ? handle : null;
}

function handleFromText(text: string): string | null {
  return CHANNEL_ID.test(text) ? text : canonicalHandle(text);
}

export const youtube: SiteAdapter = {
  id: 'youtube',
  name: 'YouTube',
  hosts: HOSTS,
  handleFromUrl(url) {
    // Checked here too, since every adapter is also asked directly about every URL.
    if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return null;
    const segments = url.pathname.split('/').filter(Boolean);
    // Legacy /c/{name} and /user/{name} cannot become a handle or an id without asking YouTube: not taken.
    const isChannelPath = segments[0] === 'channel';
    const [head, tab, ...rest] = isChannelPath ? segments.slice(1) : segments;
    if (!head || rest.length > 0) return null;
    if (tab !== undefined && !CHANNEL_TABS.has(tab.toLowerCase())) return null;
    if (isChannelPath) return CHANNEL_ID.test(head) ? head : null;
    if (!head.startsWith('@')) return null;
    // After "@" even a UC-like name is a handle: only /channel/ holds ids.
    const handle = decodeSegment(head.slice(1));
    return handle === null ? null : canonicalHandle(handle);
  },
  handleFromText,
  profileUrl: (handle) =>
    CHANNEL_ID.test(handle)
      ? `https://www.youtube.com/channel/${handle}`
      : `https://www.youtube.com/@${encodeURIComponent(handle)}`,
};
