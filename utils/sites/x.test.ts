import { describe, expect, it } from 'vitest';
import { openFixture, pageFrom } from '../../tests/helpers/fixture-dom';
import { x } from './x';

const PAGE_URL = 'https://x.com/alice_dev';
const fixture = (file: string) => openFixture('x', file, { url: PAGE_URL });

const html = (body: string) => pageFrom(`<!doctype html><body>${body}</body>`);

describe('x profile reading', () => {
  it('returns the header’s own Follow button and anchors after the UserName block', () => {
    const reading = x.readProfile?.(fixture('not-following.html'), 'alice_dev');
    expect(reading?.followControl?.getAttribute('data-testid')).toBe('1501234567890123456-follow');
    expect(reading?.anchor?.getAttribute('data-testid')).toBe('UserName');
  });

  it('ignores a button in the header box whose label names another account', () => {
    const doc = html(`<div data-testid="primaryColumn"><div>
      <button aria-label="Follow @bob_builder" data-testid="2-follow">Follow</button>
      <div data-testid="UserName"><span>@alice_dev</span></div></div></div>`);
    expect(x.readProfile?.(doc, 'alice_dev').state).toBe('unknown');
  });

  it('finds the following list of a profile, and nothing else', () => {
    expect(x.followingListOwner?.(new URL('https://twitter.com/Manager_Mo/following'))).toBe('manager_mo');
    expect(x.followingListOwner?.(new URL('https://x.com/manager_mo/followers'))).toBeNull();
    expect(x.followingListOwner?.(new URL('https://x.com/home/following'))).toBeNull();
    expect(x.followingListOwner?.(new URL('https://x.com/manager_mo'))).toBeNull();
    expect(x.followingListOwner?.(new URL('https://bsky.app/manager_mo/following'))).toBeNull();
  });
});
