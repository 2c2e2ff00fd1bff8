import { describe, expect, it } from 'vitest';
import { openFixture } from '../../tests/helpers/fixture-dom';
import { threads, threadsPage } from './threads';

// The saved pages run their own scripts here (as in a browser) to check that they behave like the site.
const PAGE_URL = 'https://www.threads.com/@alice.dev';
const open = (file: string, scripts = false) => openFixture('threads', file, { url: PAGE_URL, scripts });

const read = (doc: Document) => threadsPage.readProfile(doc, 'alice.dev');

describe('threads profile reading', () => {
  it('reads unknown when the header holds two Follow buttons', () => {
    const doc = open('following.html');
    const following = doc.querySelector('[role="main"] [role="button"] div');
    if (following) following.textContent = 'Follow';
    const mention = [...doc.querySelectorAll('[role="button"]')].find((el) => el.textContent === 'Mention');
    if (mention) mention.textContent = 'Following';
    expect(read(doc)?.state).toBe('unknown');
  });

  it('reads a known label only in its own language', () => {
    const doc = open('not-following.html');
    doc.documentElement.lang = 'ja';
    expect(read(doc)).toMatchObject({ state: 'unknown', reason: 'language' });
    const label = [...doc.querySelectorAll('[role="button"] div')].find((el) => el.textContent === 'Follow');
    if (label) label.textContent = 'フォローする';
    expect(read(doc)?.state).toBe('not-following');
  });

  it('puts the flag after the username', () => {
    expect(read(open('following.html'))?.anchor?.textContent).toBe('alice.dev');
  });
});

describe('threads adapter', () => {
  it('builds profile URLs on threads.com, the current host', () => {
    expect(threads.profileUrl('alice.smith')).toBe('https://www.threads.com/@alice.smith');
  });

  it('leaves an @user path on a Mastodon host to Mastodon', () => {
    expect(threads.handleFromUrl(new URL('https://mastodon.social/@alice'))).toBeNull();
  });

  it('reads the same profile from threads.net and threads.com', () => {
    const fromNet = threads.handleFromUrl(new URL('https://threads.net/@Alice'));
    expect(fromNet).toBe('alice');
    expect(threads.handleFromUrl(new URL('https://threads.com/@alice/'))).toBe(fromNet);
  });
});
