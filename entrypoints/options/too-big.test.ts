import { describe, expect, it } from 'vitest';
import { ROSTER_LIMITS } from '../../utils/roster/types';
import { tooBigMessage } from './too-big';

describe('tooBigMessage', () => {
  it('accepts a roster up to the limit', () => {
    expect(tooBigMessage(ROSTER_LIMITS.maxBytes, 'team.csv')).toBeNull();
  });

  it('names what is over the limit and the limit in MB', () => {
    expect(tooBigMessage(ROSTER_LIMITS.maxBytes + 1, 'The pasted text')).toBe(
      'The pasted text is larger than the limit of 5 MB. Split it into smaller files.',
    );
  });
});
