import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  clearAll,
  closeDb,
  DB_NAME,
  deleteMember,
  deleteMembers,
  findAccountByStableId,
  findMemberByAccount,
  getDb,
  getFollow,
  getMember,
  listMembers,
  logAction,
  MIGRATIONS,
  type Migration,
  openTeamDb,
  putFollow,
  putMember,
  readGapReport,
  renameAccount,
  type TeamDb,
  type UpgradeDb,
  updateMembers,
} from './db';
import { computeGaps } from './gaps';
import { type ActionRecord, accountKeysOf, type FollowRecord, type Member } from './model';

const opened: TeamDb[] = [];

/** Opens a database closed again after the test, so the next test starts from a fresh factory. */
async function open(name = 'db-test', migrations: readonly Migration[] = MIGRATIONS): Promise<TeamDb> {
  const db = await openTeamDb(name, migrations);
  opened.push(db);
  return db;
}

/** Writes a member as v1–v4 kept them: one record in the `members` store, its account keys indexed. */
async function putOldMember(db: UpgradeDb, member: Member): Promise<void> {
  await db.put('members', { ...member, accountKeys: accountKeysOf(member.accounts) });
}

/** The same, typed also with the stores older versions had (`members` until v5). */
async function openOld(name: string, migrations: readonly Migration[]): Promise<TeamDb & UpgradeDb> {
  return (await open(name, migrations)) as TeamDb & UpgradeDb;
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
    const db = await openOld('db-test-v1', V1);
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
    expect((await getMember(db, 'ada'))?.accountKeys).toEqual([
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
    expect(await listMembers(db)).toEqual([]);
    expect(await findMemberByAccount(db, 'x', 'adaquill')).toBeUndefined();
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
    expect(() => shared.transaction('memberBuckets')).toThrow();
  });
});

describe('upgrades', () => {
  it('upgrades a populated v1 database to a v2 step without losing a row', async () => {
    const v1 = await openOld('upgrade-test', V1);
    const members = [ada, bruno, { id: 'cy', name: 'Cy', accounts: [], accountKeys: [] }];
    for (const member of members) await putOldMember(v1, member);
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
    const v2 = await openOld('upgrade-test', [...V1, v2Step]);

    expect(v2.version).toBe(2);
    expect(await v2.getAll('members')).toEqual(before.members);
    expect(await v2.getAll('follows')).toEqual(
      before.follows.map((f) => ({ ...f, checkedAt: f.checkedAt + 1 })),
    );
    expect(await v2.getAll('actions')).toEqual(before.actions);
    expect((await v2.getAll('actions')).map((a) => a.id)).toEqual(actionIds);
    // The old indexes still answer, and the new one has every row.
    expect((await v2.getFromIndex('members', 'accountKeys', 'mastodon:ada@mastodon.social'))?.id).toBe('ada');
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
    expect([...db.objectStoreNames].sort()).toEqual([
      'accountBuckets',
      'actions',
      'follows',
      'memberBuckets',
      'queue',
      'snapshot',
    ]);
  });
});

describe('schema v2', () => {
  it('adds the follow-all queue to a populated v1 database, keeping every row', async () => {
    const v1 = await openOld('v2-test', V1);
    await putOldMember(v1, ada);
    await putFollow(v1, follow);
    await logAction(v1, action);
    const before = [await v1.getAll('members'), await v1.getAll('follows'), await v1.getAll('actions')];
    v1.close();

    const v2 = await openOld('v2-test', MIGRATIONS.slice(0, 2));
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
    const v2 = await openOld('v3-test', MIGRATIONS.slice(0, 2));
    await putOldMember(v2, ada);
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

    const v3 = await openOld('v3-test', MIGRATIONS.slice(0, 3));
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
    const v3 = await openOld('v4-test', MIGRATIONS.slice(0, 3));
    await putOldMember(v3, ada);
    await putOldMember(v3, bruno);
    const before = await v3.getAll('members');
    v3.close();

    const v4 = await openOld('v4-test', MIGRATIONS.slice(0, 4));
    expect(v4.version).toBe(4);
    expect([...v4.transaction('members').store.indexNames]).toEqual(['accountKeys']);
    expect(await v4.getAll('members')).toEqual(before);
    expect((await v4.getFromIndex('members', 'accountKeys', 'github:bfenwick'))?.id).toBe('bruno');
    v4.close();
  });
});

