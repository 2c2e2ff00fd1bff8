import { describe, expect, it, vi } from 'vitest';
import { openFixture } from '../../tests/helpers/fixture-dom';
import { redditPage } from './reddit';

// The saved pages run their own scripts here (as in a browser) to check that they behave like the site.
const PAGE_URL = 'https://www.reddit.com/user/alice_dev/';
const open = (file: string, scripts = false) => openFixture('reddit', file, { url: PAGE_URL, scripts });

const read = (doc: Document) => redditPage.readProfile(doc, 'alice_dev');

describe('reddit profile reading', () => {
  it('leaves even a working Follow button unread', async () => {
    const doc = open('not-following.html', true);
    expect(read(doc)).toEqual({ state: 'unknown', reason: 'other', anchor: null });
    doc.querySelector<HTMLElement>('aside button')?.click();
    await vi.waitFor(() => expect(doc.querySelector('aside button')?.textContent).toBe('Unfollow'));
    expect(read(doc)).toEqual({ state: 'unknown', reason: 'other', anchor: null });
  });
});
