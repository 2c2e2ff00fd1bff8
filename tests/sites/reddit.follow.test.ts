import { describe, expect, it, vi } from 'vitest';
import { reddit } from '../../utils/sites/reddit';
import { openFixture } from './fixture-dom';

// The saved pages run their own scripts here (as in a browser) to check that they behave like the site.
const PAGE_URL = 'https://www.reddit.com/user/alice_dev/';
const open = (file: string, scripts = false) => openFixture('reddit', file, { url: PAGE_URL, scripts });

const read = (doc: Document) => reddit.readProfile?.(doc, 'alice_dev');

describe('reddit profile reading', () => {
  it('shows the late header with a Follow control after a second', async () => {
    const doc = open('profile-late.html', true);
    expect(read(doc)?.state).toBe('unknown');
    await vi.waitFor(() => expect(read(doc)?.state).toBe('unknown'), { timeout: 3000 });
  });

  it('leaves even a working Follow button unread', async () => {
    const doc = open('not-following.html', true);
    expect(read(doc)).toEqual({ state: 'unknown', anchor: null });
    doc.querySelector<HTMLElement>('aside button')?.click();
    await vi.waitFor(() => expect(doc.querySelector('aside button')?.textContent).toBe('Unfollow'));
    expect(read(doc)?.state).toBe('unknown');
  });
});
