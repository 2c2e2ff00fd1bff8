import { describe, expect, it } from 'vitest';
import { RateLimitError } from '../../utils/api/http';
import { formatDate } from '../../utils/i18n/index';
import { failureText } from './failure-text';

describe('failureText', () => {
  it('says when to try again after a rate limit', () => {
    const at = Date.UTC(2026, 0, 1, 12, 30);
    expect(failureText(new RateLimitError("GitHub's rate limit is reached", at))).toBe(
      `GitHub's rate limit is reached: try again after ${formatDate(at, { timeStyle: 'short' })}.`,
    );
  });

  it('gives any other failure as its text', () => {
    expect(failureText(new Error('offline'))).toBe('offline');
    expect(failureText('refused')).toBe('refused');
  });
});
