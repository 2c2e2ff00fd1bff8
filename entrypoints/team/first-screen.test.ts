import { describe, expect, it } from 'vitest';
import { computeGaps } from '../../utils/gaps';
import type { FollowRecord, Member } from '../../utils/model';
import { cellKeys, firstMembers, summariesFromSnapshot } from './first-screen';
import { buildMatrix } from './matrix';
import { sortMatrix } from './sort';
import { summarize } from './summary';
import { follow, member } from './team.cases';

const report = (members: Member[], follows: FollowRecord[]) =>
  computeGaps(members, new Map(follows.map((record) => [record.key, record])));

// A roster in no particular order, with equal names (the id decides) and numbers (compared as numbers).
const ROSTER = Array.from({ length: 120 }, (_, i) =>
  member(`m${(i * 37) % 120}`, i % 7 === 0 ? 'Sam' : `User ${(i * 53) % 120}`, {
    x: `u${i}`,
    ...(i % 3 ? { github: `u-${i}` } : {}),
  }),
);
const RECORDS = ROSTER.flatMap((m, i) => [
  follow(`x:u${i}`, i % 2 ? 'following' : 'not-following', { followsYou: i % 4 === 0 }),
  ...(i % 5 === 0 && m.accounts.length > 1 ? [follow(`github:u-${i}`, 'requested')] : []),
]);

describe('the first screen', () => {
  it('picks the first teammates of the name order, as sorting every row does', () => {
    const sorted = sortMatrix(buildMatrix(ROSTER, []), 'name').map((row) => row.id);
    expect(firstMembers(ROSTER, 25).map((m) => m.id)).toEqual(sorted.slice(0, 25));
    expect(firstMembers(ROSTER.slice(0, 10), 25).map((m) => m.id)).toEqual(
      sortMatrix(buildMatrix(ROSTER.slice(0, 10), []), 'name').map((row) => row.id),
    );
  });

  it('reads the follow records of the cells it shows: the first account on each network', () => {
    const twice = member('t', 'Two', { x: 'one' });
    twice.accounts.push({ site: 'x', handle: 'two' }, { site: 'github', handle: 'gh' });
    expect(cellKeys([twice])).toEqual(['x:one', 'github:gh']);
  });

  it('takes the summary row from a current snapshot, the same as counting every row', () => {
    const summaries = summariesFromSnapshot(ROSTER, report(ROSTER, RECORDS));
    expect(summaries).toEqual(summarize(buildMatrix(ROSTER, RECORDS)));
  });

  it('does not use a snapshot that would show other counts', () => {
    const stale = report(ROSTER.slice(1), RECORDS);
    expect(summariesFromSnapshot(ROSTER, stale)).toBeNull();
    // Counts that do not add up to the teammates' accounts on a network.
    const moved = report(ROSTER, RECORDS);
    const x = moved.coverage.x;
    if (x) moved.coverage.x = { ...x, following: x.following + 1 };
    expect(summariesFromSnapshot(ROSTER, moved)).toBeNull();
    // The user's own account: the snapshot leaves it out, the matrix shows it as followed.
    const own = [...RECORDS, follow('github:u-1', 'self')];
    expect(summariesFromSnapshot(ROSTER, report(ROSTER, own))).toBeNull();
    // Two accounts on one network: the matrix counts only the first.
    const twice = ROSTER.map((m, i) =>
      i ? m : { ...m, accounts: [...m.accounts, { site: 'x' as const, handle: 'second' }] },
    );
    expect(summariesFromSnapshot(twice, report(twice, RECORDS))).toBeNull();
  });
});
