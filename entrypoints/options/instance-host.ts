import { normalizeHandle } from '../../utils/sites/index';

/** A Mastodon instance host from a host, an address or a handle: lowercase, punycode, validated as a hostname. */
export function instanceHost(input: string): string | null {
  const host = input
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/.*$/, '')
    .replace(/^.*@/, '');
  const probe = normalizeHandle('mastodon', `user@${host}`);
  return probe?.startsWith('user@') ? probe.slice('user@'.length) : null;
}
