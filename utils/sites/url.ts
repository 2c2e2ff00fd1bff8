import type { ParseOptions, SiteAdapter } from './types';

// URL checks shared by the registry and by a content script that carries only its own site's adapter.

/** An https URL without port or credentials (`https://x.com@evil.example/` is evil.example's), or null. */
export function toHttpsUrl(input: string): URL | null {
  try {
    const url = new URL(input.trim());
    return url.protocol === 'https:' && url.port === '' && !url.username && !url.password ? url : null;
  } catch {
    return null;
  }
}

/** The handle of the profile this URL shows on the adapter's site, or null. */
export function profileOn(adapter: SiteAdapter, url: string, options?: ParseOptions): string | null {
  const parsed = toHttpsUrl(url);
  return parsed ? adapter.handleFromUrl(parsed, options) : null;
}

/** The handle whose following list this URL shows on the adapter's site, or null. */
export function followingListOn(adapter: SiteAdapter, url: string, options?: ParseOptions): string | null {
  const parsed = toHttpsUrl(url);
  return parsed ? (adapter.followingListOwner?.(parsed, options) ?? null) : null;
}

/** Content-script match patterns for the adapter's fixed hosts. */
export function hostPatterns(adapter: SiteAdapter): string[] {
  return adapter.hosts.map((host) => `https://${host}/*`);
}
