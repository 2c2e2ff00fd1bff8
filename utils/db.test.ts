import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  clearAll,
  closeDb,
  DB_NAME,
  deleteMember,
  findAccountByStableId,
  findMemberByAccount,
  getDb,
  getFollow,
  listMembers,
  logAction,
  MIGRATIONS,
  type Migration,
  openTeamDb,
  putFollow,
  putMember,
  renameAccount,
  type TeamDb,
} from './db';
import type { ActionRecord, FollowRecord, Member } from './model';

const opened: TeamDb[] = [];

/** Opens a database closed again after the test, so the next test starts from a fresh factory. */
async function open(name = 'db-test', migrations: readonly Migration[] = MIGRATIONS): Promise<TeamDb> {
  const db = await openTeamDb(name, migrations);
  opened.push(db);
  return db;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  await closeDb();
});

const ada: Member = {
  id: 'ada',
  name: 'Ada Quill',
  team: 'Platform',
  email: 'ada@example.com',
  accounts: [
    { site: 'x', handle: 'adaquill' },
    { site: 'github', handle: 'adaquill' },
    { site: 'mastodon', handle: 'ada@mastodon.social' },
  ],
  accountKeys: [],
};
const bruno: Member = {
  id: 'bruno',
  name: 'Bruno',
  accounts: [{ site: 'github', handle: 'bfenwick' }],
  accountKeys: [],
};

const follow: FollowRecord = {
  key: 'github:adaquill',
  state: 'following',
  checkedAt: 1_700_000_000_000,
  source: 'page',
};
const action: ActionRecord = {
  at: 1_700_000_000_000,
  site: 'github',
  handle: 'adaquill',
  kind: 'follow',
  via: 'api',
  result: 'ok',
};

const V1 = MIGRATIONS.slice(0, 1);

describe('schema v1', () => {
  it('has the members, follows and actions stores with their keys and indexes', async () => {
    const db = await open('db-test-v1', V1);
    expect(db.version).toBe(1);
    expect([...db.objectStoreNames].sort()).toEqual(['actions', 'follows', 'members']);
    const tx = db.transaction(['members', 'follows', 'actions']);
    const members = tx.objectStore('members');
    expect(members.keyPath).toBe('id');
    expect([...members.indexNames].sort()).toEqual(['accountKeys', 'email']);
    expect(members.index('accountKeys').multiEntry).toBe(true);
    expect(members.index('email' as never).keyPath).toBe('email');
    expect(tx.objectStore('follows').keyPath).toBe('key');
    const actions = tx.objectStore('actions');
    expect(actions.keyPath).toBe('id');
    expect(actions.autoIncrement).toBe(true);
    expect([...actions.indexNames]).toEqual(['at']);
    await tx.done;
  });

  it('finds a member with three accounts by each of them, and by none other', async () => {
    const db = await open();
    await putMember(db, ada);
    await putMember(db, bruno);
    for (const { site, handle } of ada.accounts) {
      expect((await findMemberByAccount(db, site, handle))?.id).toBe('ada');
    }
    expect((await findMemberByAccount(db, 'github', 'bfenwick'))?.id).toBe('bruno');
    expect(await findMemberByAccount(db, 'x', 'bfenwick')).toBeUndefined();
  });

  it('keeps accountKeys in step with accounts on every put', async () => {
    const db = await open();
    await putMember(db, { ...ada, accountKeys: ['stale:key'] });
    expect((await db.get('members', 'ada'))?.accountKeys).toEqual([
      'x:adaquill',
      'github:adaquill',
      'mastodon:ada@mastodon.social',
    ]);
    await putMember(db, { ...ada, accounts: [{ site: 'x', handle: 'adaquill' }] });
    expect(await findMemberByAccount(db, 'github', 'adaquill')).toBeUndefined();
    expect((await findMemberByAccount(db, 'x', 'adaquill'))?.id).toBe('ada');
  });

  it('stores follows by "site:handle" and numbers actions', async () => {
    const db = await open();
    await putFollow(db, follow);
    expect(await getFollow(db, 'github', 'adaquill')).toEqual(follow);
    expect(await getFollow(db, 'github', 'nobody')).toBeUndefined();
    const first = await logAction(db, action);
    const second = await logAction(db, { ...action, result: 'failed' });
    expect(second).toBeGreaterThan(first);
    expect(await db.getAllFromIndex('actions', 'at')).toHaveLength(2);
  });

  it('lists and deletes members', async () => {
    const db = await open();
    await putMember(db, ada);
    await putMember(db, bruno);
    expect((await listMembers(db)).map((m) => m.id)).toEqual(['ada', 'bruno']);
    await deleteMember(db, 'ada');
    expect((await listMembers(db)).map((m) => m.id)).toEqual(['bruno']);
    expect(await findMemberByAccount(db, 'x', 'adaquill')).toBeUndefined();
  });

  it('clearAll empties every store', async () => {
    const db = await open();
    await putMember(db, ada);
    await putFollow(db, follow);
    await logAction(db, action);
    await clearAll(db);
    expect(await db.count('members')).toBe(0);
    expect(await db.count('follows')).toBe(0);
    expect(await db.count('actions')).toBe(0);
  });
});

