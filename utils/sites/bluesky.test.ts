import { describe, expect, it } from 'vitest';
import { openFixture } from '../../tests/helpers/fixture-dom';
import { bluesky } from './bluesky';

const PAGE_URL = 'https://bsky.app/profile/alice.bsky.social';
const fixture = (file: string) => openFixture('bluesky', file, { url: PAGE_URL });

describe('bluesky profile reading', () => {
  it('returns the header’s followBtn and anchors after the display name', () => {
    const reading = bluesky.readProfile?.(fixture('not-following.html'), 'alice.bsky.social');
    expect(reading?.followControl?.getAttribute('aria-label')).toBe('Follow alice.bsky.social');
    expect(reading?.anchor?.textContent?.trim()).toBe('Alice Example');
  });

  it('reads the screen of this handle when an earlier one is still mounted', () => {
    const reading = bluesky.readProfile?.(fixture('suggested-follows.html'), 'alice.bsky.social');
    expect(reading?.state).toBe('following');
    expect(reading?.anchor?.textContent?.trim()).toBe('Alice Example');
  });

  it('finds the follows list of a profile, and nothing else', () => {
    const owner = (url: string) => bluesky.followingListOwner?.(new URL(url));
    expect(owner('https://bsky.app/profile/Mo.bsky.social/follows')).toBe('mo.bsky.social');
    expect(owner('https://bsky.app/profile/did:plc:ewvi7nxzyoun6zhxrhs64oiz/follows')).toBe(
      'did:plc:ewvi7nxzyoun6zhxrhs64oiz',
    );
    expect(owner('https://bsky.app/profile/mo.bsky.social/followers')).toBeNull();
    expect(owner('https://bsky.app/profile/mo/follows')).toBeNull();
    expect(owner('https://bsky.app/profile/mo.bsky.social')).toBeNull();
  });
});
