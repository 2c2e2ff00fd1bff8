import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type FollowApi, RateLimitError, type Relationship } from '../api/http';
import { getFollow, openTeamDb, putFollow, putMember, type TeamDb } from '../db';
import type { BulkRun } from '../settings';
import { BulkRunner } from './bulk';

let db: TeamDb;
let runs: Record<string, BulkRun>;
let clock: number;
let sleeps: number[];
let followed: string[];
let script: ((handle: string) => Relationship | Error)[];

const api: FollowApi = {
  site: 'bluesky',
  canFollow: true,
  async check(handles) {
    return new Map(
      handles.filter((h) => !h.startsWith('gone')).map((h) => [h, { state: 'not-following' as const }]),
    );
  },
  async follow(handle) {
    const next = script.shift()?.(handle) ?? { state: 'following' as const };
    if (next instanceof Error) throw next;
    followed.push(handle);
    return next;
  },
};

function runner(connected: FollowApi | null = api) {
  return new BulkRunner({
    db: async () => db,
    api: async () => connected,
    getRun: async (site) => runs[site],
    saveRun: async (site, run) => {
      runs[site] = run;
    },
    interval: async () => 2200,
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    changed: () => undefined,
  });
}

const handles = ['ada.bsky.social', 'bob.bsky.social', 'cy.bsky.social'];

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openTeamDb();
  runs = {};
  clock = 1_000_000;
  sleeps = [];
  followed = [];
  script = [];
  for (const [i, handle] of handles.entries()) {
    await putMember(db, {
      id: `m${i}`,
      name: `M${i}`,
      accounts: [{ site: 'bluesky', handle }],
      accountKeys: [],
    });
    await putFollow(db, { key: `bluesky:${handle}`, state: 'not-following', checkedAt: 1, source: 'page' });
  }
  await putMember(db, {
    id: 'u',
    name: 'U',
    accounts: [{ site: 'bluesky', handle: 'unk.bsky.social' }],
    accountKeys: [],
  });
});
afterEach(() => db.close());

async function settle(site = 'bluesky') {
  await expect.poll(() => runs[site]?.status, { timeout: 2000 }).toMatch(/done|failed|stopped/);
}

