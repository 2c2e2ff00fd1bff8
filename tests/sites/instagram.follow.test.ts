import { describe, expect, it, vi } from 'vitest';
import { instagram } from '../../utils/sites/instagram';
import { expectPressToFollow, openFixture } from './fixture-dom';

// The saved pages run their own scripts here (as in a browser) to check that they behave like the site.
const PAGE_URL = 'https://www.instagram.com/alice.dev/';
const open = (file: string, scripts = false) => openFixture('instagram', file, { url: PAGE_URL, scripts });

const read = (doc: Document) => instagram.readProfile?.(doc, 'alice.dev');

describe('instagram profile reading', () => {
  it('turns not-following.html into following once its own control is pressed', async () => {
    await expectPressToFollow(open('not-following.html', true), read);
  });

  it('turns follows-you.html into following once its own control is pressed', async () => {
    await expectPressToFollow(open('follows-you.html', true), read);
  });

  it('shows the late header with a Follow control after a second', async () => {
    const doc = open('profile-late.html', true);
    expect(read(doc)?.state).toBe('unknown');
    await vi.waitFor(() => expect(read(doc)?.state).toBe('not-following'), { timeout: 3000 });
  });

  it('puts the flag after the username heading and presses the header button', () => {
    const reading = read(open('not-following.html'));
    expect(reading?.anchor?.tagName).toBe('H2');
    expect(reading?.followControl?.closest('header')).not.toBeNull();
  });

  it('reads a label in another language as unknown', () => {
    const doc = open('not-following.html');
    const label = doc.querySelector('main header button div');
    if (label) label.textContent = 'Seguir';
    expect(read(doc)?.state).toBe('unknown');
  });

  it('knows whose following list a URL opens', () => {
    const owner = (url: string) => instagram.followingListOwner?.(new URL(url));
    expect(owner('https://www.instagram.com/Alice.Dev/following/')).toBe('alice.dev');
    expect(owner('https://www.instagram.com/alice.dev/following')).toBe('alice.dev');
    expect(owner('https://www.instagram.com/alice.dev/followers/')).toBeNull();
    expect(owner('https://www.instagram.com/explore/following/')).toBeNull();
    expect(owner('https://www.threads.com/alice.dev/following/')).toBeNull();
  });

  it('reads no follows when no list dialog is open', () => {
    expect(instagram.readFollowingList?.(open('following.html'))).toEqual([]);
  });
});
