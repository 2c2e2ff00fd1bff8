import { decodeRoster, type RosterEncoding } from './decode';
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
  if (!text) return { error: 'Enter the https address of the roster file.' };
  if (!URL.canParse(text)) return { error: `“${text}” is not a web address.` };
  const url = new URL(text);
  if (url.protocol !== 'https:') return { error: 'The address must start with https://.' };
  if (url.username || url.password) return { error: 'Leave the user name and password out of the address.' };
  if (!url.hostname.includes('.')) return { error: `${url.hostname} is not a host TeamFollow can ask for.` };
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

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}

const tooBig = (host: string) =>
  new RosterFileError(
    `The roster at ${host} is larger than the limit of ${megabytes(ROSTER_LIMITS.maxBytes)}. Split it into smaller files.`,
  );

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
    const why =
      error instanceof Error && error.name === 'TimeoutError'
        ? 'it did not answer in time'
        : 'the request failed';
    throw new RosterFileError(`Could not reach ${host}: ${why}. Check the address and your connection.`);
  }
  const landed = response.url && URL.canParse(response.url) ? new URL(response.url) : null;
  if (landed && landed.hostname !== host) {
    throw new RosterFileError(
      `${host} sent the roster on to ${landed.hostname}. TeamFollow reads only from ${host}, the host you allowed: subscribe to the file's address at ${landed.hostname} instead.`,
    );
  }
  if (!response.ok) {
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    throw new RosterFileError(`${host} answered ${status} for the roster file.`);
  }
  const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/html') {
    throw new RosterFileError(
      `${host} answered with a web page, not a roster file. Use the address of the raw file (on GitHub: the “Raw” button).`,
    );
  }
  if (type && !TEXT_TYPES.test(type))
    throw new RosterFileError(`${host} answered with ${type}, not a roster file.`);
  const length = Number(response.headers.get('content-length'));
  if (length > ROSTER_LIMITS.maxBytes) throw tooBig(host);
  const bytes = await readCapped(response, host);
  const fileName = rosterFileName(address.url);
  return { ...decodeRoster(bytes, fileName), fileName };
}
