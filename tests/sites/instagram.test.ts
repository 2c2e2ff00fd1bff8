import { describe, expect, it } from 'vitest';
import { instagram } from '../../utils/sites/instagram';

describe('instagram adapter', () => {
  it('builds profile URLs with the trailing slash Instagram uses', () => {
    expect(instagram.profileUrl('alice.smith')).toBe('https://www.instagram.com/alice.smith/');
  });

  it('refuses reserved words typed as usernames, whatever their case', () => {
    expect(instagram.handleFromText('Explore')).toBeNull();
    expect(instagram.handleFromText('accounts')).toBeNull();
  });

  it('treats reserved paths case-insensitively', () => {
    expect(instagram.handleFromUrl(new URL('https://www.instagram.com/Explore/'))).toBeNull();
  });

  it('leaves a single-segment path on another host alone', () => {
    expect(instagram.handleFromUrl(new URL('https://mastodon.social/alice'))).toBeNull();
  });
});
