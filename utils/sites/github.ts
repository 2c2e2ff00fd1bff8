import { isHidden, textTokens } from './dom';
import type { PageReader, ProfileReading, SiteAdapter } from './types';

// GitHub: a person is /{login}. gist.github.com/{login} is a gist listing, not the profile, so it is not read.
const HOSTS = ['github.com', 'www.github.com'];

// Single hyphens between alphanumerics, at most 39 (github-username-regex, same as sherlock data.json).
const LOGIN = /^[a-z\d](?:[a-z\d]|-(?=[a-z\d]))*$/i;
const MAX_LOGIN_LENGTH = 39;

// Profile tabs (github-url-detection tests); ?tab=followers and ?tab=following are follow lists, not the profile.
const PROFILE_TABS = new Set(['overview', 'repositories', 'projects', 'packages', 'stars', 'achievements']);

// github-reserved-names 2.1.1 (reserved-names.json, 2026-02-18), plus access, community, docs from older releases.
const RESERVED = new Set(
  `
  300 302 400 401 402 403 404 405 406 407 408 409 410 411 412 413 414 415 416 417 418 419 420 421 422 423
  424 425 426 427 428 429 430 431 500 501 502 503 504 505 506 507 508 509 510 511 693 694 695 900 about
  access account admin advisories anonymous any api apps attributes auth billing blob blog bounty branches
  business businesses c cache careers case-studies categories central certification changelog chat cla
  cloud codereview collection collections comments commit commits community companies compare contact
  contributing cookbook copilot coupons customer customer-stories customers dashboard dashboard-feed
  dashboards design develop developer diff discover discussions docs downloads downtime editor editors edu
  education enterprise events explore featured features feed files fixtures forked garage ghost gist gists
  github-copilot graphs groups guide guides help help-wanted home hooks hosting hovercards identity images
  inbox individual info integration interfaces introduction invalid-email-address investors issues jobs
  join journal journals lab labs languages launch layouts learn legal library linux listings lists login
  logos logout mac maintenance malware man marketplace mention mentioned mentioning mentions migrating
  milestones mine mirrors mobile navigation network new news none nonprofit nonprofits notices
  notifications oauth offer open-source organisations organizations orgs pages partners payments personal
  plans plugins popular popularity posts press preview pricing professional projects pulls raw readme
  recommendations redeem releases render reply repos repositories resources restore revert
  save-net-neutrality saved scraping search security services sessions settings shareholders shop
  showcases signin signup site socials spam sponsors ssh staff starred stars static status statuses
  storage store stories styleguide subscriptions suggest suggestion suggestions support suspended talks
  teach teacher teachers teaching team teams ten terms timeline topic topics tos tour train training
  translations tree trending undefined updates user-attachments username users visualization w watching
  wiki wikis windows works-with www0 www1 www2 www3 www4 www5 www6 www7 www8 www9
`
    .trim()
    .split(/\s+/),
);

function handleFromText(text: string): string | null {
  const login = text.toLowerCase();
  if (login.length > MAX_LOGIN_LENGTH || !LOGIN.test(login) || RESERVED.has(login)) return null;
  return login;
}

// Profile page DOM, server-rendered (saved profile HTML c. 2023–24, third-party; refined-github cc22fe3, 2026-08-19).
// Every reading here is of forms, attributes and logins, so it does not depend on the page's language.
// The signed-in login; absent or empty when logged out (refined-github getLoggedInUser).
const USER_LOGIN = 'meta[name="user-login"]';
// Signed out, Follow is a link to the sign-in page instead of a form (saved logged-out profile HTML, 2024).
const SIGN_IN_LINK = 'a[href^="/login?return_to="], a[href^="https://github.com/login?return_to="]';
// Both forms are rendered; the inactive one carries `hidden` (span.user-following-container.js-form-toggle-container).
const FOLLOW_FORM = 'form[action*="/users/follow?"]';
const UNFOLLOW_FORM = 'form[action*="/users/unfollow?"]';
const SUBMIT = 'input[type="submit"], button[type="submit"], button:not([type])';
// The login line; it also holds the pronouns, `<span itemprop="pronouns">· she/her</span>`, so its first text node is
// the login (profile scrapers on GitHub read `.vcard-username [itemprop="pronouns"]`, checked 2026-12-03).
const VCARD_USERNAME = '.vcard-username';
const VCARD_NAMES = '.vcard-names-container, h1.vcard-names';
// The profile's avatar links to avatars.githubusercontent.com/u/{numeric id}: GitHub's stable id (DESIGN, Identity).
const AVATAR_LINK = '.h-card a[itemprop="image"][href]';
const AVATAR_ID = /^\/u\/(\d+)$/;
// ?tab=following rows: avatar and name links with hovercards (profile HTML, 2024).
const LIST_ROW = '.d-table';
const USER_LINK = 'a[data-hovercard-type="user"][href]';

