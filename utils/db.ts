import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames, unwrap } from 'idb';
import { computeGaps, type GapReport } from './gaps';
import {
  type ActionRecord,
  accountKey,
  accountKeysOf,
  type FollowRecord,
  type Member,
  type QueueItem,
} from './model';
import type { SiteId } from './sites/index';

// Opened only in the extension origin (background, popup, options): never from a content script.

export interface TeamFollowSchema extends DBSchema {
  members: { key: string; value: Member; indexes: { accountKeys: string } };
  follows: { key: string; value: FollowRecord };
  actions: { key: number; value: ActionRecord; indexes: { at: number } };
  queue: { key: string; value: QueueItem; indexes: { site: string } };
  snapshot: { key: 'gaps'; value: GapSnapshot };
}

/** The last gap report the background computed, and when. */
export interface GapSnapshot {
  at: number;
  report: GapReport;
}

export type TeamDb = IDBPDatabase<TeamFollowSchema>;
type UpgradeTx = IDBPTransaction<TeamFollowSchema, StoreNames<TeamFollowSchema>[], 'versionchange'>;

/** One step per schema version: MIGRATIONS[n] upgrades version n to n + 1. Never edit a shipped step; append. */
export type Migration = (db: TeamDb, tx: UpgradeTx) => void;

export const MIGRATIONS: readonly Migration[] = [
  (db) => {
    const members = db.createObjectStore('members', { keyPath: 'id' });
    members.createIndex('accountKeys', 'accountKeys', { multiEntry: true });
    members.createIndex('email' as never, 'email'); // dropped again in v4
    db.createObjectStore('follows', { keyPath: 'key' });
    const actions = db.createObjectStore('actions', { keyPath: 'id', autoIncrement: true });
    actions.createIndex('at', 'at');
  },
  // v2: the "Follow all" queue, so a run survives a browser or service-worker restart.
  (db) => {
    db.createObjectStore('queue', { keyPath: 'key' }).createIndex('site', 'site');
  },
  // v3: the gap report the background keeps current, so the popup draws at once (one record, not 10,000).
  (db) => {
    db.createObjectStore('snapshot');
  },
  // v4: no email index. Imports match emails in memory; the index only made every write of a teammate slower.
  (_db, tx) => {
    tx.objectStore('members').deleteIndex('email' as never);
  },
];

export const DB_NAME = 'teamfollow';

export function openTeamDb(name = DB_NAME, migrations: readonly Migration[] = MIGRATIONS): Promise<TeamDb> {
  return openDB<TeamFollowSchema>(name, migrations.length, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let version = oldVersion; version < migrations.length; version++) migrations[version]?.(db, tx);
    },
  });
}

let cached: Promise<TeamDb> | null = null;

