import { afterEach, describe, expect, it } from 'vitest';
import { useLanguage } from '../tests/helpers/i18n';
import { hasEveryWord, queryWords, relativeTime } from './words';

describe('relativeTime', () => {
  const now = Date.UTC(2026, 11, 3, 12);
  it('says how long ago, coarsely', () => {
    expect(relativeTime(now - 20_000, now)).toBe('just now');
    expect(relativeTime(now - 5 * 60_000, now)).toBe('5 minutes ago');
    expect(relativeTime(now - 2 * 3_600_000, now)).toBe('2 hours ago');
    expect(relativeTime(now - 3 * 86_400_000, now)).toBe('3 days ago');
    expect(relativeTime(Date.UTC(2026, 2, 4, 12), now)).toBe('on Mar 4, 2026');
  });
});

describe('query words', () => {
  it('splits, lowercases and drops a leading @, so @alice finds the handle alice', () => {
    expect(queryWords('  @Alice  Platform ')).toEqual(['alice', 'platform']);
    expect(hasEveryWord('alice\nplatform team', queryWords('@alice plat'))).toBe(true);
    expect(hasEveryWord('alice', queryWords('alice bob'))).toBe(false);
  });
});

describe('relativeTime in the UI language', () => {
  afterEach(() => useLanguage('en'));

  it('speaks German and Japanese when the browser does', () => {
    const now = Date.UTC(2026, 11, 3, 12);
    useLanguage('de');
    expect(relativeTime(now - 2 * 3_600_000, now)).toBe('vor 2 Stunden');
    expect(relativeTime(now - 10_000, now)).toBe('gerade eben');
    useLanguage('ja');
    expect(relativeTime(now - 3 * 86_400_000, now)).toBe('3 日前');
  });
});
