import { describe, expect, it } from 'vitest';
import { tiktok } from '../../utils/sites/tiktok';

describe('tiktok adapter', () => {
  it('builds profile URLs on www.tiktok.com', () => {
    expect(tiktok.profileUrl('alice.smith')).toBe('https://www.tiktok.com/@alice.smith');
  });

  it('leaves an @user path on a Mastodon host to Mastodon', () => {
    expect(tiktok.handleFromUrl(new URL('https://mastodon.social/@alice'))).toBeNull();
  });

  it('allows periods inside a username but not at its end', () => {
    expect(tiktok.handleFromText('a.b.c')).toBe('a.b.c');
    expect(tiktok.handleFromText('abc.')).toBeNull();
  });
});
