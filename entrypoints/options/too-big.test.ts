import { afterEach, describe, expect, it } from 'vitest';
import { useLanguage } from '../../tests/helpers/i18n';
import { ROSTER_LIMITS } from '../../utils/roster/types';
import { tooBigMessage } from './too-big';

afterEach(() => useLanguage('en'));

describe('tooBigMessage', () => {
  it('accepts a roster up to the limit', () => {
    expect(tooBigMessage(ROSTER_LIMITS.maxBytes, 'team.csv')).toBeNull();
  });

  it('names what is over the limit and the limit in MB', () => {
    expect(tooBigMessage(ROSTER_LIMITS.maxBytes + 1)).toBe(
      'The pasted text is larger than the limit of 5 MB. Split it into smaller files.',
    );
    expect(tooBigMessage(ROSTER_LIMITS.maxBytes + 1, 'team.csv')).toBe(
      'team.csv is larger than the limit of 5 MB. Split it into smaller files.',
    );
  });

  it('says it in French, with the French unit', () => {
    useLanguage('fr');
    expect(tooBigMessage(ROSTER_LIMITS.maxBytes + 1, 'team.csv')).toMatch(/5\sMo/);
  });
});
