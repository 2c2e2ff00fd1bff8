import { describe, expect, it } from 'vitest';
import { threads } from '../../utils/sites/threads';

describe('threads adapter', () => {
  it('builds profile URLs on threads.com, the current host', () => {
    expect(threads.profileUrl('alice.smith')).toBe('https://www.threads.com/@alice.smith');
  });

  it('leaves an @user path on a Mastodon host to Mastodon', () => {
    expect(threads.handleFromUrl(new URL('https://mastodon.social/@alice'))).toBeNull();
  });

  it('reads the same profile from threads.net and threads.com', () => {
    const fromNet = threads.handleFromUrl(new URL('https://threads.net/@Alice'));
    expect(fromNet).toBe('alice');
    expect(threads.handleFromUrl(new URL('https://threads.com/@alice/'))).toBe(fromNet);
  });
});
