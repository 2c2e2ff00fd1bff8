import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames, unwrap } from 'idb';
import { computeGaps, type GapReport } from './gaps';
import { t } from './i18n/index';
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
  /** Every teammate, in the bucket of a hash of their id: an import writes a few hundred records, not 10,000. */
  memberBuckets: { key: number; value: MemberBucket };
  /** Every account key's teammates (ids in id order), in the bucket of a hash of the key: the lookup path. */
  accountBuckets: { key: number; value: AccountBucket };
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

export interface MemberBucket {
  bucket: number;
  members: Member[];
}

export interface AccountBucket {
  bucket: number;
  owners: Map<string, string[]>;
}

/** The stores of every version, those a later step dropped included: what the upgrade steps (and their tests) see. */
export interface UpgradeSchema extends TeamFollowSchema {
  /** v1–v4 only: one record per teammate. The v5 step moves them into the buckets and drops this store. */
  members: { key: string; value: Member; indexes: { accountKeys: string } };
}

export type TeamDb = IDBPDatabase<TeamFollowSchema>;
export type UpgradeDb = IDBPDatabase<UpgradeSchema>;
type UpgradeTx = IDBPTransaction<UpgradeSchema, StoreNames<UpgradeSchema>[], 'versionchange'>;

/** One step per schema version: MIGRATIONS[n] upgrades version n to n + 1. Never edit a shipped step; append. */
export type Migration = (db: UpgradeDb, tx: UpgradeTx) => void;

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
  // v5: teammates in hashed buckets instead of one record each. IndexedDB's cost is per request: 10,000 puts took
  // 0.98–1.4 s, the whole import of 10,000 into 1,024 buckets 0.34–0.88 s. One versionchange transaction: all or none.
  (db, tx) => {
    const raw = unwrap(db);
    const memberBuckets = raw.createObjectStore('memberBuckets', { keyPath: 'bucket' });
    const accountBuckets = raw.createObjectStore('accountBuckets', { keyPath: 'bucket' });
    const read = unwrap(tx).objectStore('members').getAll();
    read.onsuccess = () => {
      const { members, accounts } = groupIntoBuckets(read.result as Member[]);
      for (const bucket of members.values()) memberBuckets.put(bucket);
      for (const bucket of accounts.values()) accountBuckets.put(bucket);
      raw.deleteObjectStore('members');
    };
  },
];

// Part of the stored format: changing either count needs a migration that rebuckets every record.
const MEMBER_BUCKETS = 512;
const ACCOUNT_BUCKETS = 512;

/** FNV-1a over the UTF-16 code units, modulo `buckets`: the same on every browser and every run. */
function bucketOf(text: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % buckets;
}

const memberBucketOf = (id: string) => bucketOf(id, MEMBER_BUCKETS);
const accountBucketOf = (key: string) => bucketOf(key, ACCOUNT_BUCKETS);

// IndexedDB orders string keys by code unit, as `<` does: members and owners keep the order the old index gave.
const byId = (a: Member, b: Member) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function addOwner(owners: Map<string, string[]>, key: string, id: string): void {
  const ids = owners.get(key);
  if (!ids) owners.set(key, [id]);
  else if (!ids.includes(id)) {
    ids.push(id);
    ids.sort();
  }
}

/** The buckets that hold these members and their account keys (the stored `accountKeys`, as the old index read). */
function groupIntoBuckets(
  all: Iterable<Member>,
  only?: { members: Set<number>; accounts: Set<number> },
): { members: Map<number, MemberBucket>; accounts: Map<number, AccountBucket> } {
  const members = new Map<number, MemberBucket>();
  const accounts = new Map<number, AccountBucket>();
  for (const member of [...all].sort(byId)) {
    const bucket = memberBucketOf(member.id);
    if (!only || only.members.has(bucket)) {
      const record = members.get(bucket);
      if (record) record.members.push(member);
      else members.set(bucket, { bucket, members: [member] });
    }
    for (const key of member.accountKeys ?? []) {
      const bucket = accountBucketOf(key);
      if (only && !only.accounts.has(bucket)) continue;
      const record = accounts.get(bucket);
      if (record) addOwner(record.owners, key, member.id);
      else accounts.set(bucket, { bucket, owners: new Map([[key, [member.id]]]) });
    }
  }
  return { members, accounts };
}

type MemberTx = IDBPTransaction<TeamFollowSchema, StoreNames<TeamFollowSchema>[], IDBTransactionMode>;
type WriteTx = IDBPTransaction<TeamFollowSchema, StoreNames<TeamFollowSchema>[], 'readwrite'>;

async function memberIn(tx: MemberTx, id: string): Promise<Member | undefined> {
  const bucket = await tx.objectStore('memberBuckets').get(memberBucketOf(id));
  return bucket?.members.find((member) => member.id === id);
}

/** The ids of the teammates holding this account key, in id order. */
async function ownersIn(tx: MemberTx, key: string): Promise<string[]> {
  return (await tx.objectStore('accountBuckets').get(accountBucketOf(key)))?.owners.get(key) ?? [];
}

