import { normalizeHandle, type SiteId, sites } from './index';

// The one rule for which handles TeamFollow stores, whoever asks (a roster file, the member editor): normalizeHandle
// reads what a person typed; this refuses what it lets through that no site can have.

// Hosts of the other networks: `a@x.com` is no Mastodon account (the adapter lets any instance through when typed).
const OTHER_NETWORK_HOSTS = new Set(
  sites.filter((site) => site.id !== 'mastodon').flatMap((site) => site.hosts),
);
const HOST_PREFIX = /^(?:www|mobile|m)\./;

/** A Mastodon address whose instance is the host of another network (`a@x.com`, `a@www.instagram.com`). */
function onOtherNetworkHost(address: string): boolean {
  const host = address.slice(address.lastIndexOf('@') + 1);
  return OTHER_NETWORK_HOSTS.has(host) || OTHER_NETWORK_HOSTS.has(host.replace(HOST_PREFIX, ''));
}

/**
 * Whether a canonical handle is one the site can have and stays the same when read again: no handle of dots only,
 * no Mastodon account on another network's host, and normalising it again gives it back.
 */
export function isStorable(site: SiteId, handle: string): boolean {
  if (/^\.+$/.test(handle)) return false;
  if (site === 'mastodon' && onOtherNetworkHost(handle)) return false;
  return normalizeHandle(site, handle) === handle;
}

/** The canonical handle of `token` on `site` when it is one TeamFollow may store, else null. */
export function storableHandle(site: SiteId, token: string): string | null {
  const handle = normalizeHandle(site, token);
  return handle !== null && isStorable(site, handle) ? handle : null;
}

/** Whether `token` reads as a handle of `site` yet is refused for its host (`a@x.com`). */
export function refusedForHost(site: SiteId, token: string): boolean {
  const handle = site === 'mastodon' ? normalizeHandle(site, token) : null;
  return handle !== null && onOtherNetworkHost(handle);
}
