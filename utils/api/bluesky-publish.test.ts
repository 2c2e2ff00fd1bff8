import { describe, expect, it } from 'vitest';
import { CURATE_LIST, createBlueskyPublisher, parseAtUri } from './bluesky-publish';
import { ApiError, RateLimitError } from './http';
import createList from './recorded/bluesky/createList.json';
import createRecord from './recorded/bluesky/createRecord.json';
import createSession from './recorded/bluesky/createSession.json';
import createStarterPack from './recorded/bluesky/createStarterPack.json';
import expiredToken from './recorded/bluesky/expiredToken.json';
import getListRecord from './recorded/bluesky/getListRecord.json';
import getProfiles from './recorded/bluesky/getProfiles.json';
import listRecordsEnd from './recorded/bluesky/listRecordsEnd.json';
import listRecordsListItems from './recorded/bluesky/listRecordsListItems.json';
import rateLimited from './recorded/bluesky/rateLimited.json';
import recordNotFound from './recorded/bluesky/recordNotFound.json';
import { type Exchange, replay } from './recorded/replay';

const APPVIEW = 'https://public.api.bsky.app/xrpc';
const PDS = 'https://morel.us-east.host.bsky.network/xrpc';
const ENTRYWAY = 'https://bsky.social/xrpc';
const NOW = Date.parse('2025-03-01T12:00:00.000Z');
const ALICE = 'did:plc:ujzdegxdncf32epf3dhodzdo';
const BOB = 'did:plc:cis2jhtlgmxgedn73u55xtpl';
const LIST_URI = createList.uri;
const enc = encodeURIComponent;

