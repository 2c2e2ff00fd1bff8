import { describe, expect, it } from 'vitest';
import { x } from '../../utils/sites/x';
import { openFixture, pageFrom, sleep } from './fixture-dom';

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

// The saved pages behave like the site for end-to-end tests: jsdom runs their scripts here.
const live = (file: string) => openFixture('x', file, { url: PAGE_URL, scripts: true });

describe('x saved pages in action', () => {
  it.each(['not-following.html', 'follows-you.html'])(
    '%s shows following soon after its Follow is pressed',
    async (file) => {
      const doc = live(file);
      x.readProfile?.(doc, 'alice_dev').followControl?.click();
      await sleep(300);
      expect(x.readProfile?.(doc, 'alice_dev').state).toBe('following');
    },
  );

  it('not-following-late.html shows the profile, not followed, 1 s after load', async () => {
    const doc = live('not-following-late.html');
    expect(x.readProfile?.(doc, 'alice_dev').state).toBe('unknown');
    await sleep(1200);
    expect(x.readProfile?.(doc, 'alice_dev').state).toBe('not-following');
  });
});
