import { describe, expect, it } from 'vitest';
import { FOLLOW_INTERVAL_MS } from './api/http';
import { clampPacingS, defaultPacingS, MIN_PACING_S, pacingMs } from './pacing';

describe('pacing', () => {
  it('has floors inside each network’s published follow limits', () => {
    // Bluesky 1,666 creates an hour; GitHub 500 content-creating requests an hour; Mastodon 300 requests / 5 min, 2 a follow.
    expect(3600 / MIN_PACING_S.bluesky).toBeLessThanOrEqual(1666);
    expect(3600 / MIN_PACING_S.github).toBeLessThanOrEqual(500);
    expect((300 / MIN_PACING_S.mastodon) * 2).toBeLessThanOrEqual(300);
    expect(MIN_PACING_S).toEqual({ bluesky: 2.2, github: 7.2, mastodon: 2 });
  });

  it('keeps the default no faster than the floor', () => {
    for (const site of ['bluesky', 'github', 'mastodon'] as const) {
      expect(defaultPacingS(site)).toBe(FOLLOW_INTERVAL_MS[site] / 1000);
      expect(defaultPacingS(site)).toBeGreaterThanOrEqual(MIN_PACING_S[site]);
    }
  });

  it('gives the default when nothing is stored', () => {
    expect(pacingMs('bluesky', undefined)).toBe(FOLLOW_INTERVAL_MS.bluesky);
    expect(pacingMs('github', null)).toBe(FOLLOW_INTERVAL_MS.github);
    expect(pacingMs('mastodon', {})).toBe(FOLLOW_INTERVAL_MS.mastodon);
    expect(pacingMs('mastodon', { bluesky: 30 })).toBe(FOLLOW_INTERVAL_MS.mastodon);
    expect(pacingMs('github', Number.NaN)).toBe(FOLLOW_INTERVAL_MS.github);
  });

  it('uses the stored seconds, from a number or the whole record', () => {
    expect(pacingMs('bluesky', 15)).toBe(15_000);
    expect(pacingMs('github', { github: 8.5 })).toBe(8500);
    expect(pacingMs('mastodon', { mastodon: 2.25 })).toBe(2250);
  });

  it('raises anything faster to the floor', () => {
    expect(pacingMs('bluesky', 1)).toBe(2200);
    expect(pacingMs('github', { github: 0 })).toBe(7200);
    expect(pacingMs('mastodon', -5)).toBe(2000);
    expect(clampPacingS('github', 3)).toBe(7.2);
    expect(clampPacingS('github', undefined)).toBe(defaultPacingS('github'));
  });
});