describe('follow all', () => {
  it('follows every gap once, paced, records each and logs it', async () => {
    expect(await runner().start('bluesky', 'follow-all', handles)).toEqual({ ok: true });
    await settle();
    expect(followed).toEqual(handles);
    expect(sleeps).toEqual([2200, 2200, 2200]);
    expect(runs.bluesky).toMatchObject({ status: 'done', total: 3, done: 3, failed: 0 });
    expect((await getFollow(db, 'bluesky', 'bob.bsky.social'))?.source).toBe('api');
    expect((await db.getAll('actions')).map((a) => [a.handle, a.via, a.result])).toEqual(
      handles.map((h) => [h, 'api', 'ok']),
    );
  });

  it('waits out a rate limit until its reset time, then goes on without doing anything twice', async () => {
    script = [() => ({ state: 'following' }), () => new RateLimitError('slow down', clock + 60_000)];
    await runner().start('bluesky', 'follow-all', handles);
    await settle();
    expect(followed).toEqual(handles);
    expect(sleeps).toContain(60_000);
    expect(runs.bluesky).toMatchObject({ status: 'done', done: 3 });
  });

  it('resumes from the stored queue and run after a restart', async () => {
    // As a stopped worker leaves it: one account done, one pending, the run still marked running.
    const item = { site: 'bluesky', status: 'pending', addedAt: 1 } as const;
    await db.put('queue', {
      ...item,
      key: 'bluesky:ada.bsky.social',
      handle: 'ada.bsky.social',
      status: 'done',
    });
    await db.put('queue', { ...item, key: 'bluesky:cy.bsky.social', handle: 'cy.bsky.social' });
    runs.bluesky = { kind: 'follow-all', status: 'running', total: 2, done: 1, failed: 0, startedAt: clock };
    await runner().resume(['bluesky']);
    await settle();
    expect(followed).toEqual(['cy.bsky.social']);
    expect(runs.bluesky).toMatchObject({ status: 'done', done: 2 });
  });

  it('stops when asked, keeping the rest of the queue', async () => {
    const run = runner();
    script = [() => new RateLimitError('slow down', clock + 60_000)];
    await run.start('bluesky', 'follow-all', handles);
    await run.stop('bluesky');
    await settle();
    expect(runs.bluesky?.status).toBe('stopped');
    expect((await db.getAll('queue')).filter((i) => i.status === 'pending')).toHaveLength(3);
  });

  it('follows only the ticked teammates still to follow, and reports the rest', async () => {
    const ticked = [handles[0] as string, handles[2] as string, 'stranger.bsky.social'];
    await putFollow(db, { key: `bluesky:${handles[2]}`, state: 'following', checkedAt: 2, source: 'page' });
    script = [() => ({ state: 'following' })];
    expect(await runner().start('bluesky', 'follow-all', ticked)).toEqual({ ok: true });
    await settle();
    expect(followed).toEqual([handles[0]]);
    // One gap left unticked; one ticked account was followed already; the stranger is no teammate.
    expect(runs.bluesky).toMatchObject({ status: 'done', total: 1, done: 1, skipped: 1, already: 1 });
  });

  it('reports who failed and why', async () => {
    script = [() => ({ state: 'following' }), () => new ApiError('Bluesky refused: blocked', 400)];
    await runner().start('bluesky', 'follow-all', handles);
    await settle();
    expect(runs.bluesky).toMatchObject({
      status: 'done',
      failed: 1,
      failures: [{ handle: handles[1], error: 'Bluesky refused: blocked' }],
    });
  });

  it('refuses when none of the ticked accounts is a teammate to follow', async () => {
    expect(await runner().start('bluesky', 'follow-all', ['stranger.bsky.social'])).toMatchObject({
      ok: false,
    });
    expect(followed).toEqual([]);
  });

  it('refuses without a connection or a credential', async () => {
    expect(await runner(null).start('bluesky', 'follow-all')).toMatchObject({ ok: false });
    expect(await runner({ ...api, canFollow: false }).start('bluesky', 'follow-all')).toMatchObject({
      ok: false,
    });
    expect(followed).toEqual([]);
  });

  it('records whether each account follows you, as the API says', async () => {
    const notBack: Relationship = { state: 'not-following', followsYou: false };
    await runner({ ...api, check: async (hs) => new Map(hs.map((h) => [h, notBack])) }).start(
      'bluesky',
      'check-all',
    );
    await settle();
    expect(await getFollow(db, 'bluesky', 'unk.bsky.social')).toMatchObject({
      state: 'not-following',
      followsYou: false,
      source: 'api',
    });
  });
});

describe('follows you', () => {
  it('keeps a known followsYou when a follow answer does not say (GitHub), and takes a new one when it does', async () => {
    await putFollow(db, {
      key: 'bluesky:ada.bsky.social',
      state: 'not-following',
      followsYou: true,
      checkedAt: 1,
      source: 'api',
    });
    await putFollow(db, {
      key: 'bluesky:bob.bsky.social',
      state: 'not-following',
      followsYou: true,
      checkedAt: 1,
      source: 'api',
    });
    script = [() => ({ state: 'following' }), () => ({ state: 'following', followsYou: false })];
    await runner().start('bluesky', 'follow-all', ['ada.bsky.social', 'bob.bsky.social']);
    await settle();
    expect(await getFollow(db, 'bluesky', 'ada.bsky.social')).toMatchObject({
      state: 'following',
      followsYou: true,
    });
    expect(await getFollow(db, 'bluesky', 'bob.bsky.social')).toMatchObject({
      state: 'following',
      followsYou: false,
    });
    expect((await getFollow(db, 'bluesky', 'cy.bsky.social'))?.followsYou).toBeUndefined();
  });
});

describe('check all', () => {
  it('fills in every unknown account from the API', async () => {
    await runner().start('bluesky', 'check-all');
    await settle();
    expect(runs.bluesky).toMatchObject({ status: 'done', total: 1, done: 1 });
    expect((await getFollow(db, 'bluesky', 'unk.bsky.social'))?.state).toBe('not-following');
    expect(followed).toEqual([]);
  });
});
