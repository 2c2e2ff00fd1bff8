import { describe, expect, it } from 'vitest';
import { createBlueskyApi } from './bluesky';
import { ApiError, RateLimitError } from './http';
import authRequired from './recorded/bluesky/authRequired.json';
import createRecord from './recorded/bluesky/createRecord.json';
import createSession from './recorded/bluesky/createSession.json';
import expiredToken from './recorded/bluesky/expiredToken.json';
import getProfiles from './recorded/bluesky/getProfiles.json';
import getRelationships from './recorded/bluesky/getRelationships.json';
import rateLimited from './recorded/bluesky/rateLimited.json';
import resolveHandle from './recorded/bluesky/resolveHandle.json';
import { type Exchange, replay } from './recorded/replay';

const APPVIEW = 'https://public.api.bsky.app/xrpc';
const PDS = 'https://morel.us-east.host.bsky.network/xrpc';
const ENTRYWAY = 'https://bsky.social/xrpc';
const NOW = Date.parse('2025-03-01T12:00:00.000Z');

const ALICE = 'did:plc:ujzdegxdncf32epf3dhodzdo';
const BOB = 'did:plc:cis2jhtlgmxgedn73u55xtpl';
const CAROL = 'did:plc:pft7v4seh2kvj72ceuvw75ef';
const DAVE = 'did:plc:r6edt4sywb5wkh7dnsipzz7f';
const ERIN = 'did:plc:k4zri3r2wyojfljooa7lqsaj';
const GONE = 'did:plc:2xuid5zzzzg6zdmen4khvdga';

const enc = encodeURIComponent;
const query = (key: string, values: readonly string[]) =>
  values.map((value) => `${key}=${enc(value)}`).join('&');
const resolveOwn: Exchange = {
  method: 'GET',
  url: `${APPVIEW}/com.atproto.identity.resolveHandle?handle=alice.bsky.social`,
  body: resolveHandle,
};
const profilesOf = (handles: string[], profiles: unknown[]): Exchange => ({
  method: 'GET',
  url: `${APPVIEW}/app.bsky.actor.getProfiles?${query('actors', handles)}`,
  body: { profiles },
});
const relationshipsOf = (actor: string, others: string[], relationships: unknown[]): Exchange => ({
  method: 'GET',
  url: `${APPVIEW}/app.bsky.graph.getRelationships?actor=${enc(actor)}&${query('others', others)}`,
  body: { actor, relationships },
});
const profile = (handle: string) => getProfiles.profiles.find((found) => found.handle === handle);
const relationship = (did: string) => getRelationships.relationships.find((found) => found.did === did);
const login: Exchange = {
  method: 'POST',
  url: `${ENTRYWAY}/com.atproto.server.createSession`,
  body: createSession,
};
const follow = (status = 200, body: unknown = createRecord): Exchange => ({
  method: 'POST',
  url: `${PDS}/com.atproto.repo.createRecord`,
  status,
  body,
});

function client(script: Exchange[], appPassword?: string) {
  const fake = replay(script);
  const api = createBlueskyApi({
    handle: 'alice.bsky.social',
    appPassword,
    fetch: fake.fetch,
    now: () => NOW,
  });
  return { api, ...fake };
}