describe('getDb / closeDb', () => {
  it('shares one connection to the teamfollow database until closed, then opens a new one', async () => {
    const first = await getDb();
    expect(first.name).toBe(DB_NAME);
    expect(await getDb()).toBe(first);
    await putMember(first, ada);
    await closeDb();
    const second = await getDb();
    expect(second).not.toBe(first);
    expect((await listMembers(second)).map((m) => m.id)).toEqual(['ada']);
  });

  it('steps aside when another context upgrades the schema', async () => {
    const shared = await getDb();
    // A newer version opening the same database must not stay blocked by the shared connection.
    const upgraded = await open(DB_NAME, [...MIGRATIONS, () => {}]);
    expect(upgraded.version).toBe(MIGRATIONS.length + 1);
    expect(() => shared.transaction('members')).toThrow();
  });
});

describe('upgrades', () => {
  it('upgrades a populated v1 database to a v2 step without losing a row', async () => {
    const v1 = await open('upgrade-test', V1);
    const members = [ada, bruno, { id: 'cy', name: 'Cy', accounts: [], accountKeys: [] }];
    for (const member of members) await putMember(v1, member);
    const follows: FollowRecord[] = [
      follow,
      { key: 'x:adaquill', state: 'not-following', checkedAt: 1, source: 'list' },
      { key: 'github:bfenwick', state: 'unknown', checkedAt: 2, source: 'api', followsYou: true },
    ];
    for (const record of follows) await putFollow(v1, record);
    const actionIds = [await logAction(v1, action), await logAction(v1, { ...action, handle: 'bfenwick' })];
    const before = {
      members: await v1.getAll('members'),
      follows: await v1.getAll('follows'),
      actions: await v1.getAll('actions'),
    };
    v1.close();

    // A throwaway v2: a new index on members and a rewrite of every follow row.
    const v2Step: Migration = (db, tx) => {
      tx.objectStore('members').createIndex('name' as never, 'name');
      void (async () => {
        let cursor = await tx.objectStore('follows').openCursor();
        while (cursor) {
          await cursor.update({ ...cursor.value, checkedAt: cursor.value.checkedAt + 1 });
          cursor = await cursor.continue();
        }
      })();
      expect(db.objectStoreNames.contains('members')).toBe(true);
    };
    const v2 = await open('upgrade-test', [...V1, v2Step]);

    expect(v2.version).toBe(2);
    expect(await v2.getAll('members')).toEqual(before.members);
    expect(await v2.getAll('follows')).toEqual(
      before.follows.map((f) => ({ ...f, checkedAt: f.checkedAt + 1 })),
    );
    expect(await v2.getAll('actions')).toEqual(before.actions);
    expect((await v2.getAll('actions')).map((a) => a.id)).toEqual(actionIds);
    // The old indexes still answer, and the new one has every row.
    expect((await findMemberByAccount(v2, 'mastodon', 'ada@mastodon.social'))?.id).toBe('ada');
    const byName = await v2
      .transaction('members')
      .store.index('name' as never)
      .getAll();
    expect(byName.map((m) => m.id)).toEqual(['ada', 'bruno', 'cy']);
    expect(before.members).toHaveLength(3);
  });

  it('creates a fresh database through every step in order', async () => {
    const steps: number[] = [];
    const next = MIGRATIONS.length + 1;
    const db = await open('fresh-test', [...MIGRATIONS, () => steps.push(next), () => steps.push(next + 1)]);
    expect(db.version).toBe(MIGRATIONS.length + 2);
    expect(steps).toEqual([next, next + 1]);
    expect([...db.objectStoreNames].sort()).toEqual(['actions', 'follows', 'members', 'queue', 'snapshot']);
  });
});

describe('schema v2', () => {
  it('adds the follow-all queue to a populated v1 database, keeping every row', async () => {
    const v1 = await open('v2-test', V1);
    await putMember(v1, ada);
    await putFollow(v1, follow);
    await logAction(v1, action);
    const before = [await v1.getAll('members'), await v1.getAll('follows'), await v1.getAll('actions')];
    v1.close();

    const v2 = await open('v2-test', MIGRATIONS.slice(0, 2));
    expect(v2.version).toBe(2);
    expect([await v2.getAll('members'), await v2.getAll('follows'), await v2.getAll('actions')]).toEqual(
      before,
    );
    const item = {
      key: 'github:adaquill',
      site: 'github',
      handle: 'adaquill',
      status: 'pending',
      addedAt: 1,
    } as const;
    await v2.put('queue', item);
    expect(await v2.getAllFromIndex('queue', 'site', 'github')).toEqual([item]);
    v2.close();
  });
});

