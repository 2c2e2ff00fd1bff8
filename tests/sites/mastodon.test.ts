import { describe, expect, it } from 'vitest';
import { parseProfileUrl, siteHostPatterns } from '../../utils/sites/index';
import { MASTODON_INSTANCES, mastodon } from '../../utils/sites/mastodon';

const url = (text: string) => new URL(text);

describe('mastodon instances', () => {
  it('knows the large instances the design lists', () => {
    for (const host of [
      'mastodon.social',
      'mastodon.online',
      'mastodon.world',
      'mas.to',
      'mstdn.social',
      'fosstodon.org',
      'hachyderm.io',
      'infosec.exchange',
      'techhub.social',
      'universeodon.com',
    ]) {
      expect(MASTODON_INSTANCES).toContain(host);
    }
  });

  it('lists its built-in instances as hosts, so their pages get the content script', () => {
    expect(mastodon.hosts).toEqual(MASTODON_INSTANCES);
    expect(siteHostPatterns()).toContain('https://hachyderm.io/*');
  });

  it('reads an instance the user added only when asked with it', () => {
    const page = url('https://social.example.org/@Alice/media');
    expect(mastodon.handleFromUrl(page)).toBeNull();
    expect(mastodon.handleFromUrl(page, { mastodonHosts: ['other.example'] })).toBeNull();
    expect(mastodon.handleFromUrl(page, { mastodonHosts: ['social.example.org'] })).toBe(
      'alice@social.example.org',
    );
    expect(parseProfileUrl(page.href, { mastodonHosts: ['social.example.org'] })).toEqual({
      site: 'mastodon',
      handle: 'alice@social.example.org',
    });
  });

  it('applies the same path rules on an added instance', () => {
    const options = { mastodonHosts: ['social.example.org'] };
    expect(mastodon.handleFromUrl(url('https://social.example.org/@bob@mas.to'), options)).toBe('bob@mas.to');
    expect(mastodon.handleFromUrl(url('https://social.example.org/users/bob'), options)).toBe(
      'bob@social.example.org',
    );
    expect(mastodon.handleFromUrl(url('https://social.example.org/@bob/followers'), options)).toBeNull();
    expect(mastodon.handleFromUrl(url('https://social.example.org/home'), options)).toBeNull();
    expect(mastodon.handleFromUrl(url('http://social.example.org/@bob'), options)).toBeNull();
  });

  it('builds the profile URL on the account’s own instance', () => {
    expect(mastodon.profileUrl('bob@fosstodon.org')).toBe('https://fosstodon.org/@bob');
    expect(mastodon.profileUrl('alice@xn--mnchen-3ya.social')).toBe('https://xn--mnchen-3ya.social/@alice');
  });

  it('takes a typed account on any instance but never a bare name', () => {
    expect(mastodon.handleFromText('Carol@Social.Example.Org')).toBe('carol@social.example.org');
    expect(mastodon.handleFromText('carol')).toBeNull();
    expect(mastodon.handleFromText('carol@social')).toBeNull();
    expect(mastodon.handleFromText(`${'c'.repeat(31)}@social.example.org`)).toBeNull();
  });
});
