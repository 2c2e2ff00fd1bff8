import { describe, expect, it } from 'vitest';
import { ApiError, chunk, RateLimitError, retryAt } from './http';
import { NETWORKS } from './networks';

const NOW = Date.parse('2025-03-01T12:00:00.000Z');

describe('retryAt', () => {
  const epoch = { header: 'x-ratelimit-reset', format: 'epoch-seconds' } as const;

  it('prefers retry-after, in seconds or as an HTTP date', () => {
    const headers = new Headers({ 'retry-after': '30', 'x-ratelimit-reset': String(NOW / 1000 + 600) });
    expect(retryAt(headers, NOW, epoch)).toBe(NOW + 30_000);
    expect(retryAt(new Headers({ 'retry-after': 'Sat, 01 Mar 2025 12:05:00 GMT' }), NOW)).toBe(NOW + 300_000);
  });

  it('reads the reset header as epoch seconds or ISO 8601', () => {
    expect(retryAt(new Headers({ 'x-ratelimit-reset': String(NOW / 1000 + 600) }), NOW, epoch)).toBe(
      NOW + 600_000,
    );
    const iso = { header: 'x-ratelimit-reset', format: 'iso' } as const;
    expect(retryAt(new Headers({ 'x-ratelimit-reset': '2025-03-01T12:10:00.000Z' }), NOW, iso)).toBe(
      NOW + 600_000,
    );
  });

  it('waits a minute when the headers are absent, unreadable or already past', () => {
    expect(retryAt(new Headers(), NOW, epoch)).toBe(NOW + 60_000);
    expect(retryAt(new Headers({ 'x-ratelimit-reset': 'soon' }), NOW, epoch)).toBe(NOW + 60_000);
    expect(retryAt(new Headers({ 'x-ratelimit-reset': String(NOW / 1000 - 5) }), NOW, epoch)).toBe(
      NOW + 60_000,
    );
  });
});

describe('shared shapes', () => {
  it('errors carry their name, status and retry time', () => {
    const limited = new RateLimitError('slow down', NOW);
    expect(limited).toBeInstanceOf(Error);
    expect(limited).toMatchObject({ name: 'RateLimitError', retryAt: NOW, message: 'slow down' });
    expect(new ApiError('no', 404)).toMatchObject({ name: 'ApiError', status: 404 });
  });

  it('paces bulk follows at least 7.2 s apart (GitHub: 500 content-creating requests an hour)', () => {
    for (const { followIntervalMs } of Object.values(NETWORKS))
      expect(followIntervalMs).toBeGreaterThanOrEqual(7200);
    expect(Object.keys(NETWORKS).sort()).toEqual(['bluesky', 'github', 'mastodon']);
  });

  it('chunks lists into batches', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 30)).toEqual([]);
  });
});