describe('schema v3', () => {
  it('adds the gap snapshot to a populated v2 database, keeping every row', async () => {
    const v2 = await open('v3-test', MIGRATIONS.slice(0, 2));
    await putMember(v2, ada);
    await putFollow(v2, follow);
    await v2.put('queue', {
      key: 'github:adaquill',
      site: 'github',
      handle: 'adaquill',
      status: 'pending',
      addedAt: 1,
    });
    const before = [await v2.getAll('members'), await v2.getAll('follows'), await v2.getAll('queue')];
    v2.close();

    const v3 = await open('v3-test', MIGRATIONS.slice(0, 3));
    expect(v3.version).toBe(3);
    expect([await v3.getAll('members'), await v3.getAll('follows'), await v3.getAll('queue')]).toEqual(
      before,
    );
    expect(await v3.get('snapshot', 'gaps')).toBeUndefined();
    v3.close();
  });
});

describe('schema v4', () => {
  it('drops the email index from a populated v3 database, keeping every member findable by account', async () => {
    const v3 = await open('v4-test', MIGRATIONS.slice(0, 3));
    await putMember(v3, ada);
    await putMember(v3, bruno);
    const before = await v3.getAll('members');
    v3.close();

    const v4 = await open('v4-test');
    expect(v4.version).toBe(4);
    expect([...v4.transaction('members').store.indexNames]).toEqual(['accountKeys']);
    expect(await v4.getAll('members')).toEqual(before);
    expect((await findMemberByAccount(v4, 'github', 'bfenwick'))?.id).toBe('bruno');
    v4.close();
  });
});

describe('renamed accounts', () => {
  const ada: Member = {
    id: 'ada',
    name: 'Ada',
    accounts: [
      { site: 'x', handle: 'ada_old' },
      { site: 'github', handle: 'ada' },
    ],
    accountKeys: [],
  };
  const follow = (handle: string, stableId?: string): FollowRecord => ({
    key: `x:${handle}`,
    state: 'following',
    checkedAt: 1,
    source: 'page',
    ...(stableId ? { stableId } : {}),
  });

  it('finds the teammate account that keeps a stable id, on that site only', async () => {
    const db = await open();
    await putMember(db, ada);
    await putFollow(db, follow('ada_old', '42'));
    await putFollow(db, follow('stranger', '43'));
    expect(await findAccountByStableId(db, 'x', '42')).toMatchObject({
      handle: 'ada_old',
      member: { id: 'ada' },
    });
    // A stranger's record (not on the roster) and another site's are no match.
    expect(await findAccountByStableId(db, 'x', '43')).toBeUndefined();
    expect(await findAccountByStableId(db, 'github', '42')).toBeUndefined();
  });

  it('replaces the account and moves what was recorded of it, in one transaction', async () => {
    const db = await open();
    await putMember(db, ada);
    await putFollow(db, follow('ada_old', '42'));
    const renamed = await renameAccount(db, 'ada', 'x', 'ada_old', 'ada_new');
    expect(renamed.accountKeys).toEqual(['x:ada_new', 'github:ada']);
    expect((await findMemberByAccount(db, 'x', 'ada_new'))?.id).toBe('ada');
    expect(await findMemberByAccount(db, 'x', 'ada_old')).toBeUndefined();
    expect(await getFollow(db, 'x', 'ada_new')).toEqual(follow('ada_new', '42'));
    expect(await getFollow(db, 'x', 'ada_old')).toBeUndefined();
  });

  it('refuses to give a teammate an account another teammate has, and changes nothing', async () => {
    const db = await open();
    await putMember(db, ada);
    await putMember(db, {
      id: 'bo',
      name: 'Bo',
      accounts: [{ site: 'x', handle: 'ada_new' }],
      accountKeys: [],
    });
    await putFollow(db, follow('ada_old', '42'));
    await expect(renameAccount(db, 'ada', 'x', 'ada_old', 'ada_new')).rejects.toThrow(
      'already belongs to teammate "Bo"',
    );
    expect((await findMemberByAccount(db, 'x', 'ada_old'))?.id).toBe('ada');
    expect((await findMemberByAccount(db, 'x', 'ada_new'))?.id).toBe('bo');
    expect(await getFollow(db, 'x', 'ada_old')).toBeDefined();
  });

  it('refuses when the teammate no longer has the old account', async () => {
    const db = await open();
    await putMember(db, ada);
    await expect(renameAccount(db, 'ada', 'x', 'gone', 'ada_new')).rejects.toThrow('no longer on the roster');
    await expect(renameAccount(db, 'nobody', 'x', 'ada_old', 'ada_new')).rejects.toThrow();
  });
});
