import { IDBFactory } from 'fake-indexeddb';
import { expect, it } from 'vitest';
import {
  listMembers,
  openTeamDb,
  putFollow,
  putMember,
  readGapReport,
  readSnapshot,
  refreshSnapshot,
} from './db';
import { computeGaps } from './gaps';
import type { FollowRecord, Member } from './model';

const member = (id: string, name: string, accounts: Member['accounts'], team?: string): Member => ({
  id,
  name,
  team,
  accounts,
  accountKeys: accounts.map((a) => `${a.site}:${a.handle}`),
});
const follow = (key: string, state: FollowRecord['state']): [string, FollowRecord] => [
  key,
  { key, state, checkedAt: 10, source: 'page' },
];

const members = [
  member('b', 'Bruno', [
    { site: 'github', handle: 'bruno' },
    { site: 'x', handle: 'bruno' },
  ]),
  member(
    'a',
    'Ada',
    [
      { site: 'x', handle: 'ada' },
      { site: 'github', handle: 'ada' },
      { site: 'reddit', handle: 'ada' },
    ],
    'Platform',
  ),
  member('me', 'Me', [{ site: 'x', handle: 'lead' }]),
  member('n', 'No Accounts Yet', []),
];
const follows = new Map([
  follow('x:ada', 'not-following'),
  follow('github:ada', 'following'),
  follow('x:bruno', 'requested'),
  follow('github:bruno', 'not-following'),
  follow('x:lead', 'self'),
]);

it('lists accounts recorded not-following as gaps, sorted by name then network', () => {
  const report = computeGaps(members, follows);
  expect(report.gaps.map((g) => `${g.name}:${g.site}`)).toEqual(['Ada:x', 'Bruno:github']);
  expect(report.gaps[0]).toEqual({
    memberId: 'a',
    name: 'Ada',
    team: 'Platform',
    site: 'x',
    handle: 'ada',
    state: 'not-following',
    checkedAt: 10,
    source: 'page',
    followsYou: undefined,
  });
});

it('lists accounts without evidence apart, never as gaps', () => {
  const report = computeGaps(members, follows);
  expect(report.unknown.map((g) => `${g.name}:${g.site}`)).toEqual(['Ada:reddit']);
  expect(report.unknown[0]?.checkedAt).toBeUndefined();
});

it('counts teammates, accounts and coverage per network, leaving your own accounts out', () => {
  const report = computeGaps(members, follows);
  expect(report.teammates).toBe(4);
  expect(report.accounts).toBe(5);
  expect(report.coverage).toEqual({
    x: { following: 0, 'not-following': 1, requested: 1, unknown: 0 },
    github: { following: 1, 'not-following': 1, requested: 0, unknown: 0 },
    reddit: { following: 0, 'not-following': 0, requested: 0, unknown: 1 },
  });
});

it('has no gaps for an empty roster', () => {
  expect(computeGaps([], new Map())).toEqual({
    teammates: 0,
    accounts: 0,
    gaps: [],
    unknown: [],
    coverage: {},
  });
});

it('keeps a snapshot of the report that reads back as computed from the data', async () => {
  globalThis.indexedDB = new IDBFactory();
  const db = await openTeamDb();
  for (const m of members) await putMember(db, m);
  for (const record of follows.values()) await putFollow(db, record);
  expect(await readSnapshot(db)).toBeUndefined();
  const report = await refreshSnapshot(db, 42);
  expect(report).toEqual(computeGaps(await listMembers(db), follows));
  expect(await readSnapshot(db)).toEqual(await readGapReport(db));
  db.close();
});
