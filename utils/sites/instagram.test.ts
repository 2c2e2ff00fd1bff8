import { describe, expect, it } from 'vitest';
import { openFixture } from '../../tests/helpers/fixture-dom';
import { instagram, instagramPage } from './instagram';

// The saved pages run their own scripts here (as in a browser) to check that they behave like the site.
const PAGE_URL = 'https://www.instagram.com/alice.dev/';
const open = (file: string, scripts = false) => openFixture('instagram', file, { url: PAGE_URL, scripts });

const read = (doc: Document) => instagramPage.readProfile(doc, 'alice.dev');

describe('instagram profile reading', () => {
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

  it('reads the labels of the page language, and says when that language is not read', () => {
    const doc = open('not-following.html');
    doc.documentElement.lang = 'de-AT';
    // "Follow" is no German label; German still lacks sourced labels for two kinds, so it may be one of those.
    expect(read(doc)?.reason).toBe('language');
    const label = doc.querySelector('main header button div');
    if (label) label.textContent = 'Folgen';
    expect(read(doc)?.state).toBe('not-following');
    doc.documentElement.lang = 'sv';
    expect(read(doc)).toMatchObject({ state: 'unknown', reason: 'language' });
  });

  it('matches the username as its own text, not inside glued text', () => {
    const doc = open('following.html');
    const name = doc.querySelector('main header h2 span');
    if (name) name.textContent = 'alice.devVerified';
    expect(read(doc)).toMatchObject({ state: 'unknown', reason: 'loading' });
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
    expect(instagramPage.readFollowingList?.(open('following.html'))).toEqual([]);
  });
});

describe('instagram adapter', () => {
  it('builds profile URLs with the trailing slash Instagram uses', () => {
    expect(instagram.profileUrl('alice.smith')).toBe('https://www.instagram.com/alice.smith/');
  });

  it('refuses reserved words typed as usernames, whatever their case', () => {
    expect(instagram.handleFromText('Explore')).toBeNull();
    expect(instagram.handleFromText('accounts')).toBeNull();
  });

  it('treats reserved paths case-insensitively', () => {
    expect(instagram.handleFromUrl(new URL('https://www.instagram.com/Explore/'))).toBeNull();
  });

  it('leaves a single-segment path on another host alone', () => {
    expect(instagram.handleFromUrl(new URL('https://mastodon.social/alice'))).toBeNull();
  });
});