describe('Bluesky check', () => {
  it('maps following, not following, follows you, self and not found, in three public requests', async () => {
    const handles = [
      'bob.bsky.social',
      'carol.example.com',
      'dave.bsky.social',
      'alice.bsky.social',
      'ghost.bsky.social',
      ERIN,
      GONE,
    ];
    const { api, requests, expected, sent } = client([
      resolveOwn,
      {
        method: 'GET',
        url: `${APPVIEW}/app.bsky.actor.getProfiles?${query('actors', handles.slice(0, 5))}`,
        body: getProfiles,
      },
      {
        method: 'GET',
        url: `${APPVIEW}/app.bsky.graph.getRelationships?actor=${enc(ALICE)}&${query('others', [BOB, CAROL, DAVE, ERIN, GONE])}`,
        body: getRelationships,
      },
    ]);

    const result = await api.check(handles);

    expect(requests()).toEqual(expected());
    expect(sent.every((request) => !request.headers.has('authorization'))).toBe(true);
    expect(Object.fromEntries(result)).toEqual({
      'bob.bsky.social': { state: 'following', followsYou: true },
      'carol.example.com': { state: 'not-following', followsYou: false },
      'dave.bsky.social': { state: 'not-following', followsYou: true },
      'alice.bsky.social': { state: 'self' },
      [ERIN]: { state: 'following', followsYou: false },
    });
    expect(result.has('ghost.bsky.social')).toBe(false);
    expect(result.has(GONE)).toBe(false);
    expect(api.canFollow).toBe(false);
  });

  it('batches 65 handles as 3 getProfiles (25) and 3 getRelationships (30), then reuses the DIDs it learned', async () => {
    // A DID as the user's own handle needs no resolveHandle.
    const handles = Array.from({ length: 65 }, (_, i) => `member${i}.bsky.social`);
    const didOf = (i: number) =>
      `did:plc:${'team'.padEnd(20, 'x')}${String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26))}aa`;
    const profiles = (from: number, to: number) =>
      handles.slice(from, to).map((handle, i) => ({ did: didOf(from + i), handle }));
    const relationships = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => ({
        did: didOf(from + i),
        following: i % 2 ? 'at://x' : undefined,
      }));
    const relationshipCalls = (): Exchange[] =>
      [
        [0, 30],
        [30, 60],
        [60, 65],
      ].map(([from = 0, to = 0]) =>
        relationshipsOf(
          ALICE,
          Array.from({ length: to - from }, (_, i) => didOf(from + i)),
          relationships(from, to),
        ),
      );
    const fake = replay([
      profilesOf(handles.slice(0, 25), profiles(0, 25)),
      profilesOf(handles.slice(25, 50), profiles(25, 50)),
      profilesOf(handles.slice(50, 65), profiles(50, 65)),
      ...relationshipCalls(),
      ...relationshipCalls(),
    ]);
    const api = createBlueskyApi({ handle: ALICE, fetch: fake.fetch });

    const first = await api.check(handles);
    const second = await api.check(handles);

    expect(fake.requests()).toEqual(fake.expected());
    expect(fake.requests().filter((request) => request.includes('getRelationships'))).toHaveLength(6);
    expect(first.size).toBe(65);
    expect(first.get('member1.bsky.social')).toEqual({ state: 'following', followsYou: false });
    expect(first.get('member64.bsky.social')).toEqual({ state: 'not-following', followsYou: false });
    expect(second).toEqual(first);
  });

  it('refuses a handle that is not canonical, before any request', async () => {
    const { api, sent } = client([]);
    await expect(api.check(['Bob.bsky.social'])).rejects.toMatchObject({ name: 'ApiError', status: 400 });
    await expect(api.check(['https://bsky.app/profile/bob.bsky.social'])).rejects.toBeInstanceOf(ApiError);
    expect(sent).toHaveLength(0);
  });

  it('turns a 429 into RateLimitError at ratelimit-reset', async () => {
    const { api } = client([
      resolveOwn,
      {
        ...profilesOf(['bob.bsky.social'], []),
        status: 429,
        headers: {
          'ratelimit-limit': '3000',
          'ratelimit-remaining': '0',
          'ratelimit-reset': String(NOW / 1000 + 240),
          'ratelimit-policy': '3000;w=300',
        },
        body: rateLimited,
      },
    ]);
    const error = await api.check(['bob.bsky.social']).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAt).toBe(NOW + 240_000);
  });

  it('waits a minute after a 429 without rate-limit headers', async () => {
    const { api } = client([
      resolveOwn,
      { ...profilesOf(['bob.bsky.social'], []), status: 429, body: rateLimited },
    ]);
    await expect(api.check(['bob.bsky.social'])).rejects.toMatchObject({ retryAt: NOW + 60_000 });
  });

  it('rejects an answer that is not JSON, or not the expected shape', async () => {
    const broken = client([
      resolveOwn,
      { ...profilesOf(['bob.bsky.social'], []), body: '<html>Bad gateway' },
    ]);
    await expect(broken.api.check(['bob.bsky.social'])).rejects.toMatchObject({
      name: 'ApiError',
      status: 502,
    });
    const wrong = client([
      resolveOwn,
      { ...profilesOf(['bob.bsky.social'], []), body: { profiles: [{ did: 7 }] } },
    ]);
    await expect(wrong.api.check(['bob.bsky.social'])).rejects.toMatchObject({
      name: 'ApiError',
      status: 502,
    });
  });

  it('says so when the user’s own handle does not resolve', async () => {
    const { api } = client([
      { ...resolveOwn, status: 400, body: { error: 'InvalidRequest', message: 'Unable to resolve handle' } },
    ]);
    await expect(api.check(['bob.bsky.social'])).rejects.toThrow(/alice\.bsky\.social could not be found/);
  });

  it('reports an unreachable AppView as ApiError 0', async () => {
    const api = createBlueskyApi({
      handle: ALICE,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await expect(api.check([BOB])).rejects.toMatchObject({ name: 'ApiError', status: 0 });
  });
});