describe('schema v5', () => {
  const V4 = MIGRATIONS.slice(0, 4);
  const roster = (n: number): Member[] =>
    Array.from({ length: n }, (_, i) => ({
      id: `id-${String(i).padStart(4, '0')}`,
      name: `Teammate ${i}`,
      ...(i % 3 ? { team: `team ${i % 7}` } : {}),
      ...(i % 5 ? {} : { email: `t${i}@example.com` }),
      accounts: [
        { site: 'x', handle: `t${i}` },
        ...(i % 2 ? [{ site: 'github' as const, handle: `t-${i}` }] : []),
        ...(i % 4 ? [] : [{ site: 'mastodon' as const, handle: `t${i}@mastodon.social` }]),
      ],
      accountKeys: [],
    }));

  /** A populated v4 database in the old layout (one record per teammate), closed again. */
  async function populateV4(name: string, members: Member[], follows: FollowRecord[]) {
    const v4 = await openOld(name, V4);
    const tx = v4.transaction(['members', 'follows', 'actions', 'queue', 'snapshot'], 'readwrite');
    for (const member of members) {
      void tx.objectStore('members').put({ ...member, accountKeys: accountKeysOf(member.accounts) });
    }
    for (const record of follows) void tx.objectStore('follows').put(record);
    void tx.objectStore('actions').add(action);
    void tx.objectStore('queue').put({ key: 'x:t1', site: 'x', handle: 't1', status: 'pending', addedAt: 1 });
    await tx.done;
    const before = {
      members: await v4.getAll('members'),
      follows: await v4.getAll('follows'),
      actions: await v4.getAll('actions'),
      queue: await v4.getAll('queue'),
    };
    v4.close();
    return before;
  }

  it('moves every teammate of a populated v4 database into buckets, each findable by every account', async () => {
    const members = roster(1_200);
    const follows: FollowRecord[] = members.flatMap((_member, i) => [
      {
        key: `x:t${i}`,
        state: i % 2 ? 'following' : 'not-following',
        checkedAt: i,
        source: 'page',
        ...(i % 10 ? {} : { stableId: `${i}` }),
      },
      ...(i % 2 ? [{ key: `github:t-${i}`, state: 'unknown', checkedAt: i, source: 'api' } as const] : []),
    ]);
    const before = await populateV4('v5-test', members, follows);
    expect(before.members).toHaveLength(1_200);

    const v5 = await open('v5-test');
    expect(v5.version).toBe(5);
    expect([...v5.objectStoreNames]).not.toContain('members');
    expect(await listMembers(v5)).toEqual(before.members);
    for (const member of before.members) {
      expect(await getMember(v5, member.id)).toEqual(member);
      for (const { site, handle } of member.accounts) {
        expect((await findMemberByAccount(v5, site, handle))?.id).toBe(member.id);
      }
    }
    expect(await findMemberByAccount(v5, 'x', 'nobody')).toBeUndefined();
    expect(await v5.getAll('follows')).toEqual(before.follows);
    expect(await v5.getAll('actions')).toEqual(before.actions);
    expect(await v5.getAll('queue')).toEqual(before.queue);
    // Stable ids still lead to their teammate's account.
    expect(await findAccountByStableId(v5, 'x', '30')).toMatchObject({
      handle: 't30',
      member: { id: 'id-0030' },
    });
    expect(await findAccountByStableId(v5, 'github', '30')).toBeUndefined();
    // The gap report is the same as one computed from the old layout.
    const followMap = new Map(before.follows.map((record) => [record.key, record]));
    expect(await readGapReport(v5)).toEqual(computeGaps(before.members, followMap));
  });

  it('moves an empty v4 database, and a later write lands in the new layout', async () => {
    await populateV4('v5-empty', [], []);
    const v5 = await open('v5-empty');
    expect(await listMembers(v5)).toEqual([]);
    await putMember(v5, ada);
    expect((await findMemberByAccount(v5, 'mastodon', 'ada@mastodon.social'))?.id).toBe('ada');
  });

  it('keeps the old index order when two teammates share an account key', async () => {
    const twin = { ...bruno, id: 'aaa-twin', accounts: [{ site: 'github' as const, handle: 'bfenwick' }] };
    await populateV4('v5-twins', [bruno, twin], []);
    const v5 = await open('v5-twins');
    expect((await findMemberByAccount(v5, 'github', 'bfenwick'))?.id).toBe('aaa-twin');
    await deleteMember(v5, 'aaa-twin');
    expect((await findMemberByAccount(v5, 'github', 'bfenwick'))?.id).toBe('bruno');
  });
});

describe('bucketed members', () => {
  it('writes, moves and removes many teammates through updateMembers and deleteMembers', async () => {
    const db = await open();
    const made = Array.from({ length: 3_000 }, (_, i) => ({
      id: `m${i}`,
      name: `M ${i}`,
      accounts: [{ site: 'x' as const, handle: `m${i}` }],
      accountKeys: [`x:m${i}`],
    }));
    expect(await updateMembers(db, () => ({ changed: made, result: 'ok' }))).toBe('ok');
    expect(await listMembers(db)).toHaveLength(3_000);
    // Every other teammate moves from their X account to a GitHub one.
    await updateMembers(db, (existing) => {
      const changed = existing.filter((_, i) => i % 2 === 0);
      for (const member of changed) {
        member.accounts = [{ site: 'github', handle: member.id }];
        member.accountKeys = [`github:${member.id}`];
      }
      return { changed, result: null };
    });
    const members = await listMembers(db);
    for (const member of members) {
      const [account] = member.accounts;
      if (!account) throw new Error(`${member.id} has no account`);
      expect((await findMemberByAccount(db, account.site, account.handle))?.id).toBe(member.id);
      const other = account.site === 'x' ? 'github' : 'x';
      expect(await findMemberByAccount(db, other, member.id)).toBeUndefined();
    }
    await deleteMembers(
      db,
      members.slice(0, 2_000).map((member) => member.id),
    );
    expect((await listMembers(db)).map((member) => member.id)).toEqual(members.slice(2_000).map((m) => m.id));
    expect(
      await findMemberByAccount(db, members[0]?.accounts[0]?.site ?? 'x', members[0]?.id ?? ''),
    ).toBeUndefined();
  });

  it('writes nothing when merge throws', async () => {
    const db = await open();
    await putMember(db, ada);
    await expect(
      updateMembers(db, () => {
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await listMembers(db)).toEqual([{ ...ada, accountKeys: accountKeysOf(ada.accounts) }]);
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
