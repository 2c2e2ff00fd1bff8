import { decodeOrNull, isHidden, shownText } from './dom';
import type { ProfileReading, SiteAdapter } from './types';

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

// Handles are case-insensitive; NFC so that one handle has one spelling.
function canonicalHandle(text: string): string | null {
  const handle = text.normalize('NFC').toLowerCase();
  return HANDLE.test(handle) ? handle : null;
}

function handleFromText(text: string): string | null {
  return CHANNEL_ID.test(text) ? text : canonicalHandle(text);
}

// Channel header: the current `yt-page-header-view-model` and the older `ytd-c4-tabbed-header-renderer`. The header's
// "@handle" is a span of its `yt-content-metadata-view-model`, or `#channel-handle` in the older header (channel
// userscripts on GitHub, checked 2026-11-25). YouTube keeps pages it navigated away from in the DOM, hidden.
const HEADER = 'yt-page-header-view-model, ytd-c4-tabbed-header-renderer';
const HEADER_HANDLE = 'yt-content-metadata-view-model span, #channel-handle';
// The flag goes after the handle line (below the channel name), else after the name.
const FLAG_PLACES = ['yt-content-metadata-view-model', '#channel-handle', 'h1'];
// A /channel/UC… page names its channel id in the head (0xdevalias/userscripts logYouTubeChannelID.js; sites.md §9).
const CHANNEL_ID_TAGS = 'link[rel="canonical"], meta[itemprop="identifier"], meta[itemprop="channelId"]';
// Subscribe control: `yt-subscribe-button-view-model` (current), `ytd-subscribe-button-renderer` with the
// `subscribed` attribute once subscribed (older); text Subscribe / Subscribed (sites.md §9, 2025–2026 sources).
const SUBSCRIBE = 'yt-subscribe-button-view-model, ytd-subscribe-button-renderer';
const SUBSCRIBE_BUTTON = 'button:not([hidden]), tp-yt-paper-button:not([hidden])';
// On your own channel the header offers "Customize channel" and "Manage videos", links into YouTube Studio
// (general knowledge). The guide sidebar also links to Studio, so only the header counts.
const STUDIO_LINK = 'a[href*="studio.youtube.com"]';
// Signed in: the masthead's account button (public automation code, checked 2026-11-25). Signed out, Subscribe
// only opens a sign-in prompt.
const SIGNED_IN = 'button#avatar-btn';

const sameHandle = (shown: string, handle: string) => shown.normalize('NFC').toLowerCase() === `@${handle}`;

/** Whether the head of the page names channel `id` (the canonical URL or the channel id meta tags). */
function namesChannel(doc: Document, id: string): boolean {
  return [...doc.querySelectorAll(CHANNEL_ID_TAGS)].some((el) => {
    const value = el.getAttribute('href') ?? el.getAttribute('content') ?? '';
    return value === id || URL.parse(value)?.pathname === `/channel/${id}`;
  });
}

/** The visible channel header that shows `handle` (or, for a channel id, the one visible header). */
function channelHeader(doc: Document, handle: string): Element | undefined {
  const headers = [...doc.querySelectorAll(HEADER)].filter((el) => !isHidden(el));
  if (CHANNEL_ID.test(handle))
    return headers.length === 1 && namesChannel(doc, handle) ? headers[0] : undefined;
  return headers.find((header) =>
    [...header.querySelectorAll(HEADER_HANDLE)].some((el) => sameHandle(shownText(el), handle)),
  );
}

function readProfile(doc: Document, handle: string): ProfileReading {
  const header = channelHeader(doc, handle);
  if (!header) return { state: 'unknown', anchor: null };
  const anchor = FLAG_PLACES.map((place) => header.querySelector(place)).find(Boolean) ?? header;
  const unknown: ProfileReading = { state: 'unknown', anchor };
  if (!doc.querySelector(SIGNED_IN)) return unknown;
  if (header.querySelector(STUDIO_LINK)) return { state: 'self', anchor };
  const control = header.querySelector(SUBSCRIBE);
  if (!control) return unknown;
  // The older renderer marks the subscribed state with an attribute, whatever the language.
  if (control.matches('[subscribed]') || control.querySelector('[subscribed]'))
    return { state: 'following', anchor };
  const button = control.querySelector<HTMLElement>(SUBSCRIBE_BUTTON);
  if (!button) return unknown;
  const label = shownText(button).toLowerCase();
  if (label === 'subscribed') return { state: 'following', anchor };
  if (label === 'subscribe') return { state: 'not-following', followControl: button, anchor };
  return unknown;
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
    // After "@" even a UC-like name is a handle: only /channel/ holds ids. International handles arrive
    // percent-encoded; a malformed escape is not a handle.
    const handle = decodeOrNull(head.slice(1));
    return handle === null ? null : canonicalHandle(handle);
  },
  handleFromText,
  profileUrl: (handle) =>
    CHANNEL_ID.test(handle)
      ? `https://www.youtube.com/channel/${handle}`
      : `https://www.youtube.com/@${encodeURIComponent(handle)}`,
  readProfile,
};
