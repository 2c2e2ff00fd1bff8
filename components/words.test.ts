import { describe, expect, it } from 'vitest';
import { hasEveryWord, queryWords, relativeTime } from './words';

describe('relativeTime', () => {
  const now = Date.UTC(2026, 11, 3, 12);
  it('says how long ago, coarsely', () => {
    expect(relativeTime(now - 20_000, now)).toBe('just now');
    expect(relativeTime(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(relativeTime(now - 2 * 3_600_000, now)).toBe('2 h ago');
    expect(relativeTime(now - 3 * 86_400_000, now)).toBe('3 d ago');
    expect(relativeTime(Date.UTC(2026, 2, 4, 12), now)).toBe('on 4 Mar 2026');
  });
});

describe('query words', () => {
  it('splits, lowercases and drops a leading @, so @alice finds the handle alice', () => {
    expect(queryWords('  @Alice  Platform ')).toEqual(['alice', 'platform']);
    expect(hasEveryWord('alice\nplatform team', queryWords('@alice plat'))).toBe(true);
    expect(hasEveryWord('alice', queryWords('alice bob'))).toBe(false);
  });
});
