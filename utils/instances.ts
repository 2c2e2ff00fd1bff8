import { API_HOST_PATTERNS } from './api/networks';
import { normalizeHandle, siteHostPatterns } from './sites/index';

// Mastodon runs on any host. Instances beyond the built-in list are added by the user: the options page asks for
// the host permission from the click, and the granted permissions are the one list of added instances. Hosts that
// TeamFollow holds for other reasons (the sites, the networks' APIs) are never instances.

const NOT_INSTANCES = new Set([...siteHostPatterns(), ...API_HOST_PATTERNS]);

/** A Mastodon instance host from a host, an address or a handle: lowercase, punycode, validated; null otherwise. */
export function instanceHost(input: string): string | null {
  const host = input
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/.*$/, '')
    .replace(/^.*@/, '');
  const probe = normalizeHandle('mastodon', `user@${host}`);
  return probe?.startsWith('user@') ? probe.slice('user@'.length) : null;
}

/** The origin pattern to request for an instance, or null when the text is no instance the user could add. */
export function instancePattern(input: string): string | null {
  const host = instanceHost(input);
  if (!host) return null;
  const pattern = `https://${host}/*`;
  return NOT_INSTANCES.has(pattern) ? null : pattern;
}

/**
 * The user-added instances among granted origins: every other origin (sites, APIs, wildcards) left out, and the
 * `notInstances` hosts granted for another reason (a subscribed roster's host).
 */
export function addedInstances(origins: readonly string[], notInstances: readonly string[] = []): string[] {
  return origins
    .filter((origin) => /^https:\/\/[^/*]+\/\*$/.test(origin))
    .map((origin) => origin.slice('https://'.length, -'/*'.length))
    .filter((host) => instancePattern(host) === `https://${host}/*` && !notInstances.includes(host))
    .sort();
}

/** The host of a page's address, as the one Mastodon instance a page there can be on (none when unparsable). */
export function pageInstance(url: string): string[] {
  return URL.canParse(url) ? [new URL(url).hostname] : [];
}
