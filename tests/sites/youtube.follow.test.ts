import { describe, expect, it, vi } from 'vitest';
import { youtube } from '../../utils/sites/youtube';
import { expectPressToFollow, openFixture } from './fixture-dom';

// The saved pages run their own scripts here (as in a browser) to check that they behave like the site.
const PAGE_URL = 'https://www.youtube.com/@alicecreates';
const open = (file: string, scripts = false) => openFixture('youtube', file, { url: PAGE_URL, scripts });

const read = (doc: Document) => youtube.readProfile?.(doc, 'alicecreates');

describe('youtube profile reading', () => {
  it('turns not-following.html into following once its own control is pressed', async () => {
    await expectPressToFollow(open('not-following.html', true), read);
  });

  it('shows the late header with a Follow control after a second', async () => {
    const doc = open('profile-late.html', true);
    expect(read(doc)?.state).toBe('unknown');
    await vi.waitFor(() => expect(read(doc)?.state).toBe('not-following'), { timeout: 3000 });
  });

  it('subscribes from a /channel/ page too', async () => {
    const doc = open('channel-id.html', true);
    const reading = youtube.readProfile?.(doc, 'UCq9Zr3T_x7Lm2Pd5Kf8Wy4A');
    expect(reading?.state).toBe('not-following');
    reading?.followControl?.click();
    await vi.waitFor(() =>
      expect(youtube.readProfile?.(doc, 'UCq9Zr3T_x7Lm2Pd5Kf8Wy4A').state).toBe('following'),
    );
  });

  it('does not take a channel id page whose head names another channel', () => {
    expect(youtube.readProfile?.(open('channel-id.html'), 'UCs3LfQ8p_Zx2Wm7Ka1Vb9Nd').state).toBe('unknown');
  });

  it('puts the flag after the handle line', () => {
    expect(read(open('following.html'))?.anchor?.tagName).toBe('YT-CONTENT-METADATA-VIEW-MODEL');
  });
});
