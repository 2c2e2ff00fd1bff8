import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { threads } from '../../utils/sites/threads';

// The saved pages run their own scripts here (as in a browser) to check that they behave like the site.
const PAGE_URL = 'https://www.threads.com/@alice.dev';
const windows: JSDOM['window'][] = [];

function open(file: string, scripts = false): Document {
  const html = readFileSync(resolve(import.meta.dirname, '../../fixtures/threads', file), 'utf8');
  const { window } = new JSDOM(html, { url: PAGE_URL, runScripts: scripts ? 'dangerously' : undefined });
  windows.push(window);
  return window.document;
}

afterEach(() => {
  for (const window of windows.splice(0)) window.close();
});

const read = (doc: Document) => threads.readProfile?.(doc, 'alice.dev');

describe('threads profile reading', () => {
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
