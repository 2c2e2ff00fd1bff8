import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { instagram } from '../../utils/sites/instagram';

// The saved pages run their own scripts here (as in a browser) to check that they behave like the site.
const PAGE_URL = 'https://www.instagram.com/alice.dev/';
const windows: JSDOM['window'][] = [];

function open(file: string, scripts = false): Document {
  const html = readFileSync(resolve(import.meta.dirname, '../../fixtures/instagram', file), 'utf8');
  const { window } = new JSDOM(html, { url: PAGE_URL, runScripts: scripts ? 'dangerously' : undefined });
  windows.push(window);
  return window.document;
}

afterEach(() => {
  for (const window of windows.splice(0)) window.close();
});

const read = (doc: Document) => instagram.readProfile?.(doc, 'alice.dev');

describe('instagram profile reading', () => {
  it('turns not-following.html into following once its own control is pressed', async () => {
    const doc = open('not-following.html', true);
    const reading = read(doc);
    expect(reading?.state).toBe('not-following');
    reading?.followControl?.click();
    await vi.waitFor(() => expect(read(doc)?.state).toBe('following'), { timeout: 2000 });
    expect(read(doc)?.followControl ?? null).toBeNull();
  });

  it('turns follows-you.html into following once its own control is pressed', async () => {
    const doc = open('follows-you.html', true);
    const reading = read(doc);
    expect(reading?.state).toBe('not-following');
    reading?.followControl?.click();
    await vi.waitFor(() => expect(read(doc)?.state).toBe('following'), { timeout: 2000 });
    expect(read(doc)?.followControl ?? null).toBeNull();
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
