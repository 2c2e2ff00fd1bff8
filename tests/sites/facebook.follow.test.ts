import { describe, expect, it, vi } from 'vitest';
import { facebook } from '../../utils/sites/facebook';
import { expectPressToFollow, openFixture } from './fixture-dom';

// The saved pages run their own scripts here (as in a browser) to check that they behave like the site.
const PAGE_URL = 'https://www.facebook.com/alice.dev';
const open = (file: string, scripts = false) => openFixture('facebook', file, { url: PAGE_URL, scripts });

const read = (doc: Document) => facebook.readProfile?.(doc, 'alicedev');

describe('facebook profile reading', () => {
  it('turns not-following.html into following once its own control is pressed', async () => {
    await expectPressToFollow(open('not-following.html', true), read);
  });

  it('shows the late header with a Follow control after a second', async () => {
    const doc = open('profile-late.html', true);
    expect(read(doc)?.state).toBe('unknown');
    await vi.waitFor(() => expect(read(doc)?.state).toBe('not-following'), { timeout: 3000 });
  });

  it('presses the Follow button, never Add friend', () => {
    expect(read(open('not-following.html'))?.followControl?.getAttribute('aria-label')).toBe('Follow');
  });

  it("does not take a page without this profile's tab links", () => {
    const doc = open('following.html');
    for (const tab of doc.querySelectorAll('[role="tab"], a[href*="/friends"], a[href*="/followers"]'))
      tab.remove();
    expect(read(doc)?.state).toBe('unknown');
  });
});
