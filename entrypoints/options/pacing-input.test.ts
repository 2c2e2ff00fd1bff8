import { afterEach, describe, expect, it } from 'vitest';
import { useLanguage } from '../../tests/helpers/i18n';
import { formatSeconds, parsePacing, secondsInput } from './pacing-input';

afterEach(() => useLanguage('en'));

describe('formatSeconds', () => {
  it.each([
    [10, '10'],
    [7.2, '7.2'],
    [1 / 3, '0.33'],
  ])('writes %d as %j', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });

  it('writes a decimal comma in German', () => {
    useLanguage('de');
    expect(formatSeconds(7.2)).toBe('7,2');
  });
});

describe('secondsInput', () => {
  it('keeps the dot a number input needs, in every language', () => {
    useLanguage('de');
    expect(secondsInput(7.2)).toBe('7.2');
    expect(secondsInput(1 / 3)).toBe('0.33');
  });
});

describe('parsePacing', () => {
  it('reads a number, empty as the default, and anything else as NaN', () => {
    expect(parsePacing(' 15 ')).toBe(15);
    expect(parsePacing('  ')).toBeUndefined();
    expect(parsePacing('fast')).toBeNaN();
  });
});
