import { describe, expect, it, vi } from 'vitest';
import { threads } from '../../utils/sites/threads';
import { expectPressToFollow, openFixture } from './fixture-dom';

// The saved pages run their own scripts here (as in a browser) to check that they behave like the site.
const PAGE_URL = 'https://www.threads.com/@alice.dev';
const open = (file: string, scripts = false) => openFixture('threads', file, { url: PAGE_URL, scripts });

const read = (doc: Document) => threads.readProfile?.(doc, 'alice.dev');

describe('threads profile reading', () => {
  it('turns not-following.html into following once its own control is pressed', async () => {
    await expectPressToFollow(open('not-following.html', true), read);
  });

  it('shows the late header with a Follow control after a second', async () => {
    const doc = open('profile-late.html', true);
    expect(read(doc)?.state).toBe('unknown');
    await vi.waitFor(() => expect(read(doc)?.state).toBe('not-following'), { timeout: 3000 });
  });

  it('reads unknown when the header holds two Follow buttons', () => {
    const doc = open('following.html');
    const following = doc.querySelector('[role="main"] [role="button"] div');
    if (following) following.textContent = 'Follow';
    const mention = [...doc.querySelectorAll('[role="button"]')].find((el) => el.textContent === 'Mention');
    if (mention) mention.textContent = 'Following';
    expect(read(doc)?.state).toBe('unknown');
  });

  it('puts the flag after the username', () => {
    expect(read(open('following.html'))?.anchor?.textContent).toBe('alice.dev');
  });
});
