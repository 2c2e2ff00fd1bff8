import type { SiteAdapter } from './types';

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

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

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
  const slug = decode(text);
  return slug === null ? null : slugHandle(slug);
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