/** The first teammate (by id) holding this account key, as the old index's get gave: two reads. */
async function ownerIn(tx: MemberTx, key: string): Promise<Member | undefined> {
  const [id] = await ownersIn(tx, key);
  return id === undefined ? undefined : memberIn(tx, id);
}

/** Writes `put` and removes `remove` (ids) inside the caller's readwrite transaction, buckets read and rewritten. */
async function replaceMembers(tx: WriteTx, put: readonly Member[], remove: readonly string[]): Promise<void> {
  const memberStore = tx.objectStore('memberBuckets');
  const accountStore = tx.objectStore('accountBuckets');
  const touched = new Set([...put.map((member) => member.id), ...remove]);
  const memberNumbers = new Set([...touched].map(memberBucketOf));
  const memberRecords = await Promise.all(
    [...memberNumbers].map(
      async (bucket) => (await memberStore.get(bucket)) ?? { bucket, members: [] as Member[] },
    ),
  );
  const removed: { id: string; key: string }[] = [];
  for (const record of memberRecords) {
    for (const member of record.members) {
      if (touched.has(member.id))
        for (const key of member.accountKeys ?? []) removed.push({ id: member.id, key });
    }
    record.members = record.members.filter((member) => !touched.has(member.id));
  }
  for (const member of put)
    memberRecords.find((r) => r.bucket === memberBucketOf(member.id))?.members.push(member);
  const keys = [...removed.map(({ key }) => key), ...put.flatMap((member) => member.accountKeys)];
  const accountNumbers = new Set(keys.map(accountBucketOf));
  const accountRecords = await Promise.all(
    [...accountNumbers].map(
      async (bucket) => (await accountStore.get(bucket)) ?? { bucket, owners: new Map<string, string[]>() },
    ),
  );
  const recordOf = (key: string) => accountRecords.find((r) => r.bucket === accountBucketOf(key));
  for (const { id: gone, key } of removed) {
    const owners = recordOf(key)?.owners;
    const ids = owners?.get(key)?.filter((id) => id !== gone);
    if (ids?.length) owners?.set(key, ids);
    else owners?.delete(key);
  }
  for (const member of put) {
    for (const key of member.accountKeys) {
      const owners = recordOf(key)?.owners;
      if (owners) addOwner(owners, key, member.id);
    }
  }
  await Promise.all([
    ...memberRecords.map((record) =>
      record.members.length
        ? memberStore.put({ ...record, members: record.members.sort(byId) })
        : memberStore.delete(record.bucket),
    ),
    ...accountRecords.map((record) =>
      record.owners.size ? accountStore.put(record) : accountStore.delete(record.bucket),
    ),
  ]);
}

/** Every member of the bucket records, in id order (as the one-record-per-member store listed them). */
function flatten(buckets: readonly MemberBucket[]): Member[] {
  return buckets.flatMap((bucket) => bucket.members).sort(byId);
}

export const DB_NAME = 'teamfollow';

export function openTeamDb(name = DB_NAME, migrations: readonly Migration[] = MIGRATIONS): Promise<TeamDb> {
  // Typed as the current schema once open: code outside the steps cannot reach a dropped store.
  return openDB<UpgradeSchema>(name, migrations.length, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let version = oldVersion; version < migrations.length; version++) migrations[version]?.(db, tx);
    },
  }) as unknown as Promise<TeamDb>;
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

const MEMBER_STORES = ['memberBuckets', 'accountBuckets'] as const;

/** The teammate who has this account, if any: two reads of small records, whatever the roster's size. */
export async function findMemberByAccount(
  db: TeamDb,
  site: SiteId,
  handle: string,
): Promise<Member | undefined> {
  return ownerIn(db.transaction(MEMBER_STORES), accountKey(site, handle));
}

export async function getMember(db: TeamDb, id: string): Promise<Member | undefined> {
  return memberIn(db.transaction(MEMBER_STORES), id);
}

/** Every teammate, in id order. */
export async function listMembers(db: TeamDb): Promise<Member[]> {
  return flatten(await db.getAll('memberBuckets'));
}

export async function putMember(db: TeamDb, member: Member): Promise<void> {
  await writeMembers(db, [{ ...member, accountKeys: accountKeysOf(member.accounts) }], []);
}

export async function deleteMember(db: TeamDb, id: string): Promise<void> {
  await writeMembers(db, [], [id]);
}

/** Removes these teammates in one transaction (the import summary's "Remove these N"): all or none. */
export async function deleteMembers(db: TeamDb, ids: readonly string[]): Promise<void> {
  await writeMembers(db, [], ids);
}

async function writeMembers(db: TeamDb, put: readonly Member[], remove: readonly string[]): Promise<void> {
  const tx = db.transaction(MEMBER_STORES, 'readwrite');
  tx.done.catch(() => {});
  await replaceMembers(tx, put, remove);
  await tx.done;
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
  const stores = ['memberBuckets', 'accountBuckets', 'follows', 'actions', 'queue', 'snapshot'] as const;
  const tx = db.transaction(stores, 'readwrite');
  await Promise.all([...stores.map((store) => tx.objectStore(store).clear()), tx.done]);
}

