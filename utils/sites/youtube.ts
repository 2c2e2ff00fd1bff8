import { decodeOrNull, isHidden, type LabelTable, labelsAt, shownText, textTokens } from './dom';
import type { PageReader, ProfileReading, SiteAdapter } from './types';

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

// Channel header, two layouts still served (channel userscripts on GitHub, checked 2026-11-25 and 2026-12-03):
// - current: `yt-page-header-renderer > yt-page-header-view-model`, "@handle" in a span of `yt-content-metadata-view-model`,
//   the control a `yt-subscribe-button-view-model` in `yt-flexible-actions-view-model`;
// - legacy: `ytd-c4-tabbed-header-renderer`, "@handle" in `#channel-handle`, the control a `ytd-subscribe-button-renderer`.
//   TODO(2027-06): drop the legacy selectors once no channel is served with the tabbed header (still seen 2026-12).
// YouTube keeps pages it navigated away from in the DOM, hidden.
const HEADER = 'yt-page-header-view-model, ytd-c4-tabbed-header-renderer';
const HEADER_HANDLE = 'yt-content-metadata-view-model span, #channel-handle';
// The flag goes after the handle line (below the channel name), else after the name.
const FLAG_PLACES = ['yt-content-metadata-view-model', '#channel-handle', 'h1'];
// A /channel/UC… page names its channel id in the head (0xdevalias/userscripts logYouTubeChannelID.js; sites.md §9).
const CHANNEL_ID_TAGS = 'link[rel="canonical"], meta[itemprop="identifier"], meta[itemprop="channelId"]';
const SUBSCRIBE = 'yt-subscribe-button-view-model, ytd-subscribe-button-renderer';
const LEGACY_SUBSCRIBE = 'ytd-subscribe-button-renderer';
// The legacy renderer keeps its Subscribe shape and its subscribed (notification bell) shape, hiding one of them.
const SUBSCRIBE_BUTTON = 'button, tp-yt-paper-button';
// The legacy renderer reflects its state as the `subscribed` attribute, on itself and its paper button; a userscript
// decides with hasAttribute("subscribed") alone (clear-linux-notes userscript_youtube_subscribe.js; sites.md §9).
const SUBSCRIBED_ATTRIBUTE = '[subscribed]';
// The button's shape says the state in both layouts: a filled button to subscribe, a tonal one (with the bell and
// chevron) once subscribed; yt-neuter's mute-subscribe.user.js swaps `--filled` for `--tonal` on the Subscribe button
// to make it look like the subscribed one (mchangrh/yt-neuter, checked 2026-12-03).
const NOT_SUBSCRIBED_SHAPE = 'yt-spec-button-shape-next--filled';
const SUBSCRIBED_SHAPE = 'yt-spec-button-shape-next--tonal';
// On your own channel the header offers "Customize channel" and "Manage videos", links into YouTube Studio
// (general knowledge). The guide sidebar also links to Studio, so only the header counts.
const STUDIO_LINK = 'a[href*="studio.youtube.com"]';
// Signed in: the masthead's account button (public automation code, checked 2026-11-25). Signed out, the masthead
// links to Google's sign-in page instead, and Subscribe only opens a sign-in prompt.
const SIGNED_IN = 'button#avatar-btn';
const SIGN_IN_LINK = 'a[href^="https://accounts.google.com/ServiceLogin"]';

