import { describe, expect, it } from 'vitest';
import { ApiError, RateLimitError } from './http';
import { createMastodonApi } from './mastodon';
import followFollowing from './recorded/mastodon/followFollowing.json';
import followRequested from './recorded/mastodon/followRequested.json';
import invalidToken from './recorded/mastodon/invalidToken.json';
import lookupAlice from './recorded/mastodon/lookupAlice.json';
import lookupBob from './recorded/mastodon/lookupBob.json';
import lookupSelf from './recorded/mastodon/lookupSelf.json';
import notAllowed from './recorded/mastodon/notAllowed.json';
import recordNotFound from './recorded/mastodon/recordNotFound.json';
import relationships from './recorded/mastodon/relationships.json';
import remoteUnavailable from './recorded/mastodon/remoteUnavailable.json';
import searchCarol from './recorded/mastodon/searchCarol.json';
import searchEmpty from './recorded/mastodon/searchEmpty.json';
import searchOther from './recorded/mastodon/searchOther.json';
import tooManyRequests from './recorded/mastodon/tooManyRequests.json';
import verifyCredentials from './recorded/mastodon/verifyCredentials.json';
import { type Exchange, replay } from './recorded/replay';

const HOME = 'https://hachyderm.io/api';
const NOW = Date.parse('2025-03-01T12:00:00.000Z');
const TOKEN = 'ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0';

const ALICE = lookupAlice.id;
const BOB = lookupBob.id;
const CAROL = '111902003456789003';

const verify: Exchange = {
  method: 'GET',
  url: `${HOME}/v1/accounts/verify_credentials`,
  body: verifyCredentials,
};
const lookup = (
  acct: string,
  body: unknown = recordNotFound,
  status = body === recordNotFound ? 404 : 200,
): Exchange => ({
  method: 'GET',
  url: `${HOME}/v1/accounts/lookup?acct=${encodeURIComponent(acct)}`,
  status,
  body,
});
const search = (handle: string, body: unknown, status = 200): Exchange => ({
  method: 'GET',
  url: `${HOME}/v2/search?q=${encodeURIComponent(`@${handle}`)}&type=accounts&resolve=true&limit=1`,
  status,
  body,
});
const relationshipsOf = (ids: string[], body: unknown): Exchange => ({
  method: 'GET',
  url: `${HOME}/v1/accounts/relationships?${ids.map((id) => `id[]=${id}`).join('&')}`,
  body,
});
const follow = (id: string, body: unknown, status = 200): Exchange => ({
  method: 'POST',
  url: `${HOME}/v1/accounts/${id}/follow`,
  status,
  body,
});

function client(script: Exchange[], token = TOKEN) {
  const fake = replay(script);
  const api = createMastodonApi({ instance: 'hachyderm.io', token, fetch: fake.fetch, now: () => NOW });
  return { api, ...fake };
}