/** The login a follow or unfollow form acts on (`/users/follow?target=octo-cat`). */
function formTarget(form: Element): string | null {
  const action = URL.parse(form.getAttribute('action') ?? '', 'https://github.com/');
  return action?.searchParams.get('target')?.toLowerCase() ?? null;
}

/** The login a user link (`/octo-cat`, `https://github.com/octo-cat`) points to, or null. */
function linkHandle(href: string | null): string | null {
  const url = href ? URL.parse(href, 'https://github.com/') : null;
  return url ? github.handleFromUrl(url) : null;
}

/** The login the profile's vcard shows (its first text node, so the pronouns beside it do not count), or null. */
function shownLogin(doc: Document): string | null {
  const line = doc.querySelector(VCARD_USERNAME);
  return line ? (textTokens(line)[0]?.toLowerCase() ?? null) : null;
}

/** GitHub's numeric id of the profile on the page, from its avatar link. */
function avatarId(doc: Document): string | undefined {
  const href = doc.querySelector(AVATAR_LINK)?.getAttribute('href');
  const url = href ? URL.parse(href) : null;
  return url?.hostname === 'avatars.githubusercontent.com' ? url.pathname.match(AVATAR_ID)?.[1] : undefined;
}

function visibleForm(doc: Document, selector: string, handle: string): Element | undefined {
  return [...doc.querySelectorAll(selector)].find((form) => formTarget(form) === handle && !isHidden(form));
}

function readProfile(doc: Document, handle: string): ProfileReading {
  const shown = shownLogin(doc);
  const forms = [...doc.querySelectorAll(`${FOLLOW_FORM}, ${UNFOLLOW_FORM}`)].filter(
    (f) => formTarget(f) === handle,
  );
  // The page must show this login (its vcard, else its own follow forms): not another profile, not a skeleton.
  if (shown ? shown !== handle : forms.length === 0)
    return { state: 'unknown', reason: 'loading', anchor: null };
  const anchor = doc.querySelector(VCARD_NAMES);
  const stableId = shown ? avatarId(doc) : undefined;
  const read = (reading: ProfileReading): ProfileReading => (stableId ? { ...reading, stableId } : reading);
  const me = doc.querySelector(USER_LOGIN)?.getAttribute('content')?.trim().toLowerCase();
  // Signed out the login meta is empty (or gone) and Follow is a link to the sign-in page, not a form.
  if (!me || (forms.length === 0 && doc.querySelector(SIGN_IN_LINK)))
    return read({ state: 'unknown', reason: 'signed-out', anchor });
  if (me === handle) return read({ state: 'self', anchor });
  if (visibleForm(doc, UNFOLLOW_FORM, handle)) return read({ state: 'following', anchor });
  const control = visibleForm(doc, FOLLOW_FORM, handle)?.querySelector<HTMLElement>(SUBMIT);
  if (control) return read({ state: 'not-following', followControl: control, anchor });
  return read({ state: 'unknown', reason: 'layout', anchor });
}

export const github: SiteAdapter = {
  id: 'github',
  name: 'GitHub',
  hosts: HOSTS,
  handleFromUrl(url) {
    if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return null;
    const [login, ...rest] = url.pathname.split('/').filter(Boolean);
    if (!login || rest.length > 0) return null;
    const tab = url.searchParams.get('tab');
    if (tab !== null && !PROFILE_TABS.has(tab.toLowerCase())) return null;
    return handleFromText(login);
  },
  handleFromText,
  profileUrl: (handle) => `https://github.com/${handle}`,
  followingListUrl: (handle) => `https://github.com/${handle}?tab=following`,
  followingListOwner(url) {
    if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return null;
    const [login, ...rest] = url.pathname.split('/').filter(Boolean);
    if (!login || rest.length > 0 || url.searchParams.get('tab')?.toLowerCase() !== 'following') return null;
    return handleFromText(login);
  },
};

export const githubPage: PageReader = {
  readProfile,
  readsStableId: true,
  readFollowingList(doc) {
    const handles = new Set<string>();
    for (const row of doc.querySelectorAll(LIST_ROW)) {
      // The first user link is the avatar; a bio may mention other people.
      const handle = linkHandle(row.querySelector(USER_LINK)?.getAttribute('href') ?? null);
      if (handle) handles.add(handle);
    }
    return [...handles];
  },
};