const login: Exchange = {
  method: 'POST',
  url: `${ENTRYWAY}/com.atproto.server.createSession`,
  body: createSession,
};
const created = (body: unknown, status = 200): Exchange => ({
  method: 'POST',
  url: `${PDS}/com.atproto.repo.createRecord`,
  status,
  body,
});
const getRecord = (
  collection: string,
  rkey: string,
  status = 200,
  body: unknown = getListRecord,
): Exchange => ({
  method: 'GET',
  url: `${PDS}/com.atproto.repo.getRecord?repo=${enc(ALICE)}&collection=${collection}&rkey=${rkey}`,
  status,
  body,
});
const listRecords = (body: unknown, cursor?: string): Exchange => ({
  method: 'GET',
  url: `${PDS}/com.atproto.repo.listRecords?repo=${enc(ALICE)}&collection=app.bsky.graph.listitem&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
  body,
});

function client(script: Exchange[]) {
  const fake = replay(script);
  const api = createBlueskyPublisher({
    handle: 'alice.bsky.social',
    appPassword: 'abcd-efgh-ijkl-mnop',
    fetch: fake.fetch,
    now: () => NOW,
  });
  return { api, ...fake };
}

describe('Bluesky publishing client', () => {
  it('creates a curate list, a listitem and a starter pack on the PDS with the session', async () => {
    const { api, requests, expected, sent } = client([
      login,
      created(createList),
      created(createRecord),
      created(createStarterPack),
    ]);
    expect(await api.createList({ name: 'Platform team', description: 'The people of Platform' })).toBe(
      LIST_URI,
    );
    expect(await api.addItem(LIST_URI, BOB)).toBe(createRecord.uri);
    expect(await api.createStarterPack(LIST_URI, { name: 'Platform' })).toBe(createStarterPack.uri);
    expect(requests()).toEqual(expected());
    expect(sent.slice(1).map((request) => request.headers.get('authorization'))).toEqual(
      Array(3).fill(`Bearer ${createSession.accessJwt}`),
    );
    expect(sent.slice(1).map((request) => request.body)).toEqual([
      {
        repo: ALICE,
        collection: 'app.bsky.graph.list',
        record: {
          $type: 'app.bsky.graph.list',
          purpose: CURATE_LIST,
          name: 'Platform team',
          description: 'The people of Platform',
          createdAt: '2025-03-01T12:00:00.000Z',
        },
      },
      {
        repo: ALICE,
        collection: 'app.bsky.graph.listitem',
        record: {
          $type: 'app.bsky.graph.listitem',
          subject: BOB,
          list: LIST_URI,
          createdAt: '2025-03-01T12:00:00.000Z',
        },
      },
      {
        repo: ALICE,
        collection: 'app.bsky.graph.starterpack',
        record: {
          $type: 'app.bsky.graph.starterpack',
          name: 'Platform',
          list: LIST_URI,
          createdAt: '2025-03-01T12:00:00.000Z',
        },
      },
    ]);
  });

  it('reads the list back, and answers null for a deleted list or one of another account', async () => {
    const rkey = '3lkqvbxmwcp2a';
    const { api, requests, expected } = client([
      login,
      getRecord('app.bsky.graph.list', rkey),
      getRecord('app.bsky.graph.list', rkey, 400, recordNotFound),
    ]);
    expect(await api.getList(LIST_URI)).toEqual({
      name: 'Platform team',
      description: 'The people of Platform',
    });
    expect(await api.getList(LIST_URI)).toBeNull();
    expect(await api.getList(`at://${BOB}/app.bsky.graph.list/${rkey}`)).toBeNull();
    expect(await api.getList('not a uri')).toBeNull();
    expect(requests()).toEqual(expected());
  });

  it("pages through the user's listitems and keeps those of this list only", async () => {
    const { api, requests, expected } = client([
      login,
      listRecords(listRecordsListItems),
      listRecords(listRecordsEnd, listRecordsListItems.cursor),
    ]);
    expect(Object.fromEntries(await api.listItems(LIST_URI))).toEqual({
      [BOB]: listRecordsListItems.records[0]?.uri,
    });
    expect(requests()).toEqual(expected());
  });

  it('renames a list with putRecord, keeping its purpose and creation time', async () => {
    const rkey = '3lkqvbxmwcp2a';
    const { api, requests, expected, sent } = client([
      login,
      getRecord('app.bsky.graph.list', rkey),
      { method: 'POST', url: `${PDS}/com.atproto.repo.putRecord`, body: createList },
    ]);
    await api.updateList(LIST_URI, { name: 'Platform' });
    expect(requests()).toEqual(expected());
    expect(sent.at(-1)?.body).toEqual({
      repo: ALICE,
      collection: 'app.bsky.graph.list',
      rkey,
      record: {
        $type: 'app.bsky.graph.list',
        purpose: CURATE_LIST,
        name: 'Platform',
        createdAt: '2025-03-01T12:00:00.000Z',
      },
    });
  });

  it('learns DIDs from the public AppView, a DID standing for itself, unknown handles left out', async () => {
    const { api, requests, expected, sent } = client([
      {
        method: 'GET',
        url: `${APPVIEW}/app.bsky.actor.getProfiles?actors=bob.bsky.social&actors=ghost.bsky.social`,
        body: getProfiles,
      },
    ]);
    expect(Object.fromEntries(await api.resolve(['bob.bsky.social', 'ghost.bsky.social', ALICE]))).toEqual({
      'bob.bsky.social': BOB,
      [ALICE]: ALICE,
    });
    expect(requests()).toEqual(expected());
    expect(sent[0]?.headers.has('authorization')).toBe(false);
  });

  it('signs in again once when the session expired, and says when Bluesky slows it down', async () => {
    const { api, requests, expected } = client([
      login,
      created(expiredToken, 400),
      login,
      created(createRecord),
      { ...created(rateLimited, 429), headers: { 'ratelimit-reset': String(NOW / 1000 + 300) } },
    ]);
    expect(await api.addItem(LIST_URI, BOB)).toBe(createRecord.uri);
    const limited = await api.addItem(LIST_URI, BOB).catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(RateLimitError);
    expect((limited as RateLimitError).retryAt).toBe(NOW + 300_000);
    expect(requests()).toEqual(expected());
  });

  it('refuses a wrong app password in words', async () => {
    const { api } = client([{ ...login, status: 401, body: { error: 'AuthenticationRequired' } }]);
    const error = await api.createList({ name: 'Team' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toMatch(/app password/);
  });
});

describe('parseAtUri', () => {
  it.each([
    [LIST_URI, { repo: ALICE, collection: 'app.bsky.graph.list', rkey: '3lkqvbxmwcp2a' }],
    ['at://alice.bsky.social/app.bsky.graph.list/x', null],
    ['https://bsky.app/profile/alice', null],
  ])('reads %s', (uri, parts) => {
    expect(parseAtUri(uri)).toEqual(parts);
  });
});
