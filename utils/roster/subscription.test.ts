import { describe, expect, it, vi } from 'vitest';
import { fetchRosterText, rosterAddress, rosterFileName, rosterHost } from './subscription';
import { ROSTER_LIMITS, RosterFileError } from './types';

const URL_OF_ROSTER = 'https://raw.example.org/team/roster/main/roster.csv';
const CSV = 'name,x\nAda Quill,adaquill\n';

/** A fetch that answers `body` with these headers, as if served from `landedAt`. */
function fakeFetch(
  body: BodyInit | null,
  init: ResponseInit & { landedAt?: string } = {},
): typeof globalThis.fetch & { calls: [string, RequestInit | undefined][] } {
  const calls: [string, RequestInit | undefined][] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, options?: RequestInit) => {
    calls.push([String(input), options]);
    const response = new Response(body, {
      status: init.status ?? 200,
      statusText: init.statusText,
      headers: init.headers ?? { 'content-type': 'text/plain; charset=utf-8' },
    });
    Object.defineProperty(response, 'url', { value: init.landedAt ?? String(input) });
    return response;
  });
  return Object.assign(fetch, { calls }) as never;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(RosterFileError);
  return (error as Error).message;
}

describe('rosterAddress', () => {
  it('takes an https address and asks for that one host', () => {
    expect(rosterAddress(`  ${URL_OF_ROSTER}#top `)).toEqual({
      url: URL_OF_ROSTER,
      host: 'raw.example.org',
      pattern: 'https://raw.example.org/*',
    });
    expect(rosterHost(URL_OF_ROSTER)).toBe('raw.example.org');
    expect(rosterHost(undefined)).toBeNull();
  });

  it.each([
    ['', 'Enter the https address'],
    ['roster.csv', 'is not a web address'],
    ['http://example.org/roster.csv', 'must start with https://'],
    ['ftp://example.org/roster.csv', 'must start with https://'],
    ['https://me:secret@example.org/roster.csv', 'user name and password'],
    ['https://intranet/roster.csv', 'not a host'],
  ])('refuses %j', (input, why) => {
    const answer = rosterAddress(input);
    expect('error' in answer && answer.error).toContain(why);
  });

  it('names the file from the address', () => {
    expect(rosterFileName('https://example.org/team/Our%20team.json?token=1')).toBe('Our team.json');
    expect(rosterFileName('https://example.org/')).toBe('example.org');
  });
});

describe('fetchRosterText', () => {
  it('fetches the file without caching and decodes it as a file import does', async () => {
    const fetch = fakeFetch(CSV);
    expect(await fetchRosterText(URL_OF_ROSTER, fetch)).toEqual({
      text: CSV,
      encoding: 'UTF-8',
      fileName: 'roster.csv',
    });
    expect(fetch.calls[0]?.[0]).toBe(URL_OF_ROSTER);
    expect(fetch.calls[0]?.[1]).toMatchObject({ cache: 'no-store', redirect: 'follow' });
  });

  it('reads Windows-1252 bytes as the file import does', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('name,x\nJos'),
      0xe9,
      ...new TextEncoder().encode(',jose\n'),
    ]);
    const fetch = fakeFetch(bytes, { headers: { 'content-type': 'text/csv' } });
    expect(await fetchRosterText(URL_OF_ROSTER, fetch)).toMatchObject({
      text: 'name,x\nJosé,jose\n',
      encoding: 'Windows-1252',
    });
  });

  it.each([
    ['application/json', '{"version":1,"members":[]}'],
    ['text/tab-separated-values', 'name\tx\nAda\tada\n'],
    ['application/octet-stream', CSV],
    ['', CSV],
  ])('takes a file served as %j', async (type, body) => {
    const fetch = fakeFetch(body, { headers: type ? { 'content-type': type } : {} });
    expect((await fetchRosterText(URL_OF_ROSTER, fetch)).text).toBe(body);
  });

  it.each([
    [404, 'Not Found', 'raw.example.org answered 404 Not Found'],
    [500, '', 'raw.example.org answered 500 for'],
    [302, 'Found', 'answered 302'],
  ])('refuses a %i answer', async (status, statusText, why) => {
    const message = await refusal(fetchRosterText(URL_OF_ROSTER, fakeFetch('nope', { status, statusText })));
    expect(message).toContain(why);
  });

  it('refuses a web page, naming the raw file as the way out', async () => {
    const fetch = fakeFetch('<!doctype html><title>Sign in</title>', {
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
    expect(await refusal(fetchRosterText(URL_OF_ROSTER, fetch))).toContain('a web page, not a roster file');
  });

  it.each(['image/png', 'application/pdf', 'application/zip'])('refuses %s', async (type) => {
    const fetch = fakeFetch('x', { headers: { 'content-type': type } });
    expect(await refusal(fetchRosterText(URL_OF_ROSTER, fetch))).toContain(`answered with ${type}`);
  });

  it('refuses binary bytes served as text, as the file import does', async () => {
    const fetch = fakeFetch(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    expect(await refusal(fetchRosterText(URL_OF_ROSTER, fetch))).toContain('not a text file');
  });

  it('refuses a redirect to another host, and names both', async () => {
    const fetch = fakeFetch(CSV, { landedAt: 'https://elsewhere.example.net/roster.csv' });
    const message = await refusal(fetchRosterText(URL_OF_ROSTER, fetch));
    expect(message).toContain('raw.example.org sent the roster on to elsewhere.example.net');
  });

  it('follows a redirect within the same host', async () => {
    const fetch = fakeFetch(CSV, { landedAt: 'https://raw.example.org/team/roster/v2/roster.csv' });
    expect((await fetchRosterText(URL_OF_ROSTER, fetch)).text).toBe(CSV);
  });

  it('refuses a file over the limit from its announced length, before reading it', async () => {
    const fetch = fakeFetch(CSV, {
      headers: { 'content-type': 'text/csv', 'content-length': String(ROSTER_LIMITS.maxBytes + 1) },
    });
    expect(await refusal(fetchRosterText(URL_OF_ROSTER, fetch))).toContain('larger than the limit of 5 MB');
  });

  it('stops reading a body that passes the limit without announcing its length', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        // Never ends on its own: only the limit stops it.
        controller.enqueue(chunk);
      },
    });
    const message = await refusal(fetchRosterText(URL_OF_ROSTER, fakeFetch(stream)));
    expect(message).toContain('larger than the limit');
    expect(sent).toBeLessThan(10);
  });

  it('says the host could not be reached when the request fails', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await refusal(fetchRosterText(URL_OF_ROSTER, fetch))).toContain('Could not reach raw.example.org');
  });

  it('refuses an address that is not https before any request', async () => {
    const fetch = fakeFetch(CSV);
    await refusal(fetchRosterText('http://raw.example.org/roster.csv', fetch));
    expect(fetch).not.toHaveBeenCalled();
  });
});
