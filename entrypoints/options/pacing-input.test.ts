import { describe, expect, it } from 'vitest';
import { formatSeconds, parsePacing } from './pacing-input';

describe('formatSeconds', () => {
  it.each([
    [10, '10'],
    [7.2, '7.2'],
    [1 / 3, '0.33'],
  ])('writes %d as %j', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });
});

describe('parsePacing', () => {
  it('reads a number, empty as the default, and anything else as NaN', () => {
    expect(parsePacing(' 15 ')).toBe(15);
    expect(parsePacing('  ')).toBeUndefined();
    expect(parsePacing('fast')).toBeNaN();
  });
});
