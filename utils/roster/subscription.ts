import { t } from '../i18n/index';
import { decodeRoster, type RosterEncoding } from './decode';
import { sizeLimitText } from './limits';
import { ROSTER_LIMITS, RosterFileError } from './types';

// A roster kept at an https address (a file in a team repository): the address checked, then the file fetched with
// the fetch handed in, within the import's size limit and from that one host only.

/** A roster address the user may subscribe to, and the one host permission it needs. */
export interface RosterAddress {
  url: string;
  host: string;
  /** The origin pattern to request: that host only. */
  pattern: string;
}

/** Checks a typed roster address: https, no credentials in it, a host name. Answers why not otherwise. */
export function rosterAddress(input: string): RosterAddress | { error: string } {
  const text = input.trim();
  if (!text) return { error: t('roster_address_empty') };
  if (!URL.canParse(text)) return { error: t('roster_address_notWeb', { text }) };
  const url = new URL(text);
  if (url.protocol !== 'https:') return { error: t('roster_address_notHttps') };
  if (url.username || url.password) return { error: t('roster_address_credentials') };
  if (!url.hostname.includes('.')) return { error: t('roster_address_badHost', { host: url.hostname }) };
  url.hash = '';
  return { url: url.href, host: url.hostname, pattern: `https://${url.hostname}/*` };
}

/** The host of a subscribed roster address, or null when the address is not one. */
export function rosterHost(url: string | undefined): string | null {
  if (!url) return null;
  const address = rosterAddress(url);
  return 'host' in address ? address.host : null;
}

// Types a roster file may be served as; servers label CSV and TSV many ways, and the decoder refuses binaries anyway.
const TEXT_TYPES = /^(text\/(?!html)[\w.+-]+|application\/(json|csv|[\w.+-]*\+json|octet-stream))$/;
const TIMEOUT_MS = 30_000;

const tooBig = (host: string) =>
  new RosterFileError(t('roster_fetch_tooBig', { host, limit: sizeLimitText() }));

/** Reads the body, stopping as soon as it passes the limit (a server may send no length, or a wrong one). */
async function readCapped(response: Response, host: string): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > ROSTER_LIMITS.maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooBig(host);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** The file name at the end of the address, for the summary and the import's messages. */
export function rosterFileName(url: string): string {
  const path = new URL(url).pathname;
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last) || new URL(url).hostname;
  } catch {
    return last;
  }
}

/**
 * Fetches the roster file at `url` and decodes it as the file import does. Throws RosterFileError, with words a lead
 * understands, when the server fails, answers with something that is not a roster file, sends more than the import
 * limit, or redirects to another host.
 */
export async function fetchRosterText(
  url: string,
  fetch: typeof globalThis.fetch,
): Promise<{ text: string; encoding: RosterEncoding; fileName: string }> {
  const address = rosterAddress(url);
  if ('error' in address) throw new RosterFileError(address.error);
  const { host } = address;
  let response: Response;
  try {
    // With the user's cookies for that host, as when they open the file in a tab (an intranet behind sign-in).
    response = await fetch(address.url, {
      credentials: 'include',
      cache: 'no-store',
      redirect: 'follow',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new RosterFileError(t(timedOut ? 'roster_fetch_timeout' : 'roster_fetch_failed', { host }));
  }
  const landed = response.url && URL.canParse(response.url) ? new URL(response.url) : null;
  if (landed && landed.hostname !== host) {
    throw new RosterFileError(t('roster_fetch_redirected', { host, other: landed.hostname }));
  }
  if (!response.ok) {
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    throw new RosterFileError(t('roster_fetch_status', { host, status }));
  }
  const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/html') {
    throw new RosterFileError(t('roster_fetch_webPage', { host }));
  }
  if (type && !TEXT_TYPES.test(type)) throw new RosterFileError(t('roster_fetch_type', { host, type }));
  const length = Number(response.headers.get('content-length'));
  if (length > ROSTER_LIMITS.maxBytes) throw tooBig(host);
  const bytes = await readCapped(response, host);
  const fileName = rosterFileName(address.url);
  return { ...decodeRoster(bytes, fileName), fileName };
}
