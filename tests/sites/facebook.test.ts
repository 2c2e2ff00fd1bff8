import { describe, expect, it } from 'vitest';
import { facebook } from '../../utils/sites/facebook';

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
