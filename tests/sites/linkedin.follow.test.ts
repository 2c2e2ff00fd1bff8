import { describe, expect, it } from 'vitest';
import { linkedin } from '../../utils/sites/linkedin';
import { fixtureHtml, openFixture, pageFrom, sleep } from './fixture-dom';

const HANDLE = 'alice-example-1a2b';
const PAGE_URL = `https://www.linkedin.com/in/${HANDLE}/`;
const source = (file: string) => fixtureHtml('linkedin', file);
const read = (html: string) => linkedin.readProfile?.(pageFrom(html, { url: PAGE_URL }), HANDLE);

describe('linkedin profile reading', () => {
  it('returns the top card’s Follow button, never the sidebar’s, and anchors after the name', () => {
    const reading = read(source('not-following.html'));
    expect(reading?.followControl?.getAttribute('aria-label')).toBe('Follow Alice Example');
    expect(reading?.followControl?.closest('aside')).toBeNull();
    expect(reading?.anchor?.querySelector('h1')?.textContent).toBe('Alice Example');
  });

  it('prefers Follow in the More menu to a visible Connect, and takes Connect when it is all there is', () => {
    const menu = read(source('follow-in-more-menu.html'))?.followControl;
    expect(menu?.getAttribute('aria-label')).toBe('Follow Alice Example');
    expect(menu?.closest('.artdeco-dropdown__content')).not.toBeNull();
    expect(read(source('connect-only.html'))?.followControl?.getAttribute('aria-label')).toBe(
      'Invite Alice Example to connect',
    );
  });

  it('knows the Follow slot by its icon in another language', () => {
    const spanish = source('not-following.html').replace(
      'aria-label="Follow Alice Example"',
      'aria-label="Seguir"',
    );
    expect(read(spanish)?.state).toBe('not-following');
  });
});

// The saved pages behave like the site for end-to-end tests: jsdom runs their scripts here.
const live = (file: string) => openFixture('linkedin', file, { url: PAGE_URL, scripts: true });

describe('linkedin saved pages in action', () => {
  it.each(['not-following.html', 'follow-in-more-menu.html'])(
    '%s shows following soon after its Follow is pressed',
    async (file) => {
      const doc = live(file);
      linkedin.readProfile?.(doc, 'alice-example-1a2b').followControl?.click();
      await sleep(300);
      expect(linkedin.readProfile?.(doc, 'alice-example-1a2b').state).toBe('following');
    },
  );

  it('turns Connect into a pending invitation when pressed', async () => {
    const doc = live('connect-only.html');
    linkedin.readProfile?.(doc, 'alice-example-1a2b').followControl?.click();
    await sleep(300);
    expect(linkedin.readProfile?.(doc, 'alice-example-1a2b').state).toBe('requested');
  });

  it('not-following-late.html shows the profile, not followed, 1 s after load', async () => {
    const doc = live('not-following-late.html');
    expect(linkedin.readProfile?.(doc, 'alice-example-1a2b').state).toBe('unknown');
    await sleep(1200);
    expect(linkedin.readProfile?.(doc, 'alice-example-1a2b').state).toBe('not-following');
  });
});
