import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reddit } from '../../utils/sites/reddit';

// The saved pages run their own scripts here (as in a browser) to check that they behave like the site.
const PAGE_URL = 'https://www.reddit.com/user/alice_dev/';
const windows: JSDOM['window'][] = [];

function open(file: string, scripts = false): Document {
  const html = readFileSync(resolve(import.meta.dirname, '../../fixtures/reddit', file), 'utf8');
  const { window } = new JSDOM(html, { url: PAGE_URL, runScripts: scripts ? 'dangerously' : undefined });
  windows.push(window);
  return window.document;
}

afterEach(() => {
  for (const window of windows.splice(0)) window.close();
});

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
