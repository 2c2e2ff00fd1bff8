import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listMembers, openTeamDb, type TeamDb } from '../db';
import type { RosterRefresh, RosterSubscription } from '../settings';
import { applyManagedRoster, managedSubscription, readManagedRoster } from './subscription-managed';

const URL_OF_ROSTER = 'https://intranet.example.org/roster.csv';
const JSON_ROSTER = JSON.stringify({ version: 1, members: [{ name: 'Ada', accounts: { x: 'ada' } }] });

describe('readManagedRoster', () => {
  it.each([
    [undefined, {}],
    [null, {}],
    ['text', {}],
    [{ rosterUrl: 42, roster: {} }, {}],
    [{ rosterUrl: '  ', roster: '' }, {}],
    [
      { rosterUrl: ` ${URL_OF_ROSTER} `, roster: JSON_ROSTER, other: 1 },
      { rosterUrl: URL_OF_ROSTER, roster: JSON_ROSTER },
    ],
  ])('reads %j as %j', (raw, policy) => {
    expect(readManagedRoster(raw)).toEqual(policy);
  });
});

describe('managedSubscription', () => {
  const mine: RosterSubscription = { url: 'https://raw.example.org/mine.csv', ownPermission: true };
  it('makes the managed address a subscription the user cannot remove', () => {
    expect(managedSubscription(null, URL_OF_ROSTER)).toEqual({
      url: URL_OF_ROSTER,
      ownPermission: false,
      managed: true,
    });
    expect(managedSubscription(mine, URL_OF_ROSTER)).toEqual({
      url: URL_OF_ROSTER,
      ownPermission: false,
      managed: true,
    });
  });
  it('keeps what was read of the same address', () => {
    const last: RosterRefresh = { at: 1, ok: false, message: 'x' };
    expect(managedSubscription({ url: URL_OF_ROSTER, ownPermission: true, last }, URL_OF_ROSTER)).toEqual({
      url: URL_OF_ROSTER,
      ownPermission: true,
      managed: true,
      last,
    });
  });
  it('ends a managed subscription the policy no longer sets, and keeps the user their own', () => {
    expect(
      managedSubscription({ url: URL_OF_ROSTER, ownPermission: false, managed: true }, undefined),
    ).toBeNull();
    expect(managedSubscription(mine, undefined)).toBe(mine);
    expect(managedSubscription(mine, 'http://not-https.example.org/r.csv')).toBe(mine);
  });
});

describe('applyManagedRoster', () => {
  let db: TeamDb;
  let state: { sub: RosterSubscription | null; imported: { digest: string; result: RosterRefresh } | null };
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    db = await openTeamDb('managed-test');
    state = { sub: null, imported: null };
  });
  afterEach(() => db.close());

  const deps = () => ({
    db: async () => db,
    now: () => 7,
    load: async () => state.sub,
    save: async (sub: RosterSubscription) => {
      state.sub = sub;
    },
    clear: async () => {
      state.sub = null;
    },
    lastImport: async () => state.imported,
    saveImport: async (value: { digest: string; result: RosterRefresh }) => {
      state.imported = value;
    },
  });

  it('subscribes to the managed address and imports the managed roster once', async () => {
    await applyManagedRoster({ rosterUrl: URL_OF_ROSTER, roster: JSON_ROSTER }, deps());
    expect(state.sub).toEqual({ url: URL_OF_ROSTER, ownPermission: false, managed: true });
    expect(state.imported?.result).toMatchObject({ ok: true, summary: { imported: 1, added: 1 } });
    const first = state.imported;
    await applyManagedRoster({ rosterUrl: URL_OF_ROSTER, roster: JSON_ROSTER }, deps());
    expect(state.imported).toBe(first);
    expect(await listMembers(db)).toHaveLength(1);
  });

  it('says why a managed roster could not be read, and writes nothing', async () => {
    await applyManagedRoster({ roster: '{"version":1,' }, deps());
    expect(state.imported?.result.ok).toBe(false);
    expect(await listMembers(db)).toEqual([]);
  });

  it('removes a managed subscription the policy dropped', async () => {
    state.sub = { url: URL_OF_ROSTER, ownPermission: false, managed: true };
    await applyManagedRoster({}, deps());
    expect(state.sub).toBeNull();
  });
});
