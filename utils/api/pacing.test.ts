import { describe, expect, it } from 'vitest';
import { NETWORKS } from './networks';
import { abortableSleep, clampPacingS, defaultPacingS, pacingMs } from './pacing';

describe('pacing', () => {
  it('has floors inside each network’s published follow limits', () => {
    // Bluesky 1,666 creates an hour; GitHub 500 content-creating requests an hour; Mastodon 300 requests / 5 min, 2 a follow.
    expect(3600 / NETWORKS.bluesky.minPacingS).toBeLessThanOrEqual(1666);
    expect(3600 / NETWORKS.github.minPacingS).toBeLessThanOrEqual(500);
    expect((300 / NETWORKS.mastodon.minPacingS) * 2).toBeLessThanOrEqual(300);
    expect(Object.fromEntries(Object.entries(NETWORKS).map(([site, n]) => [site, n.minPacingS]))).toEqual({
      bluesky: 2.2,
      github: 7.2,
      mastodon: 2,
    });
  });

  it('keeps the default no faster than the floor', () => {
    for (const site of ['bluesky', 'github', 'mastodon'] as const) {
      expect(defaultPacingS(site)).toBe(NETWORKS[site].followIntervalMs / 1000);
      expect(defaultPacingS(site)).toBeGreaterThanOrEqual(NETWORKS[site].minPacingS);
    }
  });

  it('gives the default when nothing is stored', () => {
    expect(pacingMs('bluesky', undefined)).toBe(NETWORKS.bluesky.followIntervalMs);
    expect(pacingMs('github', null)).toBe(NETWORKS.github.followIntervalMs);
    expect(pacingMs('mastodon', {})).toBe(NETWORKS.mastodon.followIntervalMs);
    expect(pacingMs('mastodon', { bluesky: 30 })).toBe(NETWORKS.mastodon.followIntervalMs);
    expect(pacingMs('github', Number.NaN)).toBe(NETWORKS.github.followIntervalMs);
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

describe('abortableSleep', () => {
  it('waits, or rejects at once when stopped', async () => {
    await expect(abortableSleep(1)).resolves.toBeUndefined();
    const stop = new AbortController();
    const waiting = abortableSleep(60_000, stop.signal);
    stop.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
    await expect(abortableSleep(1, stop.signal)).rejects.toThrow('stopped');
  });
});