/** The shared connection of this context, reopened if the browser closed it (MV3 workers stop). */
export function getDb(): Promise<TeamDb> {
  if (!cached) {
    cached = openTeamDb().then((db) => {
      const forget = () => {
        cached = null;
      };
      db.addEventListener('close', forget);
      // Another context is upgrading the schema: step aside so it can.
      db.addEventListener('versionchange', () => {
        db.close();
        forget();
      });
      return db;
    });
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

/** Closes the shared connection (tests, "delete all data"). */
export async function closeDb(): Promise<void> {
  const db = cached;
  cached = null;
  if (db) (await db).close();
}

/** The teammate who has this account, if any: one index lookup. */
export async function findMemberByAccount(
  db: TeamDb,
  site: SiteId,
  handle: string,
): Promise<Member | undefined> {
  return db.getFromIndex('members', 'accountKeys', accountKey(site, handle));
}

export async function getMember(db: TeamDb, id: string): Promise<Member | undefined> {
  return db.get('members', id);
}

export async function listMembers(db: TeamDb): Promise<Member[]> {
  return db.getAll('members');
}

export async function putMember(db: TeamDb, member: Member): Promise<void> {
  await db.put('members', { ...member, accountKeys: accountKeysOf(member.accounts) });
}

export async function deleteMember(db: TeamDb, id: string): Promise<void> {
  await db.delete('members', id);
}

/** Removes these teammates in one transaction (the import summary's "Remove these N"): all or none. */
export async function deleteMembers(db: TeamDb, ids: readonly string[]): Promise<void> {
  const tx = db.transaction('members', 'readwrite');
  await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
}

export async function getFollow(db: TeamDb, site: SiteId, handle: string): Promise<FollowRecord | undefined> {
  return db.get('follows', accountKey(site, handle));
}

/** Records what TeamFollow saw of one account: every follow state is written through here. */
export async function putFollow(db: TeamDb, record: FollowRecord): Promise<void> {
  await writeFollow(db.transaction('follows', 'readwrite').store, record);
}

// The one place that writes a follow record, inside whichever transaction the caller holds.
function writeFollow(store: { put(record: FollowRecord): Promise<unknown> }, record: FollowRecord) {
  return store.put(record);
}

export async function logAction(db: TeamDb, action: ActionRecord): Promise<number> {
  return db.add('actions', action);
}

/** Empties every store in one transaction ("delete all data"). */
export async function clearAll(db: TeamDb): Promise<void> {
  const stores = ['members', 'follows', 'actions', 'queue', 'snapshot'] as const;
  const tx = db.transaction(stores, 'readwrite');
  await Promise.all([...stores.map((store) => tx.objectStore(store).clear()), tx.done]);
}

/** Every member and every follow record, read in one transaction. */
export async function readMembersAndFollows(
  db: TeamDb,
): Promise<{ members: Member[]; follows: FollowRecord[] }> {
  const tx = db.transaction(['members', 'follows']);
  const [members, follows] = await Promise.all([
    tx.objectStore('members').getAll(),
    tx.objectStore('follows').getAll(),
  ]);
  return { members, follows };
}

/** Members and follow records in one read transaction, then the gaps: O(accounts). */
export async function readGapReport(db: TeamDb): Promise<GapReport> {
  const { members, follows } = await readMembersAndFollows(db);
  return computeGaps(members, new Map(follows.map((record) => [record.key, record])));
}

/** Recomputes the report and keeps it as the snapshot the popup draws from first. */
export async function refreshSnapshot(db: TeamDb, now = Date.now()): Promise<GapReport> {
  const report = await readGapReport(db);
  await db.put('snapshot', { at: now, report }, 'gaps');
  return report;
}

/** The last snapshot, if the background made one. */
export async function readSnapshot(db: TeamDb): Promise<GapReport | undefined> {
  return (await db.get('snapshot', 'gaps'))?.report;
}

/** Follows TeamFollow carried out, newest first (the `at` index walked backwards); all when `limit` is omitted. */
export async function listActions(db: TeamDb, limit = Number.POSITIVE_INFINITY): Promise<ActionRecord[]> {
  const actions: ActionRecord[] = [];
  let cursor = await db.transaction('actions').store.index('at').openCursor(null, 'prev');
  while (cursor && actions.length < limit) {
    actions.push(cursor.value);
    cursor = await cursor.continue();
  }
  return actions;
}

export async function countActions(db: TeamDb): Promise<number> {
  return db.count('actions');
}

/**
 * Reads every member, lets `merge` decide which members change, and writes them in one readwrite transaction:
 * either every change lands or, on any failure, the store stays as it was.
 */
export async function updateMembers<T>(
  db: TeamDb,
  merge: (existing: Member[]) => { changed: Iterable<Member>; result: T },
): Promise<T> {
  const tx = db.transaction('members', 'readwrite', { durability: 'relaxed' });
  tx.done.catch(() => {});
  try {
    const { changed, result } = merge(await tx.store.getAll());
    // Plain requests: a failed one aborts the transaction, which rejects tx.done.
    const store = unwrap(tx.store);
    for (const member of changed) store.put(member);
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request: nothing was committed.
    }
    throw error;
  }
}

/** Records as followed every teammate among `handles` (seen in the user's own following list); whether any was. */
export async function recordFollowedInList(
  db: TeamDb,
  site: SiteId,
  handles: Iterable<string>,
  at: number,
): Promise<boolean> {
  const tx = db.transaction(['members', 'follows'], 'readwrite');
  const members = tx.objectStore('members').index('accountKeys');
  const follows = tx.objectStore('follows');
  let recorded = false;
  for (const handle of handles) {
    const key = accountKey(site, handle);
    if ((await members.count(key)) === 0) continue;
    const previous = await follows.get(key);
    await writeFollow(follows, { ...previous, key, state: 'following', checkedAt: at, source: 'list' });
    recorded = true;
  }
  await tx.done;
  return recorded;
}

/** The next account of a network's "Follow all" queue still to do, if any. */
export async function nextQueued(db: TeamDb, site: SiteId): Promise<QueueItem | undefined> {
  return (await db.getAllFromIndex('queue', 'site', site)).find((item) => item.status === 'pending');
}

/** Replaces the network's queue with these accounts, in one transaction. */
export async function fillQueue(
  db: TeamDb,
  site: SiteId,
  handles: readonly string[],
  now: number,
): Promise<void> {
  const tx = db.transaction('queue', 'readwrite');
  for (const key of await tx.store.index('site').getAllKeys(site)) await tx.store.delete(key);
  for (const handle of handles) {
    await tx.store.put({ key: accountKey(site, handle), site, handle, status: 'pending', addedAt: now });
  }
  await tx.done;
}

/** Marks a queued account done or failed (with why). */
export async function finishQueued(
  db: TeamDb,
  item: QueueItem,
  status: 'done' | 'failed',
  error?: string,
): Promise<void> {
  await db.put('queue', { ...item, status, ...(error ? { error } : {}) });
}

/**
 * The teammate's account on `site` whose follow record keeps this stable id (X's numeric user id), if any: one read
 * of that site's follow records, in one transaction.
 */
export async function findAccountByStableId(
  db: TeamDb,
  site: SiteId,
  stableId: string,
): Promise<{ member: Member; handle: string } | undefined> {
  const tx = db.transaction(['follows', 'members']);
  const prefix = accountKey(site, '');
  const records = await tx.objectStore('follows').getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
  for (const record of records) {
    if (record.stableId !== stableId) continue;
    const member = await tx.objectStore('members').index('accountKeys').get(record.key);
    if (member) return { member, handle: record.key.slice(prefix.length) };
  }
  return undefined;
}

/**
 * Replaces a teammate's account `from` by `to` on `site` (a renamed handle, on the user's word), and moves what was
 * recorded of it, in one transaction. Refuses when the teammate no longer has `from`, or when `to` belongs to
 * another teammate: two people are never merged here.
 */
export async function renameAccount(
  db: TeamDb,
  memberId: string,
  site: SiteId,
  from: string,
  to: string,
): Promise<Member> {
  const tx = db.transaction(['members', 'follows'], 'readwrite');
  const members = tx.objectStore('members');
  const follows = tx.objectStore('follows');
  const fail = (message: string) => {
    tx.abort();
    tx.done.catch(() => {});
    return new Error(message);
  };
  const member = await members.get(memberId);
  const oldKey = accountKey(site, from);
  const newKey = accountKey(site, to);
  if (!member?.accountKeys.includes(oldKey)) throw fail('That account is no longer on the roster.');
  const holder = await members.index('accountKeys').get(newKey);
  if (holder && holder.id !== memberId) throw fail(`${to} already belongs to teammate "${holder.name}".`);
  const accounts = member.accounts
    .map((account) => (account.site === site && account.handle === from ? { site, handle: to } : account))
    .filter(
      (account, index, all) =>
        all.findIndex(
          (other) => accountKey(other.site, other.handle) === accountKey(account.site, account.handle),
        ) === index,
    );
  const renamed = { ...member, accounts, accountKeys: accountKeysOf(accounts) };
  await members.put(renamed);
  const previous = await follows.get(oldKey);
  if (previous && !(await follows.get(newKey))) await writeFollow(follows, { ...previous, key: newKey });
  if (previous) await follows.delete(oldKey);
  await tx.done;
  return renamed;
}
