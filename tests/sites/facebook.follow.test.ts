import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { facebook } from '../../utils/sites/facebook';

// The saved pages run their own scripts here (as in a browser) to check that they behave like the site.
const PAGE_URL = 'https://www.facebook.com/alice.dev';
const windows: JSDOM['window'][] = [];

function open(file: string, scripts = false): Document {
  const html = readFileSync(resolve(import.meta.dirname, '../../fixtures/facebook', file), 'utf8');
  const { window } = new JSDOM(html, { url: PAGE_URL, runScripts: scripts ? 'dangerously' : undefined });
  windows.push(window);
  return window.document;
}

afterEach(() => {
  for (const window of windows.splice(0)) window.close();
});

const read = (doc: Document) => facebook.readProfile?.(doc, 'alicedev');

describe('facebook profile reading', () => {
  it('turns not-following.html into following once its own control is pressed', async () => {
    const doc = open('not-following.html', true);
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