describe('Bluesky follow', () => {
  const lookCarol = [
    resolveOwn,
    profilesOf(['carol.example.com'], [profile('carol.example.com')]),
    relationshipsOf(ALICE, [CAROL], [relationship(CAROL)]),
  ];

  it('signs in once, writes the follow record on the PDS from the DID document, and reuses the session', async () => {
    const { api, requests, expected, sent } = client(
      [
        ...lookCarol,
        login,
        follow(),
        profilesOf(['dave.bsky.social'], [profile('dave.bsky.social')]),
        relationshipsOf(ALICE, [DAVE], [relationship(DAVE)]),
        follow(),
      ],
      'abcd-efgh-ijkl-mnop',
    );

    expect(api.canFollow).toBe(true);
    expect(await api.follow('carol.example.com')).toEqual({ state: 'following', followsYou: false });
    expect(await api.follow('dave.bsky.social')).toEqual({ state: 'following', followsYou: true });

    expect(requests()).toEqual(expected());
    const [session, record] = sent.filter((request) => request.method === 'POST');
    expect(session?.body).toEqual({ identifier: 'alice.bsky.social', password: 'abcd-efgh-ijkl-mnop' });
    expect(session?.headers.has('authorization')).toBe(false);
    expect(record?.headers.get('authorization')).toBe(`Bearer ${createSession.accessJwt}`);
    expect(record?.body).toEqual({
      repo: ALICE,
      collection: 'app.bsky.graph.follow',
      record: { $type: 'app.bsky.graph.follow', subject: CAROL, createdAt: '2025-03-01T12:00:00.000Z' },
    });
  });

  it('creates no second record for someone already followed', async () => {
    const { api, requests, expected } = client(
      [
        resolveOwn,
        profilesOf(['bob.bsky.social'], [profile('bob.bsky.social')]),
        relationshipsOf(ALICE, [BOB], [relationship(BOB)]),
      ],
      'abcd-efgh-ijkl-mnop',
    );
    expect(await api.follow('bob.bsky.social')).toEqual({ state: 'following', followsYou: true });
    expect(requests()).toEqual(expected());
  });

  it('signs in again once when the session expired', async () => {
    const newSession = { ...createSession, accessJwt: 'eyJ.access-2.sig' };
    const { api, requests, expected, sent } = client(
      [
        ...lookCarol,
        login,
        follow(),
        profilesOf(['dave.bsky.social'], [profile('dave.bsky.social')]),
        relationshipsOf(ALICE, [DAVE], [relationship(DAVE)]),
        follow(400, expiredToken),
        { ...login, body: newSession },
        follow(),
      ],
      'abcd-efgh-ijkl-mnop',
    );
    await api.follow('carol.example.com');
    expect(await api.follow('dave.bsky.social')).toEqual({ state: 'following', followsYou: true });
    expect(requests()).toEqual(expected());
    expect(sent.at(-1)?.headers.get('authorization')).toBe('Bearer eyJ.access-2.sig');
  });

  it('gives up after one new sign-in when the PDS keeps refusing the session', async () => {
    const { api, requests, expected } = client(
      [...lookCarol, login, follow(401, { error: 'InvalidToken' }), login, follow(400, expiredToken)],
      'abcd-efgh-ijkl-mnop',
    );
    await expect(api.follow('carol.example.com')).rejects.toMatchObject({ name: 'ApiError', status: 401 });
    expect(requests()).toEqual(expected());
  });

  it('explains a refused app password', async () => {
    const { api } = client(
      [...lookCarol, { ...login, status: 401, body: authRequired }],
      'wrong-pass-word-here',
    );
    const error = await api.follow('carol.example.com').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).message).toMatch(/app password/);
  });

  it('falls back to the entryway when the session has no PDS in its DID document', async () => {
    const { didDoc: _, ...bare } = createSession;
    const { api, requests, expected } = client(
      [
        ...lookCarol,
        { ...login, body: bare },
        { ...follow(), url: `${ENTRYWAY}/com.atproto.repo.createRecord` },
      ],
      'abcd-efgh-ijkl-mnop',
    );
    await api.follow('carol.example.com');
    expect(requests()).toEqual(expected());
  });

  it('turns a 429 on the write into RateLimitError with retry-after', async () => {
    const { api } = client(
      [...lookCarol, login, { ...follow(429, rateLimited), headers: { 'retry-after': '90' } }],
      'abcd-efgh-ijkl-mnop',
    );
    await expect(api.follow('carol.example.com')).rejects.toMatchObject({
      name: 'RateLimitError',
      retryAt: NOW + 90_000,
    });
  });

  it('refuses without an app password, an unknown account, and answers self without writing', async () => {
    const noPassword = client([]);
    await expect(noPassword.api.follow('carol.example.com')).rejects.toMatchObject({ status: 401 });
    expect(noPassword.sent).toHaveLength(0);

    const unknown = client([resolveOwn, profilesOf(['ghost.bsky.social'], [])], 'abcd-efgh-ijkl-mnop');
    await expect(unknown.api.follow('ghost.bsky.social')).rejects.toMatchObject({ status: 404 });
    expect(unknown.requests()).toEqual(unknown.expected());

    const self = client(
      [resolveOwn, profilesOf(['alice.bsky.social'], [profile('alice.bsky.social')])],
      'pw',
    );
    expect(await self.api.follow('alice.bsky.social')).toEqual({ state: 'self' });
    expect(self.requests()).toEqual(self.expected());
  });
});