/** Every member and every follow record, read in one transaction. */
export async function readMembersAndFollows(
  db: TeamDb,
): Promise<{ members: Member[]; follows: FollowRecord[] }> {
  const tx = db.transaction(['memberBuckets', 'follows']);
  const [buckets, follows] = await Promise.all([
    tx.objectStore('memberBuckets').getAll(),
    tx.objectStore('follows').getAll(),
  ]);
  return { members: flatten(buckets), follows };
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
 * either every change lands or, on any failure, the store stays as it was. Only the buckets that hold a changed
 * member or one of its old or new account keys are rewritten, each rebuilt from the merged roster.
 */
export async function updateMembers<T>(
  db: TeamDb,
  merge: (existing: Member[]) => { changed: Iterable<Member>; result: T },
): Promise<T> {
  const tx = db.transaction(MEMBER_STORES, 'readwrite', { durability: 'relaxed' });
  tx.done.catch(() => {});
  try {
    const existing = flatten(await tx.objectStore('memberBuckets').getAll());
    // merge may change the members it is given in place: their old keys are taken first.
    const oldKeys = new Map(existing.map((member) => [member.id, [...(member.accountKeys ?? [])]]));
    const { changed, result } = merge(existing);
    const roster = new Map(existing.map((member) => [member.id, member]));
    const dirty = { members: new Set<number>(), accounts: new Set<number>() };
    for (const member of changed) {
      roster.set(member.id, member);
      dirty.members.add(memberBucketOf(member.id));
      for (const key of [...(oldKeys.get(member.id) ?? []), ...member.accountKeys]) {
        dirty.accounts.add(accountBucketOf(key));
      }
    }
    const rebuilt = groupIntoBuckets(roster.values(), dirty);
    // Plain requests: a failed one aborts the transaction, which rejects tx.done.
    const memberStore = unwrap(tx.objectStore('memberBuckets'));
    const accountStore = unwrap(tx.objectStore('accountBuckets'));
    for (const bucket of dirty.members) {
      const record = rebuilt.members.get(bucket);
      if (record) memberStore.put(record);
      else memberStore.delete(bucket);
    }
    for (const bucket of dirty.accounts) {
      const record = rebuilt.accounts.get(bucket);
      if (record) accountStore.put(record);
      else accountStore.delete(bucket);
    }
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
  const tx = db.transaction(['accountBuckets', 'follows'], 'readwrite');
  const follows = tx.objectStore('follows');
  let recorded = false;
  for (const handle of handles) {
    const key = accountKey(site, handle);
    if ((await ownersIn(tx, key)).length === 0) continue;
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
  const tx = db.transaction(['follows', ...MEMBER_STORES]);
  const prefix = accountKey(site, '');
  const records = await tx.objectStore('follows').getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
  for (const record of records) {
    if (record.stableId !== stableId) continue;
    const member = await ownerIn(tx, record.key);
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
  const tx = db.transaction(['memberBuckets', 'accountBuckets', 'follows'], 'readwrite');
  const follows = tx.objectStore('follows');
  const fail = (message: string) => {
    tx.abort();
    tx.done.catch(() => {});
    return new Error(message);
  };
  const member = await memberIn(tx, memberId);
  const oldKey = accountKey(site, from);
  const newKey = accountKey(site, to);
  if (!member?.accountKeys.includes(oldKey)) throw fail(t('roster_rename_gone'));
  const holder = await ownerIn(tx, newKey);
  if (holder && holder.id !== memberId)
    throw fail(t('roster_rename_taken', { handle: to, name: holder.name }));
  const accounts = member.accounts
    .map((account) => (account.site === site && account.handle === from ? { site, handle: to } : account))
    .filter(
      (account, index, all) =>
        all.findIndex(
          (other) => accountKey(other.site, other.handle) === accountKey(account.site, account.handle),
        ) === index,
    );
  const renamed = { ...member, accounts, accountKeys: accountKeysOf(accounts) };
  await replaceMembers(tx, [renamed], []);
  const previous = await follows.get(oldKey);
  if (previous && !(await follows.get(newKey))) await writeFollow(follows, { ...previous, key: newKey });
  if (previous) await follows.delete(oldKey);
  await tx.done;
  return renamed;
}

/** The follow records of these `site:handle` keys that exist, in one read of `follows` (the team view's first rows). */
export async function readFollowsOf(db: TeamDb, keys: readonly string[]): Promise<FollowRecord[]> {
  const store = db.transaction('follows').store;
  const found = await Promise.all(keys.map((key) => store.get(key)));
  return found.filter((record): record is FollowRecord => record !== undefined);
}

/** Every follow record, in one read of `follows`. */
export async function listFollows(db: TeamDb): Promise<FollowRecord[]> {
  return db.getAll('follows');
}
