import { describe, expect, it } from 'vitest';
import type { Member } from '../utils/model';
import { filterMembers, sortMembers } from './roster-filter';

function member(id: string, name: string, extra: Partial<Member> = {}): Member {
  return { id, name, accounts: [], accountKeys: [], ...extra };
}

const ada = member('1', 'Ada Quill', {
  team: 'Platform',
  email: 'ada.quill@example.com',
  accounts: [
    { site: 'x', handle: 'adaquill' },
    { site: 'mastodon', handle: 'ada@mastodon.social' },
  ],
});
const bruno = member('2', 'Bruno Fenwick', {
  team: 'Design',
  accounts: [{ site: 'github', handle: 'bfenwick' }],
});
const chiara = member('3', 'chiara Delacroix', { email: 'chiara@example.com' });
const all = [bruno, chiara, ada];

describe('filterMembers', () => {
  it('returns everyone for an empty or blank query', () => {
    expect(filterMembers(all, '')).toEqual(all);
    expect(filterMembers(all, '   ')).toEqual(all);
  });

  it('matches name, team, email and handles, ignoring case', () => {
    expect(filterMembers(all, 'QUILL')).toEqual([ada]);
    expect(filterMembers(all, 'design')).toEqual([bruno]);
    expect(filterMembers(all, 'chiara@example')).toEqual([chiara]);
    expect(filterMembers(all, 'BFenwick')).toEqual([bruno]);
    expect(filterMembers(all, 'mastodon.social')).toEqual([ada]);
  });

  it('ignores a leading @ and needs every word to match', () => {
    expect(filterMembers(all, '@adaquill')).toEqual([ada]);
    expect(filterMembers(all, 'ada platform')).toEqual([ada]);
    expect(filterMembers(all, 'ada design')).toEqual([]);
  });

  it('sees a member changed since the last search (new object, new search text)', () => {
    expect(filterMembers([ada], 'growth')).toEqual([]);
    const moved = { ...ada, team: 'Growth' };
    expect(filterMembers([moved], 'growth')).toEqual([moved]);
  });

  it('filters 10,000 members quickly', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      member(String(i), `Person ${i}`, {
        team: `Team ${i % 50}`,
        accounts: [{ site: 'github', handle: `user${i}` }],
      }),
    );
    filterMembers(many, 'warm up');
    const started = performance.now();
    expect(filterMembers(many, 'user9999')).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('sortMembers', () => {
  it('sorts by name without regard to case, numbers in order, and leaves the input alone', () => {
    const people = [member('a', 'person 10'), member('b', 'Person 9'), member('c', 'alice')];
    expect(sortMembers(people).map((m) => m.name)).toEqual(['alice', 'Person 9', 'person 10']);
    expect(people.map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });
});
