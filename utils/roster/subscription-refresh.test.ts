import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listMembers, openTeamDb, type TeamDb } from '../db';
import type { RosterSubscription } from '../settings';
import {
  refreshDue,
  refreshRoster,
  refreshSubscription,
  rosterOnlyHosts,
  withoutLeavers,
} from './subscription-refresh';

const URL_OF_ROSTER = 'https://raw.example.org/team/roster.csv';
const DAY = 24 * 60 * 60_000;
const NOW = 1_700_000_000_000;

let db: TeamDb;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openTeamDb('subscription-test');
});
afterEach(() => db.close());

const serving = (body: string, status = 200) =>
  (async () =>
    new Response(body, { status, headers: { 'content-type': 'text/csv' } })) as typeof globalThis.fetch;

const deps = (fetch: typeof globalThis.fetch) => ({ db: async () => db, fetch, now: () => NOW });

describe('refreshRoster', () => {
  it('imports through the same path as a file, with joiners and leavers, and removes nobody', async () => {
    const first = await refreshRoster(URL_OF_ROSTER, deps(serving('name,x\nAda,ada\nBo,bo\nCy,cy\n')));
    expect(first).toMatchObject({ ok: true, at: NOW, fileName: 'roster.csv', summary: { imported: 3 } });
    const second = await refreshRoster(URL_OF_ROSTER, deps(serving('name,x\nAda,ada\nDee,dee\n')));
    expect(second.ok && second.summary.joiners).toEqual(['Dee']);
    expect(second.ok && second.summary.leavers?.map((leaver) => leaver.name)).toEqual(['Bo', 'Cy']);
    expect((await listMembers(db)).map((member) => member.name).sort()).toEqual(['Ada', 'Bo', 'Cy', 'Dee']);
  });

  it('answers why, and writes nothing, when the server fails', async () => {
    const result = await refreshRoster(URL_OF_ROSTER, deps(serving('gone', 404)));
    expect(result).toEqual({
      ok: false,
      at: NOW,
      message: 'raw.example.org answered 404 for the roster file.',
    });
    expect(await listMembers(db)).toEqual([]);
  });

  it('answers why when the file is no roster', async () => {
    const result = await refreshRoster(URL_OF_ROSTER, deps(serving('email\nada@example.com\n')));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/name/i);
  });

  it('keeps the first problems of a long list, and their whole count', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `P${i},not a handle!`).join('\n');
    const result = await refreshRoster(URL_OF_ROSTER, deps(serving(`name,x\n${rows}\n`)));
    expect(result.ok && result.summary.rejected).toBe(300);
    expect(result.ok && result.summary.problems).toHaveLength(100);
  });
});

describe('refreshSubscription', () => {
  function store(initial: RosterSubscription | null) {
    const state = { value: initial };
    return {
      state,
      load: async () => state.value,
      save: async (s: RosterSubscription) => {
        state.value = s;
      },
    };
  }

  it('keeps how the refresh ended beside the subscription', async () => {
    const kept = store({ url: URL_OF_ROSTER, ownPermission: true, managed: true });
    const last = await refreshSubscription({ ...deps(serving('name\nAda\n')), ...kept });
    expect(last?.ok).toBe(true);
    expect(kept.state.value).toEqual({ url: URL_OF_ROSTER, ownPermission: true, managed: true, last });
  });

  it('does nothing without a subscription', async () => {
    expect(await refreshSubscription({ ...deps(serving('name\nAda\n')), ...store(null) })).toBeNull();
    expect(await listMembers(db)).toEqual([]);
  });

  it('drops the answer for an address unsubscribed while it was on its way', async () => {
    const kept = store({ url: URL_OF_ROSTER, ownPermission: true });
    const fetch = (async () => {
      kept.state.value = null;
      return new Response('name\nAda\n', { headers: { 'content-type': 'text/csv' } });
    }) as typeof globalThis.fetch;
    expect(await refreshSubscription({ ...deps(fetch), ...kept })).toBeNull();
    expect(kept.state.value).toBeNull();
  });
});

describe('refreshDue', () => {
  const subscription = (at?: number): RosterSubscription => ({
    url: URL_OF_ROSTER,
    ownPermission: true,
    ...(at === undefined ? {} : { last: { at, ok: false, message: '' } }),
  });
  it.each([
    ['no subscription', null, false],
    ['never refreshed', subscription(), true],
    ['refreshed an hour ago', subscription(NOW - 60 * 60_000), false],
    ['refreshed a day ago', subscription(NOW - DAY), true],
  ])('%s → %s', (_label, value, due) => {
    expect(refreshDue(value, NOW)).toBe(due);
  });
});

describe('rosterOnlyHosts', () => {
  it('leaves out the roster host when the permission was asked for it, or the organisation set it', () => {
    expect(rosterOnlyHosts({ url: URL_OF_ROSTER, ownPermission: true })).toEqual(['raw.example.org']);
    expect(rosterOnlyHosts({ url: URL_OF_ROSTER, ownPermission: false, managed: true })).toEqual([
      'raw.example.org',
    ]);
  });
  it('keeps a host the user had added as a Mastodon instance before subscribing', () => {
    expect(rosterOnlyHosts({ url: 'https://social.example/roster.csv', ownPermission: false })).toEqual([]);
    expect(rosterOnlyHosts(null)).toEqual([]);
  });
});

it('forgets the leavers of the last summary once the user removed them', () => {
  const summary = {
    imported: 1,
    added: 0,
    merged: 1,
    rejected: 0,
    problems: [],
    leavers: [{ id: 'b', name: 'Bo' }],
  };
  const sub: RosterSubscription = {
    url: URL_OF_ROSTER,
    ownPermission: true,
    last: { at: NOW, ok: true, fileName: 'roster.csv', summary },
  };
  const after = withoutLeavers(sub);
  expect(after.last?.ok && after.last.summary.leavers).toEqual([]);
  expect(sub.last?.ok && sub.last.summary.leavers).toHaveLength(1);
});
