import { describe, expect, it } from 'vitest';
import { openFixture } from '../../tests/helpers/fixture-dom';
import { facebook, facebookPage } from './facebook';

// The saved pages run their own scripts here (as in a browser) to check that they behave like the site.
const PAGE_URL = 'https://www.facebook.com/alice.dev';
const open = (file: string, scripts = false) => openFixture('facebook', file, { url: PAGE_URL, scripts });

const read = (doc: Document) => facebookPage.readProfile(doc, 'alicedev');

describe('facebook profile reading', () => {
  it('presses the Follow button, never Add friend', () => {
    expect(read(open('not-following.html'))?.followControl?.getAttribute('aria-label')).toBe('Follow');
  });

  it('reads the aria-labels of English pages only, and says so', () => {
    const doc = open('not-following.html');
    doc.documentElement.lang = 'it';
    expect(read(doc)).toMatchObject({ state: 'unknown', reason: 'language' });
  });

  it("does not take a page without this profile's tab links", () => {
    const doc = open('following.html');
    for (const tab of doc.querySelectorAll('[role="tab"], a[href*="/friends"], a[href*="/followers"]'))
      tab.remove();
    expect(read(doc)?.state).toBe('unknown');
  });
});

describe('facebook adapter', () => {
  it('links a numeric id through profile.php and a username directly', () => {
    expect(facebook.profileUrl('100004123456789')).toBe(
      'https://www.facebook.com/profile.php?id=100004123456789',
    );
    expect(facebook.profileUrl('johnsmith55')).toBe('https://www.facebook.com/johnsmith55');
  });

  it('gives one handle however the dots and capitals are written', () => {
    expect(facebook.handleFromText('John.Smith.55')).toBe('johnsmith55');
    expect(facebook.handleFromText('JOHNSMITH.55')).toBe('johnsmith55');
    expect(facebook.handleFromUrl(new URL('https://www.facebook.com/j.o.h.n.smith55'))).toBe('johnsmith55');
  });

  it('reads reserved words through dots, as Facebook does', () => {
    expect(facebook.handleFromText('m.e')).toBeNull();
    expect(facebook.handleFromUrl(new URL('https://www.facebook.com/Market.Place/'))).toBeNull();
  });

  it('ignores hosts that are not Facebook', () => {
    expect(facebook.handleFromUrl(new URL('https://mastodon.social/profile.php?id=4'))).toBeNull();
  });
});
