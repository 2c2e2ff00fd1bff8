import { describe, expect, it } from 'vitest';
import type { MatrixCell } from './matrix';
import { cellDescription, followsYouWords, STATE_WORDS, seenWords, summaryWords } from './words';

const now = Date.UTC(2026, 5, 1, 12);
const cell = (extra: Partial<MatrixCell>): MatrixCell => ({
  site: 'x',
  handle: 'ada',
  state: 'not-following',
  followsYou: 'unknown',
  ...extra,
});

describe('words', () => {
  it('gives every state a symbol and words of its own', () => {
    const symbols = Object.values(STATE_WORDS).map((w) => w.symbol);
    const words = Object.values(STATE_WORDS).map((w) => w.key);
    expect(new Set(symbols).size).toBe(5);
    expect(new Set(words).size).toBe(5);
  });

  it('says follows-you only when known', () => {
    expect(followsYouWords('true')).toBe('follows you');
    expect(followsYouWords('false')).toBe('doesn’t follow you');
    expect(followsYouWords('unknown')).toBe('');
  });

  it('says when it was seen, or that it never was', () => {
    expect(seenWords(cell({ checkedAt: now - 2 * 3_600_000, source: 'page' }), now)).toBe('seen 2 hours ago');
    expect(seenWords(cell({ checkedAt: now - 60_000, source: 'api' }), now)).toBe('checked 1 minute ago');
    expect(seenWords(cell({ state: 'unknown' }), now)).toBe('never checked');
    expect(seenWords({ site: 'x', state: 'none', followsYou: 'unknown' }, now)).toBe('');
  });

  it('describes a cell in one sentence', () => {
    const text = cellDescription(cell({ checkedAt: now, followsYou: 'true' }), 'X', now);
    expect(text).toBe('X ada: Not following · seen just now · follows you');
    expect(cellDescription({ site: 'x', state: 'none', followsYou: 'unknown' }, 'X', now)).toBe(
      'X: No account',
    );
  });

  it('summarises a network, naming requested only when there are some', () => {
    const sum = { site: 'x' as const, followed: 3, requested: 0, notFollowed: 1, notChecked: 2, none: 0 };
    expect(summaryWords(sum)).toBe('3 followed · 1 not followed · 2 not checked');
    expect(summaryWords({ ...sum, requested: 1 })).toBe(
      '3 followed · 1 requested · 1 not followed · 2 not checked',
    );
  });
});
