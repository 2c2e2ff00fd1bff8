import { describe, expect, it } from 'vitest';
import { openFixture, pageFrom } from '../../tests/helpers/fixture-dom';
import { bluesky, blueskyPage } from './bluesky';

const PAGE_URL = 'https://bsky.app/profile/alice.bsky.social';
const fixture = (file: string) => openFixture('bluesky', file, { url: PAGE_URL });

describe('bluesky profile reading', () => {
  it('returns the header’s followBtn and anchors after the display name', () => {
    const reading = blueskyPage.readProfile(fixture('not-following.html'), 'alice.bsky.social');
    expect(reading?.followControl?.getAttribute('aria-label')).toBe('Follow alice.bsky.social');
    expect(reading?.anchor?.textContent?.trim()).toBe('Alice Example');
  });

  it('reads the screen of this handle when an earlier one is still mounted', () => {
    const reading = blueskyPage.readProfile(fixture('suggested-follows.html'), 'alice.bsky.social');
    expect(reading?.state).toBe('following');
    expect(reading?.anchor?.textContent?.trim()).toBe('Alice Example');
  });

  it('finds the handle in a follow label whatever the word order of the language', () => {
    const header = (label: string) =>
      pageFrom(
        `<html lang="xx"><nav><a href="/notifications"></a></nav><div><div><button data-testid="followBtn" aria-label="${label}"><div>·</div></button></div><div><div><div data-testid="profileHeaderDisplayName">A</div></div><div></div></div></div></html>`,
        { url: PAGE_URL },
      );
    const read = (label: string) => blueskyPage.readProfile(header(label), 'alice.bsky.social').state;
    expect(read('Follow alice.bsky.social')).toBe('not-following');
    expect(read('alice.bsky.social folgen')).toBe('not-following');
    expect(read('alice.bsky.socialをフォロー')).toBe('not-following');
    expect(read('Follow malice.bsky.social')).toBe('unknown');
    expect(read('Follow alice.bsky.social.evil')).toBe('unknown');
  });

  it('reads the DID only from a CDN image of this header’s account, and only a well-formed one', () => {
    const header = (src: string) =>
      pageFrom(
        `<html lang="en"><nav><a href="/notifications"></a></nav><div data-testid="profileView"><div data-testid="profileHeaderAviButton"><div data-testid="userAvatarImage"><img src="${src}"></div></div><div><div><button data-testid="followBtn" aria-label="Follow alice.bsky.social"><div>Follow</div></button></div><div><div><div data-testid="profileHeaderDisplayName">A</div></div><div><div>@alice.bsky.social</div></div></div></div></div></html>`,
        { url: PAGE_URL },
      );
    const did = (src: string) => blueskyPage.readProfile(header(src), 'alice.bsky.social').stableId;
    const plc = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';
    expect(did(`https://cdn.bsky.app/img/avatar/plain/${plc}/bafkrei@jpeg`)).toBe(plc);
    expect(did(`https://cdn.bsky.app/img/avatar_thumbnail/plain/${plc}/bafkrei@jpeg`)).toBe(plc);
    expect(did('https://cdn.bsky.app/img/avatar/plain/did:web:alice.example.com/bafkrei@jpeg')).toBe(
      'did:web:alice.example.com',
    );
    expect(did(`https://evil.example/img/avatar/plain/${plc}/bafkrei@jpeg`)).toBeUndefined();
    expect(did(`http://cdn.bsky.app/img/avatar/plain/${plc}/bafkrei@jpeg`)).toBeUndefined();
    expect(did('https://cdn.bsky.app/img/avatar/plain/did:plc:TOOSHORT/bafkrei@jpeg')).toBeUndefined();
    expect(did(`https://cdn.bsky.app/img/feed_thumbnail/plain/${plc}/bafkrei@jpeg`)).toBeUndefined();
  });

  it('leaves follows-you unsaid in a language outside its labels, and reads the state all the same', () => {
    const reading = blueskyPage.readProfile(fixture('follows-you-ca.html'), 'alice.bsky.social');
    expect(reading?.state).toBe('not-following');
    expect(reading?.followsYou).toBeUndefined();
  });

  it('takes the own profile from the shell’s profile link when the header has no follow button', () => {
    const doc = pageFrom(
      `<nav role="navigation"><a href="/notifications"></a><a href="/profile/alice.bsky.social" aria-label="Profile"></a></nav>
      <div><div><button data-testid="profileHeaderDropdownBtn"></button></div>
      <div><div><div data-testid="profileHeaderDisplayName">Alice</div></div><div><div>@alice.bsky.social</div></div></div></div>`,
      { url: PAGE_URL },
    );
    expect(blueskyPage.readProfile(doc, 'alice.bsky.social').state).toBe('self');
    expect(blueskyPage.readProfile(doc, 'bob.bsky.social')).toMatchObject({
      state: 'unknown',
      reason: 'loading',
    });
  });

  it('finds the follows list of a profile, and nothing else', () => {
    const owner = (url: string) => bluesky.followingListOwner?.(new URL(url));
    expect(owner('https://bsky.app/profile/Mo.bsky.social/follows')).toBe('mo.bsky.social');
    expect(owner('https://bsky.app/profile/did:plc:ewvi7nxzyoun6zhxrhs64oiz/follows')).toBe(
      'did:plc:ewvi7nxzyoun6zhxrhs64oiz',
    );
    expect(owner('https://bsky.app/profile/mo.bsky.social/followers')).toBeNull();
    expect(owner('https://bsky.app/profile/mo/follows')).toBeNull();
    expect(owner('https://bsky.app/profile/mo.bsky.social')).toBeNull();
  });
});