// The button's words, read only where its shape and attributes say nothing, and checked against them otherwise.
// YouTube's own strings are not public; these are from third-party code: en from youtubeObviousSubscribed src/content.js
// (sites.md §9); de, fr, es, pt, it, nl, ja from the SUBSCRIBED_TERMS / SUBSCRIBE_ACTIONS lists of a public
// subscription-screenshot checker (third-party automation code, unattributed, 2026), which stores them without
// accents ("abonne" for "Abonné"), hence the comparison without accents. That list gives Dutch only as "abonneer…"
// and Japanese Subscribe as "登録": "Abonneren" and "チャンネル登録" are the full button texts as YouTube shows them
// (general knowledge, no public source found), "チャンネル登録"/"登録済み" also in a public YouTube-like front end.
const LABELS: LabelTable<'subscribe' | 'subscribed'> = {
  en: { subscribe: ['Subscribe'], subscribed: ['Subscribed'] },
  de: { subscribe: ['Abonnieren'], subscribed: ['Abonniert'] },
  fr: { subscribe: ["S'abonner"], subscribed: ['Abonné'] },
  es: { subscribe: ['Suscribirse'], subscribed: ['Suscrito'] },
  pt: { subscribe: ['Inscrever-se'], subscribed: ['Inscrito'] },
  it: { subscribe: ['Iscriviti'], subscribed: ['Iscritto'] },
  nl: { subscribe: ['Abonneren'], subscribed: ['Geabonneerd'] },
  ja: { subscribe: ['チャンネル登録'], subscribed: ['登録済み'] },
};

const sameHandle = (shown: string, handle: string) => shown.normalize('NFC').toLowerCase() === `@${handle}`;

/** `text` lowercased, without accents, with one kind of apostrophe: how the label table is compared. */
function plainWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2019\u02bc]/g, "'")
    .toLowerCase();
}

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

type Subscription = 'following' | 'not-following';

/** What the control's attributes and button shape say, whatever the language, or null when they say nothing. */
function stateFromMarkup(control: Element, button: Element): Subscription | null {
  if (control.matches(SUBSCRIBED_ATTRIBUTE) || control.querySelector(SUBSCRIBED_ATTRIBUTE))
    return 'following';
  if (button.classList.contains(SUBSCRIBED_SHAPE)) return 'following';
  if (button.classList.contains(NOT_SUBSCRIBED_SHAPE)) return 'not-following';
  // A rendered legacy button without the reflected attribute is not subscribed.
  return control.matches(LEGACY_SUBSCRIBE) ? 'not-following' : null;
}

/** What the button's words say: a state, 'unread' for a language outside the table, null for words of no known kind. */
function stateFromWords(button: Element): Subscription | 'unread' | null {
  const labels = labelsAt(LABELS, button);
  if (!labels) return 'unread';
  const words = textTokens(button).map(plainWords);
  const says = (list: readonly string[]) => list.some((label) => words.includes(plainWords(label)));
  const subscribed = says(labels.subscribed);
  const subscribe = says(labels.subscribe);
  if (subscribed === subscribe) return null;
  return subscribed ? 'following' : 'not-following';
}

function readProfile(doc: Document, handle: string): ProfileReading {
  const header = channelHeader(doc, handle);
  if (!header) return { state: 'unknown', reason: 'loading', anchor: null };
  const anchor = FLAG_PLACES.map((place) => header.querySelector(place)).find(Boolean) ?? header;
  if (!doc.querySelector(SIGNED_IN) || doc.querySelector(SIGN_IN_LINK))
    return { state: 'unknown', reason: 'signed-out', anchor };
  if (header.querySelector(STUDIO_LINK)) return { state: 'self', anchor };
  const control = header.querySelector(SUBSCRIBE);
  const button = [...(control?.querySelectorAll<HTMLElement>(SUBSCRIBE_BUTTON) ?? [])].find(
    (el) => !isHidden(el),
  );
  if (!control || !button) return { state: 'unknown', reason: 'layout', anchor };
  const fromMarkup = stateFromMarkup(control, button);
  const fromWords = stateFromWords(button);
  const wordsTell = fromWords === 'following' || fromWords === 'not-following';
  // Words of a known kind that contradict the markup make the page ambiguous: unknown, never a guess.
  if (fromMarkup && wordsTell && fromWords !== fromMarkup)
    return { state: 'unknown', reason: 'layout', anchor };
  const state = fromMarkup ?? (wordsTell ? fromWords : null);
  if (state === 'following') return { state, anchor };
  if (state === 'not-following') return { state, followControl: button, anchor };
  return { state: 'unknown', reason: fromWords === 'unread' ? 'language' : 'layout', anchor };
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
};

export const youtubePage: PageReader = {
  readProfile,
};