describe('Mastodon check', () => {
  it('resolves each account on the home instance, then reads relationships in one call', async () => {
    const { api, requests, expected, sent } = client([
      verify,
      lookup('alice', lookupAlice),
      lookup('bob@fosstodon.org', lookupBob),
      lookup('carol@mastodon.social'),
      search('carol@mastodon.social', searchCarol),
      lookup('lead', lookupSelf),
      // A local account the lookup does not know does not exist: no search.
      lookup('ghost'),
      lookup('nobody@example.social'),
      search('nobody@example.social', searchEmpty),
      // A search that finds someone else is not a match.
      lookup('nobody2@other.example'),
      search('nobody2@other.example', searchOther),
      relationshipsOf([ALICE, BOB, CAROL], relationships),
      // The second check knows the ids of the accounts found (misses are asked again: they may appear).
      relationshipsOf([ALICE, BOB, CAROL], relationships),
    ]);
    const handles = [
      'alice@hachyderm.io',
      'bob@fosstodon.org',
      'carol@mastodon.social',
      'lead@hachyderm.io',
      'ghost@hachyderm.io',
      'nobody@example.social',
      'nobody2@other.example',
    ];

    const result = await api.check(handles);
    const again = await api.check(handles.slice(0, 4));

    expect(requests()).toEqual(expected());
    expect(sent.every((request) => request.headers.get('authorization') === `Bearer ${TOKEN}`)).toBe(true);
    expect(Object.fromEntries(result)).toEqual({
      'alice@hachyderm.io': { state: 'following', followsYou: true },
      'bob@fosstodon.org': { state: 'requested', followsYou: false },
      'carol@mastodon.social': { state: 'not-following', followsYou: true },
      'lead@hachyderm.io': { state: 'self' },
    });
    expect(again).toEqual(result);
  });

  it('batches relationships 40 ids a call', async () => {
    const handles = Array.from({ length: 45 }, (_, i) => `member${i}@hachyderm.io`);
    const id = (i: number) => String(110000000000000000n + BigInt(i));
    const related = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => ({ ...followFollowing, id: id(from + i) }));
    const { api, requests, expected } = client([
      verify,
      ...handles.map((handle, i) =>
        lookup(handle.split('@')[0] ?? '', { ...lookupAlice, id: id(i), acct: `member${i}` }),
      ),
      relationshipsOf(
        handles.slice(0, 40).map((_, i) => id(i)),
        related(0, 40),
      ),
      relationshipsOf(
        handles.slice(40).map((_, i) => id(40 + i)),
        related(40, 45),
      ),
    ]);
    const result = await api.check(handles);
    expect(requests()).toEqual(expected());
    expect(result.size).toBe(45);
  });

  it('treats an unreachable remote instance (503 on resolve) as unknown, not as a failed check', async () => {
    const { api, requests, expected } = client([
      verify,
      lookup('dana@down.example'),
      search('dana@down.example', remoteUnavailable, 503),
    ]);
    expect((await api.check(['dana@down.example'])).size).toBe(0);
    expect(requests()).toEqual(expected());
  });

  it('refuses a handle that is not canonical, or an instance that is not a host, before any request', async () => {
    const { api, sent } = client([]);
    await expect(api.check(['Alice@hachyderm.io'])).rejects.toMatchObject({ name: 'ApiError', status: 400 });
    await expect(api.check(['alice'])).rejects.toMatchObject({ status: 400 });
    expect(sent).toHaveLength(0);
    expect(() =>
      createMastodonApi({ instance: 'https://hachyderm.io/', token: TOKEN, fetch: replay([]).fetch }),
    ).toThrow(ApiError);
  });

  it('turns a 429 into RateLimitError at X-RateLimit-Reset (ISO 8601)', async () => {
    const { api } = client([
      {
        ...verify,
        status: 429,
        headers: {
          'X-RateLimit-Limit': '300',
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': '2025-03-01T12:03:20.000Z',
        },
        body: tooManyRequests,
      },
    ]);
    const error = await api.check(['alice@hachyderm.io']).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAt).toBe(NOW + 200_000);
  });

  it('explains a refused token, and refuses to start without one', async () => {
    const { api } = client([{ ...verify, status: 401, body: invalidToken }]);
    await expect(api.check(['alice@hachyderm.io'])).rejects.toMatchObject({
      name: 'ApiError',
      status: 401,
      message: expect.stringMatching(/hachyderm\.io refused the token/),
    });
    const none = client([], '');
    expect(none.api.canFollow).toBe(false);
    await expect(none.api.check(['alice@hachyderm.io'])).rejects.toMatchObject({ status: 401 });
    expect(none.sent).toHaveLength(0);
  });

  it('rejects an answer that is not JSON, or not the expected shape', async () => {
    const broken = client([verify, lookup('alice', lookupAlice), relationshipsOf([ALICE], '[{"id": "1", ')]);
    await expect(broken.api.check(['alice@hachyderm.io'])).rejects.toMatchObject({
      name: 'ApiError',
      status: 502,
    });
    const wrong = client([{ ...verify, body: { id: 42 } }]);
    await expect(wrong.api.check(['alice@hachyderm.io'])).rejects.toMatchObject({
      name: 'ApiError',
      status: 502,
    });
  });
});

describe('Mastodon follow', () => {
  it('follows through the home instance id; a locked account answers requested', async () => {
    const { api, requests, expected, sent } = client([
      lookup('bob@fosstodon.org', lookupBob),
      verify,
      follow(BOB, followRequested),
    ]);
    expect(api.canFollow).toBe(true);
    expect(await api.follow('bob@fosstodon.org')).toEqual({ state: 'requested', followsYou: false });
    expect(requests()).toEqual(expected());
    expect(sent.at(-1)?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('is idempotent: following someone already followed answers following', async () => {
    const { api, requests, expected } = client([
      lookup('alice', lookupAlice),
      verify,
      follow(ALICE, followFollowing),
      follow(ALICE, followFollowing),
    ]);
    expect(await api.follow('alice@hachyderm.io')).toEqual({ state: 'following', followsYou: true });
    expect(await api.follow('alice@hachyderm.io')).toEqual({ state: 'following', followsYou: true });
    expect(requests()).toEqual(expected());
  });

  it('answers self without following, and reports an account it cannot find', async () => {
    const self = client([lookup('lead', lookupSelf), verify]);
    expect(await self.api.follow('lead@hachyderm.io')).toEqual({ state: 'self' });
    expect(self.requests()).toEqual(self.expected());

    const missing = client([lookup('ghost')]);
    await expect(missing.api.follow('ghost@hachyderm.io')).rejects.toMatchObject({ status: 404 });
  });

  it('passes on the instance’s reason when it refuses a follow', async () => {
    const { api } = client([lookup('bob@fosstodon.org', lookupBob), verify, follow(BOB, notAllowed, 403)]);
    await expect(api.follow('bob@fosstodon.org')).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/This action is not allowed/),
    });
  });
});
